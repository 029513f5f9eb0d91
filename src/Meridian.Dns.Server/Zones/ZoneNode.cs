using System.Runtime.InteropServices;

namespace Meridian.Dns.Server.Zones;

/// <summary>What a name in a zone is, apart from its data.</summary>
[Flags]
internal enum NodeFlags : byte
{
    None = 0,
    /// <summary>The zone's own name.</summary>
    Apex = 1,
    /// <summary>A zone cut: NS below the apex (RFC 1034 §4.2.2).</summary>
    Delegation = 2,
    /// <summary>Below a zone cut: glue, never answered authoritatively.</summary>
    Occluded = 4,
    /// <summary>Exists only because names below it exist (RFC 4592 §2.2.2).</summary>
    EmptyNonTerminal = 8,
    /// <summary>"*.name" exists.</summary>
    HasWildcardChild = 16,
}

/// <summary>One name of a zone: where its name and record sets are.</summary>
internal readonly record struct ZoneNode(int NameOffset, int FirstRRset, ushort RRsetCount, NodeFlags Flags);

/// <summary>One record set: type, TTL, the range of its records' data, and whether any of its records is
/// geo-targeted (then answering selects records by the client's location). Auto layout packs the flag into
/// padding, so the entry stays 16 bytes.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct RRsetEntry(ushort Type, uint Ttl, int FirstRdata, int RdataCount, bool Targeted = false);
