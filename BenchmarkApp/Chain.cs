namespace BenchmarkApp;

/// <summary>Three resources, each needing the previous one, as async-iterator dependencies.</summary>
public static class Chain
{
    public static async IAsyncEnumerable<ResourceA> OpenA()
    {
        await using var a = new ResourceA();
        yield return a;
        a.Commit();
    }

    public static async IAsyncEnumerable<ResourceB> OpenB(ResourceA a)
    {
        await using var b = new ResourceB(a);
        yield return b;
        b.Commit();
    }

    public static async IAsyncEnumerable<ResourceC> OpenC(ResourceB b)
    {
        await using var c = new ResourceC(b);
        yield return c;
        c.Commit();
    }
}

/// <summary>The first resource.</summary>
public sealed class ResourceA : Resource;

/// <summary>The second resource: needs the first.</summary>
public sealed class ResourceB(ResourceA a) : Resource
{
    public ResourceA A { get; } = a;
}

/// <summary>The third resource: needs the second.</summary>
public sealed class ResourceC(ResourceB b) : Resource
{
    public ResourceB B { get; } = b;
}
