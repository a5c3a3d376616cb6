using System.Security.Cryptography;
using System.Text;
using YieldDeps;

namespace FunctionApp.Sample.Dependencies;

/// <summary>The configured API key.</summary>
public sealed record ApiKeySettings(string Key);

/// <summary>The caller that presented a valid API key.</summary>
public sealed record ApiCaller(string KeyHint);

public static class ApiKeyCheck
{
    /// <summary>Answers 401 before the function body runs unless the x-api-key header holds the configured key.</summary>
    public static ApiCaller Require([Header("x-api-key")] string? presented, ApiKeySettings settings)
    {
        if (string.IsNullOrEmpty(presented) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(settings.Key)))
        {
            throw new HttpProblemException(401, "A valid x-api-key header is required.")
            {
                Headers = { ["WWW-Authenticate"] = "ApiKey header=\"x-api-key\"" },
            };
        }

        return new ApiCaller(presented[..Math.Min(4, presented.Length)] + "…");
    }
}
