using System.Collections.Concurrent;

namespace YieldDeps.Testing.Factory;

/// <summary>
/// The addresses of the ASP.NET Core integration's servers held by running factories. The worker's extension for the
/// integration picks its port once per process, so a second app on it, started while the first runs, reports the
/// same address and would have its requests forwarded to the first app: the second factory refuses to start instead.
/// </summary>
internal static class AspNetCoreAddresses
{
    private static readonly ConcurrentDictionary<string, string> Holders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims <paramref name="address"/> for <paramref name="app"/>; false, with the app holding it, when another factory holds it.</summary>
    public static bool TryClaim(Uri address, string app, out string holder)
    {
        holder = Holders.GetOrAdd(address.Authority, app);
        return ReferenceEquals(holder, app);
    }

    public static void Release(Uri address, string app) =>
        Holders.TryRemove(new KeyValuePair<string, string>(address.Authority, app));
}
