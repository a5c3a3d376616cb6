using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Testing;

/// <summary>
/// The test kit gives an app the configuration the worker would: appsettings.json, local.settings.json's Values, the
/// environment, then the test's own settings, each winning over the one before; and it invokes functions of a static
/// class by type.
/// </summary>
public sealed class AppConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("yielddeps-settings-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AFunctionOfAStaticClass_IsInvokedByType_WithADependencyOnTheTestsSettings()
    {
        await using var host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(deps =>
            {
                deps.FunctionAssemblies.Clear();
                deps.Add(ConfiguredGreeting.FromSettings);
            }),
            configuration: settings => settings.AddInMemoryCollection(new Dictionary<string, string?> { [ConfiguredGreeting.Setting] = "Hello" }));

        var result = await host.InvokeAsync(typeof(ConfiguredGreetingFunctions), nameof(ConfiguredGreetingFunctions.Greet), TriggerInput.Queue("Ada"));

        result.EnsureSucceeded();
        Assert.Equal("Hello, Ada", result.InvocationResult);
    }

    [Fact]
    public async Task AMethodTheClassDoesNotHave_IsAClearError()
    {
        await using var host = FunctionTestHost.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.InvokeAsync(typeof(ConfiguredGreetingFunctions), "Greeet", TriggerInput.Queue("Ada")));

        Assert.Contains("ConfiguredGreetingFunctions has no method 'Greeet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostsConfiguration_HoldsTheEnvironment_ByDefault()
    {
        var name = $"YIELDDEPS_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "from the environment");
        try
        {
            await using var host = FunctionTestHost.Create();

            Assert.Equal("from the environment", host.Services.GetRequiredService<IConfiguration>()[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task ADependencyRun_GetsTheAppSettings_UnlessTheTestRegistersItsOwn()
    {
        Environment.SetEnvironmentVariable(ConfiguredGreeting.Setting, "Hi");
        try
        {
            await using var byDefault = await DependencyRun.StartAsync<ConfiguredGreeting>(deps => deps.Add(ConfiguredGreeting.FromSettings));
            var own = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ConfiguredGreeting.Setting] = "Hello" }).Build();
            await using var withItsOwn = await DependencyRun.StartAsync<ConfiguredGreeting>(
                deps => deps.Add(ConfiguredGreeting.FromSettings),
                options => options.Services.AddSingleton<IConfiguration>(own));

            Assert.Equal("Hi", byDefault.Value.Text);
            Assert.Equal("Hello", withItsOwn.Value.Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfiguredGreeting.Setting, null);
        }
    }

    [Fact]
    public void LocalSettingsValues_WinOverAppSettings_TheEnvironmentOverBoth_AndTheTestOverAll()
    {
        var fromEnvironment = $"YIELDDEPS_TEST_{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(_folder.FullName, "appsettings.json"), """{ "Shared": "appsettings", "OnlyApp": "appsettings" }""");
        File.WriteAllText(Path.Combine(_folder.FullName, "local.settings.json"), $$"""
            {
              // Core Tools' format: Values become the worker's environment variables.
              "IsEncrypted": false,
              "Values": { "Shared": "local.settings", "{{fromEnvironment}}": "local.settings", "Db__Name": "notes", "Test": "local.settings", },
            }
            """);
        Environment.SetEnvironmentVariable(fromEnvironment, "environment");
        try
        {
            var configuration = AppConfiguration.Build(_folder.FullName, settings => settings.AddInMemoryCollection(new Dictionary<string, string?> { ["Test"] = "test" }));

            Assert.Equal("appsettings", configuration["OnlyApp"]);
            Assert.Equal("local.settings", configuration["Shared"]);
            Assert.Equal("environment", configuration[fromEnvironment]);
            Assert.Equal("notes", configuration["Db:Name"]);
            Assert.Equal("test", configuration["Test"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(fromEnvironment, null);
        }
    }

    [Fact]
    public void ALocalSettingsFileThatIsNotJson_IsAnErrorNamingIt()
    {
        var file = Path.Combine(_folder.FullName, "local.settings.json");
        File.WriteAllText(file, "{ \"Values\": ");

        var error = Assert.Throws<InvalidOperationException>(() => AppConfiguration.Build(_folder.FullName, null));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
