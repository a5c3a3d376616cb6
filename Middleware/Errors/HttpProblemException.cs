namespace YieldDeps;

/// <summary>
/// An exception that carries an HTTP status and an RFC 9457 problem description. Thrown by a dependency or a
/// function on an HTTP trigger, it becomes a response with that status and an <c>application/problem+json</c>
/// body. Thrown by a teardown, it deliberately replaces the exception in flight (for instance turning a
/// concurrency conflict into 409).
/// </summary>
public class HttpProblemException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HttpProblemException"/> class.</summary>
    /// <param name="status">The HTTP status code, 400 to 599.</param>
    /// <param name="detail">A human-readable explanation specific to this occurrence; sent to the client.</param>
    /// <param name="innerException">The exception this one replaces, if any.</param>
    public HttpProblemException(int status, string? detail = null, Exception? innerException = null)
        : base(detail ?? HttpStatusTitles.For(status), innerException)
    {
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A problem status must be a 4xx or 5xx HTTP status code.");
        }

        Status = status;
        Detail = detail;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Gets the problem detail sent to the client.</summary>
    public string? Detail { get; }

    /// <summary>Gets or sets the problem title.</summary>
    /// <value><see langword="null"/>: the reason phrase of <see cref="Status"/>.</value>
    public string? Title { get; init; }

    /// <summary>Gets or sets a URI reference that identifies the problem type.</summary>
    /// <value><see langword="null"/>: <c>about:blank</c>.</value>
    public string? Type { get; init; }

    /// <summary>Gets headers added to the response, such as <c>WWW-Authenticate</c> for 401 or <c>Retry-After</c> for 429.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets extension members added to the problem body; values must be JSON-serializable.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
