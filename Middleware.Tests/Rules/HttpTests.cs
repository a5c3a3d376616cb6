using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 7: HTTP.</summary>
public sealed class HttpTests
{
    [Fact]
    public async Task AuthDependency_Throwing401_StopsTheBody_RollsBackWhatWasEntered_AndAnswersProblemJson()
    {
        using var database = new SqliteTestDatabase();
        await using var worker = Workers.Create(deps => deps.Add(SqliteSession.Open).Add(Auth.Require), out var journal, out _, s => s.AddSingleton(database));

        var denied = await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Protected)), TriggerInput.Http("POST", "http://localhost/api/protected"));
        var allowed = await worker.InvokeAsync(
            Method<HttpFunctions>(nameof(HttpFunctions.Protected)),
            TriggerInput.Http("POST", "http://localhost/api/protected", headers: [new("x-api-key", "secret")]));

        Assert.Null(denied.Exception);
        Assert.Equal(401, (int)denied.HttpResponse!.StatusCode);
        Assert.Equal("ApiKey", denied.HttpResponse.Header("WWW-Authenticate"));
        Assert.Equal("application/problem+json; charset=utf-8", denied.HttpResponse.Header("Content-Type"));
        using var problem = JsonDocument.Parse(denied.HttpResponse.Body);
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://example.test/problems/unauthorized", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("A valid x-api-key header is required.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(denied.Context.InvocationId, problem.RootElement.GetProperty("invocationId").GetString());

        Assert.Equal(201, (int)allowed.HttpResponse!.StatusCode);
        Assert.Equal(["body"], journal.Entries);
        Assert.Equal(["by tester"], database.Notes());
    }

    [Fact]
    public async Task OtherException_OnAnHttpTrigger_IsAGeneric500_WithNoMessageText()
    {
        await using var worker = Workers.Create(_ => { }, out _, out _);

        var result = await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Throws)), TriggerInput.Http("GET", "http://localhost/api/throws"));

        Assert.Null(result.Exception);
        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        Assert.DoesNotContain("hunter2", result.HttpResponse.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", result.HttpResponse.Body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("Internal Server Error", problem.RootElement.GetProperty("title").GetString());
        Assert.False(problem.RootElement.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task OtherException_IsLoggedWithItsStack_EvenThoughTheClientSeesAGeneric500()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(_ => { }, out _, out _, s => s.AddLogging(b => b.AddProvider(logs)));

        await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Throws)), TriggerInput.Http("GET", "http://localhost/api/throws"));

        var entry = Assert.Single(logs.Entries, e => e.EventId == 7);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task IncludeExceptionDetails_PutsTheExceptionTextInTheProblem()
    {
        await using var worker = Workers.Create(deps => deps.IncludeExceptionDetails = true, out _, out _);

        var result = await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Throws)), TriggerInput.Http("GET", "http://localhost/api/throws"));

        Assert.Contains("hunter2", result.HttpResponse!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpProblem_ThrownByTheFunction_CarriesStatusDetailAndExtensions()
    {
        await using var worker = Workers.Create(_ => { }, out _, out _);

        var result = await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Problem)), TriggerInput.Http("GET", "http://localhost/api/problem"));

        Assert.Equal(422, (int)result.HttpResponse!.StatusCode);
        using var problem = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("quantity must be positive", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("quantity", problem.RootElement.GetProperty("field").GetString());
        Assert.Equal("about:blank", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task FailedCommit_OnAMultiOutputHttpFunction_ReplacesTheHttpResult_AndDropsTheOtherOutputs()
    {
        await using var worker = Workers.Chain(out _, out var faults);
        faults.CommitFailsAt = "B";

        var result = await worker.InvokeAsync(Method<HttpFunctions>(nameof(HttpFunctions.Multi)), TriggerInput.Http("POST", "http://localhost/api/multi"));

        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        Assert.Null(result.OutputBindings["Message"]);
    }

    [Fact]
    public async Task NonHttpTrigger_GetsTheOriginalExceptionAfterTeardown_Unchanged()
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        var error = Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Contains(nameof(ChainFunctions.Queue), error.StackTrace, StringComparison.Ordinal);
        Assert.Equal(3, journal.StartingWith("finally").Count);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(600)]
    public void HttpProblemException_AcceptsOnlyErrorStatuses(int status)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpProblemException(status, "not an error"));

        Assert.Equal("status", error.ParamName);
    }
}
