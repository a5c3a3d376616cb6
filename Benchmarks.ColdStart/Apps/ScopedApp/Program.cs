using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ScopedApp;

// The same three resources as scoped services, finished by a hand-written unit-of-work middleware; no YieldDeps.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddUnitOfWork();
builder.UseMiddleware<UnitOfWorkMiddleware>();
builder.Build().Run();
