using System.Runtime.CompilerServices;
using Meridian.Dns.Names;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Octet strings whose plain order is RFC 4034 §6.1 canonical name order, so that sorting a
/// million names costs a memory compare each: labels right to left, lowercased, each ended by 00 00,
/// with an octet 00 inside a label written 00 01.</summary>
internal static class CanonicalNameKey
{
    /// <summary>Most octets a key can take: every octet doubled plus two per label.</summary>
    public const int MaxLength = 2 * DnsName.MaxWireLength + 2;

    /// <summary>Writes the key of <paramref name="name"/> leaving out its rightmost
    /// <paramref name="skipLabels"/> labels (the zone's own, shared by every name in it).</summary>
    // Hot from the first call (a million iterations in one go), so skip tiered compilation's slow first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(DnsName name, int skipLabels, Span<byte> destination)
    {
        var wire = name.Wire;
        Span<byte> offsets = stackalloc byte[128];
        int labels = 0;
        for (int i = 0; wire[i] != 0; i += wire[i] + 1) offsets[labels++] = (byte)i;
        labels -= skipLabels;
        int n = 0;
        while (labels-- > 0)
        {
            int start = offsets[labels];
            foreach (byte b in wire.Slice(start + 1, wire[start]))
            {
                if (b == 0)
                {
                    destination[n++] = 0;
                    destination[n++] = 1;
                }
                else
                {
                    destination[n++] = (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
                }
            }
            destination[n++] = 0;
            destination[n++] = 0;
        }
        return n;
    }
}
