namespace YieldDeps;

/// <summary>
/// A registration or declaration that can never work: an unregistered type, a cycle, a parameter that cannot be
/// resolved, a factory of an unsupported shape. Thrown while the host starts, naming the dependencies involved.
/// </summary>
public sealed class DependencyRegistrationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DependencyRegistrationException"/> class.</summary>
    /// <param name="message">What is wrong, naming the dependencies involved.</param>
    public DependencyRegistrationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Initializes a new instance of the <see cref="DependencyRegistrationException"/> class for several problems.</summary>
    /// <param name="problems">Each problem found, one sentence each.</param>
    public DependencyRegistrationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"{problems.Count} dependency registration problems:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}";
}
