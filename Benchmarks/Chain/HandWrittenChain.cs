namespace YieldDeps.Benchmarks.Chain;

/// <summary>
/// The baseline: what a developer writes without any framework. Nested try/finally opens A, B and C, runs the
/// body, then commits and closes in reverse order: each resource commits only when everything inside it
/// succeeded, and closes always, exactly as the yield dependencies below do.
/// </summary>
public static class HandWrittenChain
{
    public static async ValueTask<int> RunAsync(Func<C, int> body)
    {
        var a = new A();
        try
        {
            int result;
            var b = new B(a);
            try
            {
                var c = new C(b);
                try
                {
                    result = body(c);
                    c.Commit();
                }
                finally
                {
                    await c.DisposeAsync().ConfigureAwait(false);
                }

                b.Commit();
            }
            finally
            {
                await b.DisposeAsync().ConfigureAwait(false);
            }

            a.Commit();
            return result;
        }
        finally
        {
            await a.DisposeAsync().ConfigureAwait(false);
        }
    }
}
