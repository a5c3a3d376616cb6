using ConsumerApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(new NotesDatabase(builder.Configuration["NotesDb"] ?? "Data Source=notes.db"));
builder.UseYieldDependencies(NotesDatabase.Register);

var host = builder.Build();
await host.Services.GetRequiredService<NotesDatabase>().EnsureCreatedAsync();
await host.RunAsync();

public partial class Program;
