namespace FunctionApp.Sample.Dependencies;

public sealed record FirstLink(int Depth);

public sealed record SecondLink(FirstLink Previous);

public sealed record ThirdLink(SecondLink Previous);

/// <summary>Three chained yield dependencies that do no I/O: what the middleware itself costs per invocation.</summary>
public static class PingChain
{
    public static IEnumerable<FirstLink> First()
    {
        yield return new FirstLink(1);
    }

    public static IEnumerable<SecondLink> Second(FirstLink first)
    {
        yield return new SecondLink(first);
    }

    public static IEnumerable<ThirdLink> Third(SecondLink second)
    {
        yield return new ThirdLink(second);
    }
}
