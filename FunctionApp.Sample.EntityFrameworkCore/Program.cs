using FunctionApp.Sample.EntityFrameworkCore;
using FunctionApp.Sample.EntityFrameworkCore.Data;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
ShopApp.AddShopDb(builder.Services, builder.Configuration["ShopDb"] ?? "Data Source=shop.db");
builder.UseYieldDependencies(ShopApp.RegisterDependencies);

var host = builder.Build();
await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ShopDb>>().CreateDbContextAsync())
{
    await db.Database.EnsureCreatedAsync();
}

await host.RunAsync();

// The entry point by name, for the tests' FunctionsApplicationFactory<Program> (top-level statements make it internal).
public partial class Program;
