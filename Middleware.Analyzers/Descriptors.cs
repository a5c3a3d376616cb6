using Microsoft.CodeAnalysis;

namespace YieldDeps.Analyzers;

/// <summary>
/// The diagnostics of the YieldDeps analyzer. Each has a help page, docs/diagnostics/YDnnnn.md in the YieldDeps
/// repository, linked by its absolute address (<see cref="HelpLinkBase"/> + id + ".md"), so the link works from the
/// package alone, in the IDE and on the feed; errors are mistakes that make the app fail at startup or on every call, warnings are mistakes that
/// fail on some paths only. Every severity can be changed in .editorconfig
/// (<c>dotnet_diagnostic.YD0001.severity = none</c>).
/// </summary>
internal static class Descriptors
{
    /// <summary>
    /// The help pages' absolute address: the repository's web address (YieldDepsRepositoryUrl and
    /// YieldDepsDocsRevision in Directory.Build.props, generated into <see cref="BuildConstants"/> at build time)
    /// followed by docs/diagnostics/. A diagnostic's help link is this, its id and ".md".
    /// </summary>
    public const string HelpLinkBase = BuildConstants.DocsUrl + "docs/diagnostics/";

    private const string Category = "YieldDeps";

    public static readonly DiagnosticDescriptor IteratorMustYieldOnce = new(
        "YD0001",
        "An iterator dependency must yield exactly once",
        "Dependency '{0}' {1}; a yield dependency yields its value exactly once on every path that does not throw",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An iterator registered as a dependency must run into exactly one 'yield return': finishing without one, or yielding a second value, is an error of the invocation that names the dependency.",
        helpLinkUri: HelpLinkBase + "YD0001.md");

    public static readonly DiagnosticDescriptor TeardownUsesInvocationToken = new(
        "YD0002",
        "Teardown uses the invocation's cancellation token",
        "Code after the 'yield return' of dependency '{0}' passes the invocation's cancellation token '{1}'; teardown should use outcome.TeardownToken, which only the teardown timeout fires",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Code after 'yield return' is teardown: a commit there that takes the invocation's token can be cancelled halfway when the invocation times out. Take an InvocationOutcome parameter and pass outcome.TeardownToken.",
        helpLinkUri: HelpLinkBase + "YD0002.md");

    public static readonly DiagnosticDescriptor ParameterNotSupplied = new(
        "YD0003",
        "Nothing supplies this parameter",
        "Parameter '{0}' of {1} has type {2}, which is not a registered dependency, a service or a value the worker binds; register it in UseYieldDependencies or AddYieldDependencies",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A function parameter, or a parameter of a function class's constructor, whose type no registration of this project provides fails host startup. The analyzer reports it only when it can see every registration of the app.",
        helpLinkUri: HelpLinkBase + "YD0003.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DependsNotRegistered = new(
        "YD0004",
        "[Depends] names a type that is not registered",
        "[Depends(typeof({0}))] names a type that is not a registered dependency; register it in UseYieldDependencies or AddYieldDependencies",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Depends] asks for a dependency for its side effects; a type no registration provides fails host startup. The analyzer reports it only when it can see every registration of the app.",
        helpLinkUri: HelpLinkBase + "YD0004.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UseBeforeWebApplication = new(
        "YD0005",
        "UseYieldDependencies is called before ConfigureFunctionsWebApplication",
        "UseYieldDependencies is called on '{0}' before ConfigureFunctionsWebApplication; call ConfigureFunctionsWebApplication first",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The ASP.NET Core integration's middleware must run outside YieldDeps', so that it hands the request in before dependencies are set up; in the other order host startup fails.",
        helpLinkUri: HelpLinkBase + "YD0005.md");

    public static readonly DiagnosticDescriptor SequenceNotIterator = new(
        "YD0006",
        "A registered method returns a sequence but is not an iterator",
        "Dependency '{0}' returns {1} but is not an iterator; write it with 'yield return', or register it with Add<{1}>(...) to provide the sequence itself",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A method returning IEnumerable<T> or IAsyncEnumerable<T> without being an iterator is ambiguous, and its registration fails at startup.",
        helpLinkUri: HelpLinkBase + "YD0006.md");

    public static readonly DiagnosticDescriptor DbContextWithoutUnitOfWork = new(
        "YD0007",
        "An EF Core context reaches a function without a unit of work",
        "Parameter '{0}' of {1} is the EF Core context {2}, which no unit of work manages, so nothing saves or commits what is changed through it; register deps.AddDbContextUnitOfWork<{2}>(), or deps.AllowDbContextWithoutUnitOfWork<{2}>() if it only reads",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A DbContext handed to a function, a function class constructor or a dependency as the plain service the app registered saves nothing on its own: the function answers success and its changes are lost. Host startup fails on it. The analyzer reports it only when it can see every registration of the app.",
        helpLinkUri: HelpLinkBase + "YD0007.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor LazyResultFromFunctionScope = new(
        "YD0008",
        "A result read lazily from a function-scoped dependency",
        "Function '{0}' returns a sequence read lazily from parameter '{1}', a function-scoped dependency ({2}) that is torn down before the response is written; register it with o => o.Scope = DependencyScope.Request, or read the sequence completely (ToList) before returning it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Under the ASP.NET Core integration an HTTP function's result is written after its function-scoped dependencies were torn down; an iterator or a LINQ query over such a dependency is enumerated only then, and finds it closed.",
        helpLinkUri: HelpLinkBase + "YD0008.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
