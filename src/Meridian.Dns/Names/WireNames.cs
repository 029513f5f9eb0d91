namespace Meridian.Dns.Names;

/// <summary>Checks on uncompressed names embedded in RDATA.</summary>
public static class WireNames
{
    /// <summary>Length of the uncompressed name starting at <paramref name="offset"/>; false when it runs
    /// past the data, uses compression, or breaks a length limit.</summary>
    public static bool TryGetLength(ReadOnlySpan<byte> data, int offset, out int length)
    {
        length = 0;
        int i = offset;
        while (true)
        {
            if (i >= data.Length || i - offset >= DnsName.MaxWireLength) return false;
            int len = data[i];
            if (len == 0) break;
            if (len > DnsName.MaxLabelLength) return false;
            i += len + 1;
        }
        length = i + 1 - offset;
        return length <= DnsName.MaxWireLength;
    }
}
