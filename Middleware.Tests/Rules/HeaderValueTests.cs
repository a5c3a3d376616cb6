using System.Text.Json;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 6: simple values from request headers, declared with [Header], into a dependency.</summary>
public sealed class HeaderValueTests
{
    private static async Task<FunctionTestResult> GetAsync(params KeyValuePair<string, string>[] headers)
    {
        await using var worker = Workers.Create(deps => deps.Add(TenantHeaders.Read), out _, out _);
        return await worker.InvokeAsync(Method<HeaderFunctions>(nameof(HeaderFunctions.Run)), TriggerInput.Http("GET", "http://localhost/api/tenant", headers: headers));
    }

    private static string Detail(FunctionTestResult result)
    {
        using var problem = JsonDocument.Parse(result.HttpResponse!.Body);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task HeaderValues_AreConvertedAndReachTheDependency()
    {
        var trace = Guid.NewGuid();

        var result = await GetAsync(new("X-Tenant", "acme"), new("x-shard", "3"), new("x-trace", trace.ToString()));

        Assert.Equal(200, (int)result.HttpResponse!.StatusCode);
        Assert.Equal($"acme/3/{trace}", result.HttpResponse.Body);
    }

    [Fact]
    public async Task OptionalHeaders_TakeTheirDefaults_WhenMissing()
    {
        var result = await GetAsync(new KeyValuePair<string, string>("x-tenant", "acme"));

        Assert.Equal("acme/1/-", result.HttpResponse!.Body);
    }

    [Fact]
    public async Task AMissingRequiredHeader_IsA400Problem_NamingIt()
    {
        var result = await GetAsync(new KeyValuePair<string, string>("x-shard", "3"));

        Assert.Equal(400, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("The header 'x-tenant' is required.", Detail(result));
    }

    [Fact]
    public async Task AHeaderThatDoesNotConvert_IsA400Problem_NamingIt()
    {
        var result = await GetAsync(new("x-tenant", "acme"), new("x-shard", "third"));

        Assert.Equal(400, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("The header 'x-shard' is not a whole number in range.", Detail(result));
    }

    [Fact]
    public async Task AHeaderBoundToATypeThatIsNotASimpleValue_FailsStartup_NamingDependencyAndHeader()
    {
        await using var worker = Workers.Create(deps => deps.Add(TenantHeaders.NotSimple), out _, out _);

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => worker.StartAsync());

        Assert.Contains("'TenantHeaders.NotSimple' (Unparsed) binds parameter 'address' to header 'x-address', but its type Uri is not a simple value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderSentSeveralTimes_ArrivesAsItsValuesJoinedByCommas()
    {
        var result = await GetAsync(new("x-tenant", "acme"), new("x-tenant", "globex"));

        Assert.Equal("acme,globex/1/-", result.HttpResponse!.Body);
    }
}
