namespace YieldDeps.Tests.Fixtures;

public static class BrokenOverride
{
    /// <summary>A replacement whose parameter can never be resolved.</summary>
    public static B NeedsOpaque(Opaque opaque) => new(new A());
}
