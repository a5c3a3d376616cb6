using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace YieldDeps.Tests.Fixtures;

/// <summary>A dependency built from the app's settings, as the quickstart's <c>Db.Open</c> is.</summary>
public sealed record ConfiguredGreeting(string Text)
{
    public const string Setting = "ConfiguredGreeting";

    public static ConfiguredGreeting FromSettings(IConfiguration configuration) => new(configuration[Setting] ?? "(no setting)");
}

/// <summary>Functions on a static class, as an app's usually are: the test kit invokes them by type.</summary>
public static class ConfiguredGreetingFunctions
{
    [Function("GreetFromSettings")]
    public static string Greet([QueueTrigger("greetings")] string name, ConfiguredGreeting greeting) => $"{greeting.Text}, {name}";
}
