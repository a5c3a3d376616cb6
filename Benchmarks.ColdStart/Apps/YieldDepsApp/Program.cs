using ColdStart.Apps;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using YieldDeps;

// 50 HTTP functions, each taking the three yield dependencies of Dependencies.Register.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseYieldDependencies(Dependencies.Register);
builder.Build().Run();
