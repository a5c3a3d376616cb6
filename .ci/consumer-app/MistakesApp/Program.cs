using MistakesApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddDbContext<ShopDb>(options => { });  // YD0007 in Functions.Stock: no unit of work for ShopDb
// YD0005: the ASP.NET Core integration must come first.
builder.UseYieldDependencies(deps => deps
    .Add(Unit.Open)          // YD0002 in Unit.Open
    .Add(Twice.Open)         // YD0001 in Twice.Open
    .Add(Reader.Open)        // YD0008 in Functions.Export: function-scoped, read lazily by the response
    .Add(Orders.All));       // YD0006: a sequence from a method that is no iterator
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
