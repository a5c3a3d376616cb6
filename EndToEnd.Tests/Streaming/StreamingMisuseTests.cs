using System.Net;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// CONTRACT 8.11: a result read lazily from a function-scoped dependency, written after that dependency was torn
/// down. The worker logs event ResponseAfterTeardown (14) naming the function, the dependency and the fix; the client
/// gets what a failed invocation gets: an empty 500 before the response started, a cut-off response after. Run on
/// LocalHost by <c>StreamingMisuseOnLocalHostTests</c> and through the factory by <c>StreamingMisuseThroughFactoryTests</c>.
/// </summary>
public abstract class StreamingMisuseTests(IStreamingApp fixture)
{
    private const string Explanation =
        "writing the response failed after dependencies 'ItemReader.Open' (ItemReader) were torn down. A result read from them while the " +
        "response is written (an iterator, a LINQ query or a reader over a session) finds them closed: register them with " +
        "o => o.Scope = DependencyScope.Request";

    [Fact]
    public async Task ALazyResultFromAFunctionScopedReaderIsAnEmpty500AndTheLogNamesTheFunctionTheDependencyAndTheFix()
    {
        using var response = await fixture.Client.GetAsync("api/lazy/early");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("reader-closed:early", fixture.Events());
        await fixture.WaitForOutputAsync($"fail YieldDeps: Function 'LazyExport' (invocation ");
        await fixture.WaitForOutputAsync(Explanation);
        await fixture.WaitForOutputAsync("ExecuteReader can only be called when the connection is open");
        await fixture.WaitForOutputAsync("LazyExport failed (invocation ");
    }

    [Fact]
    public async Task ALazyResultThatFailsAfterTheResponseStartedIsCutOffNotEndedCleanly()
    {
        using var response = await fixture.Client.GetAsync("api/lazy-late/late", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
        });

        Assert.True(
            failure is HttpRequestException or IOException,
            $"Expected the response to break off, got {(failure is null ? "a clean end" : failure.GetType().Name)}.");
        await fixture.WaitForOutputAsync("Function 'LazyExportAfterStart' (invocation ");
        await fixture.WaitForOutputAsync("LazyExportAfterStart failed (invocation ");
    }
}
