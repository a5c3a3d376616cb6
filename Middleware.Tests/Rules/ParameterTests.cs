using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 1: how a dependency's parameters are resolved.</summary>
public sealed class ParameterTests
{
    private static FunctionTestHost Create() =>
        Workers.Create(
            deps => deps.Add(ParameterDependencies.Greet).Add(ParameterDependencies.Describe),
            out _,
            out _,
            s => s.AddScoped<ScopedCounter>());

    private static string? Detail(FunctionTestResult result)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(result.HttpResponse!.Body);
        return problem.RootElement.GetProperty("detail").GetString();
    }

    [Fact]
    public async Task Parameters_AreResolvedFromSubDependenciesContextTokenOutcomeRequestServicesAndBindingData()
    {
        await using var worker = Create();
        using var source = new CancellationTokenSource();

        var result = await worker.InvokeAsync(
            Method<ParameterFunctions>(nameof(ParameterFunctions.Describe)),
            TriggerInput.Http("GET", "http://localhost/api/things/7?filter=red&correlation=6f9619ff-8b86-d011-b42d-00cf4fc964ff&page=3", routeValues: new { id = "7" }),
            source.Token);

        result.EnsureSucceeded();
        Assert.Equal("hello|ParameterFunctions.Describe|True|Pending|GET|True|7|red|6f9619ff-8b86-d011-b42d-00cf4fc964ff|3", result.HttpResponse!.Body);
    }

    [Fact]
    public async Task SimpleValues_MissingOptionalOnesTakeTheirDefaults()
    {
        await using var worker = Create();

        var result = await worker.InvokeAsync(
            Method<ParameterFunctions>(nameof(ParameterFunctions.Describe)),
            TriggerInput.Http("GET", "http://localhost/api/things/7", routeValues: new { id = "7" }));

        Assert.EndsWith("|7|null|null|1", result.HttpResponse!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimpleValue_ThatDoesNotConvert_IsA400Problem_NamingTheParameter()
    {
        await using var worker = Create();

        var result = await worker.InvokeAsync(
            Method<ParameterFunctions>(nameof(ParameterFunctions.Describe)),
            TriggerInput.Http("GET", "http://localhost/api/things/seven", routeValues: new { id = "seven" }));

        Assert.Equal(400, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Equal("The value of 'id' is not a whole number in range.", Detail(result));
    }

    [Fact]
    public async Task SimpleValue_RequiredAndMissing_IsA400Problem()
    {
        await using var worker = Create();

        var result = await worker.InvokeAsync(
            Method<ParameterFunctions>(nameof(ParameterFunctions.Describe)),
            TriggerInput.Http("GET", "http://localhost/api/things"));

        Assert.Equal(400, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("The value 'id' is required.", Detail(result));
    }
}
