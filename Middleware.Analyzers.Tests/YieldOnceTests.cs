namespace YieldDeps.Analyzers.Tests;

public sealed class YieldOnceTests
{
    private const string Program = """
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.UseYieldDependencies(deps => deps.Add(Session.Open));
        builder.Build().Run();

        public sealed partial record Session(int Id);
        """;

    [Fact]
    public Task AnIterator_ThatYieldsOnEveryPath_OrThrows_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static async IAsyncEnumerable<Session> Open([EnumeratorCancellation] CancellationToken ct)
                {
                    await Task.Yield();
                    if (ct.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(ct);
                    }

                    try
                    {
                        if (DateTime.UtcNow.Ticks % 2 == 0)
                        {
                            yield return new Session(1);
                        }
                        else
                        {
                            yield return new Session(2);
                        }
                    }
                    finally
                    {
                        await Task.Yield();
                    }
                }
            }
            """);

    [Fact]
    public Task AnIterator_ThatCanFinishWithoutYielding_IsReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> {|YD0001:Open|}(bool ready)
                {
                    if (ready)
                    {
                        yield return new Session(1);
                    }
                }
            }
            """);

    [Fact]
    public Task AnIterator_WithTwoYieldReturns_InARow_IsReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> {|YD0001:Open|}()
                {
                    yield return new Session(1);
                    yield return new Session(2);
                }
            }
            """);

    [Fact]
    public Task AnIterator_YieldingInALoop_IsReported_ForBothMistakes() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> {|YD0001:{|YD0001:Open|}|}(int[] ids)
                {
                    foreach (var id in ids)
                    {
                        yield return new Session(id);
                    }
                }
            }
            """);

    [Fact]
    public Task AnIterator_ThatYieldsOnceInsideAnEndlessLoop_AndBreaks_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> Open()
                {
                    var attempt = 0;
                    while (true)
                    {
                        attempt++;
                        if (attempt < 3)
                        {
                            continue;
                        }

                        yield return new Session(attempt);
                        break;
                    }
                }
            }
            """);

    [Fact]
    public Task AnIterator_ThatIsNotRegistered_IsNotChecked() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> Open()
                {
                    yield return new Session(1);
                }
            }

            public static class Numbers
            {
                public static IEnumerable<int> All()
                {
                    yield return 1;
                    yield return 2;
                }
            }
            """);

    [Fact]
    public Task A_Switch_ThatYieldsInEverySection_AndThrowsByDefault_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> Open(int kind)
                {
                    switch (kind)
                    {
                        case 1:
                            yield return new Session(1);
                            break;
                        case 2:
                            yield return new Session(2);
                            break;
                        default:
                            throw new ArgumentOutOfRangeException(nameof(kind));
                    }
                }
            }
            """);

    [Fact]
    public Task A_YieldBreak_BeforeTheYieldReturn_IsReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial record Session
            {
                public static IEnumerable<Session> {|YD0001:Open|}(string? name)
                {
                    if (name is null)
                    {
                        yield break;
                    }

                    yield return new Session(name.Length);
                }
            }
            """);
}
