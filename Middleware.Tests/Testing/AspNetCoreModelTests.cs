using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Testing;

/// <summary>
/// The in-process host with the worker's real ASP.NET Core integration: the integration hands the HttpContext in and
/// executes the function's IActionResult, and YieldDeps commits or rolls back around it.
/// </summary>
public sealed class AspNetCoreModelTests
{
    private static FunctionTestHost Create(SqliteTestDatabase database) =>
        FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(deps =>
            {
                deps.FunctionAssemblies.Clear();
                deps.Add(SqliteSession.Open).Add(TenantHeaders.Read);
            }),
            services => services.AddSingleton(database),
            httpModel: TestHttpModel.AspNetCore);

    private static TriggerInput Post(string body, string? tenant = "acme") =>
        TriggerInput.Http("POST", "http://localhost/api/notes", body, headers: tenant is null ? [] : [new("x-tenant", tenant)]);

    [Fact]
    public async Task AnActionResult_IsWrittenByTheIntegration_AndTheSessionCommits()
    {
        using var database = new SqliteTestDatabase();
        await using var host = Create(database);

        var result = await host.InvokeAsync<AspNetCoreNoteFunctions>(nameof(AspNetCoreNoteFunctions.Add), Post("hello"));

        result.EnsureSucceeded();
        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.Equal("/api/notes/1", result.HttpResponse.Header("Location"));
        using var body = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("hello", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(["acme: hello"], database.Notes());
    }

    [Fact]
    public async Task AProblemThrownAfterTheInsert_IsAProblemResponse_AndTheSessionRollsBack()
    {
        using var database = new SqliteTestDatabase();
        await using var host = Create(database);

        var result = await host.InvokeAsync<AspNetCoreNoteFunctions>(nameof(AspNetCoreNoteFunctions.Add), Post("conflict"));

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Contains("That note conflicts with another.", result.HttpResponse.Body, StringComparison.Ordinal);
        Assert.Empty(database.Notes());
    }

    [Fact]
    public async Task AMissingHeader_IsA400BeforeTheBody_AndNothingIsWritten()
    {
        using var database = new SqliteTestDatabase();
        await using var host = Create(database);

        var result = await host.InvokeAsync<AspNetCoreNoteFunctions>(nameof(AspNetCoreNoteFunctions.Add), Post("hello", tenant: null));

        Assert.Equal(HttpStatusCode.BadRequest, result.HttpResponse!.StatusCode);
        Assert.Contains("The header 'x-tenant' is required.", result.HttpResponse.Body, StringComparison.Ordinal);
        Assert.Empty(database.Notes());
    }
}
