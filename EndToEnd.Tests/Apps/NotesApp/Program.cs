using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotesApp;
using YieldDeps;

// The built-in HTTP model (HttpRequestData), configured the classic way with ConfigureFunctionsWorkerDefaults.
var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults(worker => worker.UseYieldDependencies(deps =>
    {
        deps.Add(NotesDatabase.Session);
        if (Environment.GetEnvironmentVariable("NOTES_BROKEN_REGISTRATION") == "1")
        {
            // A registration that can never work: the host must refuse to start, naming it.
            deps.Add(Misconfigured.NeedsUnregistered);
        }
    }))
    .ConfigureServices(services => services.AddSingleton(new NotesDatabase(
        Environment.GetEnvironmentVariable("NotesDb") ?? throw new InvalidOperationException("Set NotesDb to a SQLite connection string."))))
    .Build();

await host.Services.GetRequiredService<NotesDatabase>().EnsureCreatedAsync();
await host.RunAsync();
