using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopApp;
using YieldDeps;
using YieldDeps.EntityFrameworkCore;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddDbContextFactory<ShopDb>(options => options.UseSqlite(Environment.GetEnvironmentVariable("ShopDb") ?? "Data Source=shop.db"));
builder.UseYieldDependencies(deps => deps.AddDbContextUnitOfWork<ShopDb>());

var host = builder.Build();
await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ShopDb>>().CreateDbContextAsync())
{
    await db.Database.EnsureCreatedAsync();
}

await host.RunAsync();
