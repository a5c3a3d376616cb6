namespace YieldDeps.Analyzers.Tests;

public sealed class LazyResultTests
{
    private const string Reader = """
        public sealed class Reader
        {
            public List<int> Loaded { get; } = [1, 2];

            public static IEnumerable<Reader> Open()
            {
                yield return new Reader();
            }

            public async IAsyncEnumerable<int> RowsAsync()
            {
                await Task.Yield();
                yield return 1;
            }

            public IEnumerable<int> Rows()
            {
                yield return 1;
            }
        }
        """;

    private const string Program = """
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseYieldDependencies(deps => deps.Add(Reader.Open));
        builder.Build().Run();
        """;

    private const string RequestScopedProgram = """
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseYieldDependencies(deps => deps.Add(Reader.Open, o => o.Scope = DependencyScope.Request));
        builder.Build().Run();
        """;

    [Fact]
    public Task An_Iterator_OfAFunctionScopedDependency_ReturnedInAResult_IsReported() =>
        CSharpVerifier.AnalyzeAsync<LazyResultAnalyzer>(Program, Reader, """
            using Microsoft.AspNetCore.Http;

            public static class Export
            {
                [Function("Export")]
                public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, Reader reader) =>
                    {|YD0008:Results.Ok(reader.RowsAsync())|};
            }
            """);

    [Fact]
    public Task A_LinqQuery_OverAFunctionScopedDependency_ReturnedAsItIs_IsReported() =>
        CSharpVerifier.AnalyzeAsync<LazyResultAnalyzer>(Program, Reader, """
            using Microsoft.AspNetCore.Http;

            public static class Export
            {
                [Function("Export")]
                public static IEnumerable<int> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, Reader reader)
                {
                    return {|YD0008:reader.Rows().Where(n => n > 0).Select(n => n * 2)|};
                }
            }
            """);

    [Fact]
    public Task A_Sequence_ReadBeforeReturning_OrFromARequestScopedDependency_OrOutsideHttp_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<LazyResultAnalyzer>(RequestScopedProgram, Reader, """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Export
            {
                [Function("Export")]
                public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, Reader reader) =>
                    Results.Ok(reader.RowsAsync());
            }

            public static class Listed
            {
                [Function("Listed")]
                public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, List<int> rows) =>
                    new OkObjectResult(rows.Where(n => n > 0));
            }
            """);

    [Fact]
    public Task A_MaterializedSequence_FromAFunctionScopedDependency_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<LazyResultAnalyzer>(Program, Reader, """
            using Microsoft.AspNetCore.Http;

            public static class Export
            {
                [Function("Export")]
                public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, Reader reader) =>
                    Results.Ok(reader.Rows().ToList());

                [Function("Loaded")]
                public static IResult Loaded([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, Reader reader) =>
                    Results.Ok(reader.Loaded);
            }
            """);
}
