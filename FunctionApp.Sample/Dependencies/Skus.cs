using System.Text.RegularExpressions;
using YieldDeps;

namespace FunctionApp.Sample.Dependencies;

/// <summary>
/// What a product code may look like. A value from a client is checked before it reaches a query, a response or a
/// log, so a 5 MB "sku" is a short 400, never echoed.
/// </summary>
public static partial class Skus
{
    public const int MaxLength = 64;

    /// <summary>Returns <paramref name="sku"/> when it is a product code; throws a 400 problem that does not repeat it otherwise.</summary>
    public static string Require(string? sku, string what) =>
        sku is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(sku)
            ? sku
            : throw new HttpProblemException(400, $"The {what} must be 1 to {MaxLength} letters, digits or dashes.");

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex Pattern();
}
