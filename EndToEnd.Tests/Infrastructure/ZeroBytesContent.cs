using System.Net;

namespace YieldDeps.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A request body of <c>size</c> zero bytes, written a small buffer at a time so that large bodies cost no
/// memory in the test. With <c>declareLength</c> it has a Content-Length; without, it goes out chunked.
/// </summary>
internal sealed class ZeroBytesContent(long size, bool declareLength) : HttpContent
{
    private static readonly byte[] Zeros = new byte[64 * 1024];

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (var left = size; left > 0; left -= Zeros.Length)
        {
            await stream.WriteAsync(Zeros.AsMemory(0, (int)Math.Min(Zeros.Length, left)), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return declareLength;
    }
}
