using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tsig;

/// <summary>A TSIG record (RFC 8945 §4.2) as found at the end of a message: where it starts, its key name and
/// fields. Parsing allocates; it runs only for signed messages.</summary>
internal sealed record TsigRecord(int Start, DnsName KeyName, DnsName AlgorithmName, ulong TimeSigned, ushort Fudge, byte[] Mac,
    ushort OriginalId, ushort Error, byte[] OtherData)
{
    /// <summary>Finds the TSIG record of <paramref name="message"/>. Returns false when the message has none; a TSIG
    /// that is not the last record of the additional section, or is malformed, sets <paramref name="malformed"/>.</summary>
    public static bool TryFind(ReadOnlySpan<byte> message, out TsigRecord? tsig, out bool malformed)
    {
        tsig = null;
        malformed = false;
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(message, name, lowercaseNames: true);
        while (reader.TrySkipQuestion()) { }
        int start = reader.Position;
        int count = 0;
        int total = reader.Header.AnswerCount + reader.Header.AuthorityCount + reader.Header.AdditionalCount;
        while (true)
        {
            start = reader.Position;
            if (!reader.TryReadRecord(out var record)) break;
            count++;
            if (record.Type != DnsType.TSIG) continue;
            if (count != total || record.Section != DnsSection.Additional || record.Class != DnsClass.ANY || record.Ttl != 0)
            {
                malformed = true;
                return false;
            }
            DnsName.TryFromWire(record.Name, out var keyName);
            if (keyName is null || !TryParseData(message, record.DataOffset, record.Data.Length, start, keyName, out tsig)) malformed = true;
            return tsig is not null;
        }
        malformed = reader.Error != WireError.None;
        return false;
    }

    private static bool TryParseData(ReadOnlySpan<byte> message, int offset, int length, int start, DnsName keyName, out TsigRecord? tsig)
    {
        tsig = null;
        int end = offset + length;
        int position = offset;
        // The algorithm name is never compressed (RFC 8945 §4.2), but reading it with the message lets a sender that did compress still be understood.
        if (WireNameReader.Read(message, ref position, out var algorithm) != WireError.None || algorithm is null) return false;
        if (position + 10 > end) return false;
        var data = message[position..end];
        ulong time = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(data) << 32) | BinaryPrimitives.ReadUInt32BigEndian(data[2..]);
        ushort fudge = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        int macLength = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        if (10 + macLength + 6 > data.Length) return false;
        var mac = data.Slice(10, macLength).ToArray();
        var rest = data[(10 + macLength)..];
        ushort originalId = BinaryPrimitives.ReadUInt16BigEndian(rest);
        ushort error = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        int otherLength = BinaryPrimitives.ReadUInt16BigEndian(rest[4..]);
        if (6 + otherLength != rest.Length) return false;
        tsig = new TsigRecord(start, keyName.ToLower(), algorithm.ToLower(), time, fudge, mac, originalId, error, rest.Slice(6, otherLength).ToArray());
        return true;
    }
}
