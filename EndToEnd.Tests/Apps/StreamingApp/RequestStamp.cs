using ProbeShared;

namespace StreamingApp;

/// <summary>A dependency with the default scope: it must be closed before the first byte of the response leaves.</summary>
public sealed class RequestStamp
{
    public bool Closed { get; private set; }

    public static IEnumerable<RequestStamp> Enter(ProbeEvents events, string tag)
    {
        var stamp = new RequestStamp();
        try
        {
            yield return stamp;
        }
        finally
        {
            stamp.Closed = true;
            events.Record($"stamp-closed:{tag}");
        }
    }
}
