using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// The dependencies of a function that are torn down before its HTTP response is written under the ASP.NET Core
/// integration, derived once per plan: all of them, or, when request-scoped ones are kept for the response, the
/// others. What <see cref="ResponseAfterTeardown"/> names when such a response fails.
/// </summary>
internal sealed class TornDownBeforeResponse
{
    private TornDownBeforeResponse(string names) => Names = names;

    /// <summary>Gets the dependencies' display names, comma-separated.</summary>
    public string Names { get; }

    /// <summary>Gets the dependencies of <paramref name="plan"/> torn down before the response; null when there is none.</summary>
    public static TornDownBeforeResponse? Of(InvocationPlan plan, bool requestScopedKept)
    {
        var names = plan.Nodes
            .Where(n => !requestScopedKept || n.Descriptor.Scope != DependencyScope.Request)
            .Select(n => n.Descriptor.Display)
            .ToList();
        return names.Count == 0 ? null : new TornDownBeforeResponse(string.Join(", ", names));
    }
}
