namespace ProbeShared;

/// <summary>Counts a request body's bytes without holding the whole body in memory.</summary>
internal static class BodyLength
{
    public static async Task<long> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
        }

        return length;
    }
}
