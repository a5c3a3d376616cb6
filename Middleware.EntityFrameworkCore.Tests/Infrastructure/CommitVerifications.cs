using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Listens to the <c>yielddeps.commit_verifications</c> counter and keeps the verdicts reported for one unit of work (by name).</summary>
public sealed class CommitVerifications : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _verdicts = new();

    public CommitVerifications(string unitOfWork)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == YieldDepsTelemetry.SourceName && instrument.Name == "yielddeps.commit_verifications")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? name = null, verdict = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "yielddeps.dependency.name":
                        name = tag.Value as string;
                        break;
                    case "yielddeps.commit.verification":
                        verdict = tag.Value as string;
                        break;
                }
            }

            if (name == unitOfWork && verdict is not null)
            {
                _verdicts.Enqueue(verdict);
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<string> Verdicts => [.. _verdicts];

    public void Dispose() => _listener.Dispose();
}
