using ColdStart.Apps;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using YieldDeps;

// YieldDeps installed with the same three dependencies as YieldDepsApp, but none of the 50 functions takes one.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseYieldDependencies(Dependencies.Register);
builder.Build().Run();
