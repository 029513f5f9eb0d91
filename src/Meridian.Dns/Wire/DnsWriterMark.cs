namespace Meridian.Dns.Wire;

/// <summary>A point in a message being written, to roll back to (all-or-nothing RRsets, truncation).</summary>
public readonly struct DnsWriterMark
{
    internal DnsWriterMark(int position, DnsSection section, ushort questions, ushort answers, ushort authority,
        ushort additional, int compressionCount, int optTtlOffset)
    {
        Position = position;
        Section = section;
        Questions = questions;
        Answers = answers;
        Authority = authority;
        Additional = additional;
        CompressionCount = compressionCount;
        OptTtlOffset = optTtlOffset;
    }

    /// <summary>The message length at the mark.</summary>
    public int Position { get; }

    internal DnsSection Section { get; }
    internal ushort Questions { get; }
    internal ushort Answers { get; }
    internal ushort Authority { get; }
    internal ushort Additional { get; }
    internal int CompressionCount { get; }
    internal int OptTtlOffset { get; }
}
