namespace YieldDeps.Analyzers.Tests;

/// <summary>
/// YD0003 depends on what the app registers, never on the shape of the parameter type's own static members: over
/// every shape a type's factory takes, a registered type gets no diagnostic and an unregistered one gets it.
/// </summary>
public sealed class FactoryShapeTests
{
    /// <summary>The static factory of <c>Clock</c>, always named <c>Make</c>, in each shape an app writes it.</summary>
    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["plain"] = "public static Clock Make() => new();",
        ["task-from-result"] = "public static Task<Clock> Make() => Task.FromResult(new Clock());",
        ["async-task"] = "public static async Task<Clock> Make() { await Task.Yield(); return new Clock(); }",
        ["task-run-lambda"] = "public static Task<Clock> Make() => Task.Run(() => new Clock());",
        ["value-task-from-result"] = "public static ValueTask<Clock> Make() => ValueTask.FromResult(new Clock());",
        ["value-task-new"] = "public static ValueTask<Clock> Make() => new(new Clock());",
        ["async-value-task"] = "public static async ValueTask<Clock> Make() { await Task.Yield(); return new Clock(); }",
        ["async-iterator"] = "public static async IAsyncEnumerable<Clock> Make() { await Task.Yield(); yield return new Clock(); }",
        ["iterator"] = "public static IEnumerable<Clock> Make() { yield return new Clock(); }",
        ["generic-helper"] = "public static Task<Clock> Make() => Wrap<Clock>(new Clock()); private static Task<T> Wrap<T>(T value) => Task.FromResult(value);",
        ["deserialized"] = "public static Clock Make() => System.Text.Json.JsonSerializer.Deserialize<Clock>(\"{}\")!;",
    };

    /// <summary>How the app registers <c>Clock</c>, or not, and whether YD0003 is expected.</summary>
    private static readonly Dictionary<string, (string Registration, bool Reported)> Registrations = new()
    {
        ["unregistered"] = ("builder.UseYieldDependencies(deps => deps.Add(Calendar.Today));", true),
        ["method-group"] = ("builder.UseYieldDependencies(deps => deps.Add(Calendar.Today).Add(Clock.Make));", false),
        ["lambda"] = ("builder.UseYieldDependencies(deps => deps.Add(Calendar.Today).Add(() => Clock.Make()));", false),
        ["keyed-lambda"] = ("builder.UseYieldDependencies(deps => deps.Add(Calendar.Today).Add<Clock>(() => Clock.Make()));", false),
        ["service"] = ("builder.Services.AddSingleton<Clock>();\nbuilder.UseYieldDependencies(deps => deps.Add(Calendar.Today));", false),
        ["service-instance"] = ("builder.Services.AddSingleton(new Clock());\nbuilder.UseYieldDependencies(deps => deps.Add(Calendar.Today));", false),
        ["service-typeof"] = ("builder.Services.AddScoped(typeof(Clock));\nbuilder.UseYieldDependencies(deps => deps.Add(Calendar.Today));", false),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var shape in Shapes.Keys)
        {
            foreach (var registration in Registrations.Keys)
            {
                cases.Add(shape, registration);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task AParameterIsReportedExactlyWhenItsTypeIsNotRegisteredWhateverItsFactoryLooksLike(string shape, string registration)
    {
        var (register, reported) = Registrations[registration];
        var parameter = reported ? "Clock {|YD0003:clock|}" : "Clock clock";
        return CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>($$"""
            var builder = FunctionsApplication.CreateBuilder(args);
            {{register}}
            builder.Build().Run();

            public static class Ticks
            {
                [Function("Tick")]
                public static void Tick([QueueTrigger("ticks")] string id, Calendar calendar, {{parameter}})
                {
                }
            }

            public sealed class Calendar
            {
                public static Calendar Today() => new();
            }

            public sealed class Clock
            {
                {{Shapes[shape]}}
            }
            """);
    }
}
