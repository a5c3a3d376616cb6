using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// The sample app as its Program.cs runs it, in the test process, with the settings the Functions host would give it
/// from local.settings.json: an API key, and a real SQLite file of its own.
/// </summary>
#region readme-factory
public sealed class SampleAppFactory : FunctionsApplicationFactory<Program>
{
    public const string ApiKey = "factory-test-key";

    public SampleAppFactory()
    {
        Database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        UseSetting("SampleApiKey", ApiKey);
        UseSetting("SampleDb", Database.ConnectionString);
    }

    public TestDatabase Database { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
#endregion
