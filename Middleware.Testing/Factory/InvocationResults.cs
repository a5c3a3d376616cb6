using System.Globalization;
using System.Text;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.Testing.Factory;

/// <summary>A non-HTTP invocation's run, as the host saw it, turned into the result a test reads.</summary>
internal static class InvocationResults
{
    public static FunctionInvocationResult From(string functionName, NonHttpRun run)
    {
        var last = run.Attempts.Count > 0 ? run.Attempts[^1] : null;
        var response = last?.Response;
        var outputs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (response is not null)
        {
            foreach (var output in response.OutputData)
            {
                outputs[output.Name] = Text(output.Data);
            }
        }

        return new FunctionInvocationResult(
            functionName,
            last?.Succeeded == true,
            last?.Kind.ToString() ?? InvocationReplyKind.Aborted.ToString(),
            last?.Error,
            run.Attempts.Count,
            run.Poisoned?.Queue,
            response?.ReturnValue is { } value ? Text(value) : null,
            outputs);
    }

    private static string? Text(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.Bytes => Encoding.UTF8.GetString(data.Bytes.ToByteArray()),
        TypedData.DataOneofCase.Stream => Encoding.UTF8.GetString(data.Stream.ToByteArray()),
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => data.Double.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.None => null,
        _ => data.ToString(),
    };
}
