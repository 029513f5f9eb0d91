using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>Copies received RDATA with any compressed names in it expanded, for the types whose names
/// a sender may have compressed: the RFC 1035 types, the ones RFC 3597 §4 says receivers should also
/// decompress (RP, AFSDB, RT, SIG, PX, NXT, NAPTR, SRV), and KX and DNAME, whose older specifications
/// allowed it. Other types are copied unchanged. For clients and tests; not on the server's hot path.</summary>
public static class RdataDecompressor
{
    /// <summary>True when RDATA of <paramref name="type"/> may hold compressed names on receipt.</summary>
    public static bool MayBeCompressed(DnsType type) => type switch
    {
        DnsType.NS or DnsType.MD or DnsType.MF or DnsType.CNAME or DnsType.SOA or DnsType.MB or DnsType.MG
            or DnsType.MR or DnsType.PTR or DnsType.MINFO or DnsType.MX or DnsType.RP or DnsType.AFSDB
            or DnsType.RT or DnsType.SIG or DnsType.PX or DnsType.NXT or DnsType.NAPTR or DnsType.SRV
            or DnsType.KX or DnsType.DNAME => true,
        _ => false,
    };

    /// <summary>Writes the RDATA of <paramref name="record"/> uncompressed into <paramref name="output"/>.</summary>
    public static WireError Decompress(ReadOnlySpan<byte> message, in WireRecord record, Span<byte> output, out int written) =>
        Decompress(message, record.Type, record.DataOffset, record.Data.Length, output, out written);

    /// <summary>Writes the RDATA found at <paramref name="dataOffset"/> in <paramref name="message"/> uncompressed
    /// into <paramref name="output"/>; a name's in-place octets must stay inside the RDATA.</summary>
    public static WireError Decompress(ReadOnlySpan<byte> message, DnsType type, int dataOffset, int dataLength, Span<byte> output, out int written)
    {
        written = 0;
        if (dataOffset < 0 || dataLength < 0 || dataOffset + dataLength > message.Length) return WireError.Truncated;
        var copier = new Copier(message, dataOffset, dataOffset + dataLength, output);
        switch (type)
        {
            case DnsType.NS or DnsType.MD or DnsType.MF or DnsType.CNAME or DnsType.MB or DnsType.MG
                or DnsType.MR or DnsType.PTR or DnsType.DNAME:
                copier.Name();
                break;
            case DnsType.SOA:
                copier.Name();
                copier.Name();
                copier.Fixed(20);   // SERIAL, REFRESH, RETRY, EXPIRE, MINIMUM
                break;
            case DnsType.MINFO or DnsType.RP:
                copier.Name();
                copier.Name();
                break;
            case DnsType.MX or DnsType.AFSDB or DnsType.RT or DnsType.KX:
                copier.Fixed(2);
                copier.Name();
                break;
            case DnsType.PX:
                copier.Fixed(2);
                copier.Name();
                copier.Name();
                break;
            case DnsType.SRV:
                copier.Fixed(6);    // PRIORITY, WEIGHT, PORT
                copier.Name();
                break;
            case DnsType.NAPTR:
                copier.Fixed(4);    // ORDER, PREFERENCE
                copier.CharacterString();
                copier.CharacterString();
                copier.CharacterString();
                copier.Name();
                break;
            case DnsType.SIG:
                copier.Fixed(18);   // type covered .. key tag
                copier.Name();
                copier.Rest();
                break;
            case DnsType.NXT:
                copier.Name();
                copier.Rest();
                break;
            default:
                copier.Rest();
                break;
        }
        if (copier.Error == WireError.None && !copier.AtEnd) return WireError.BadRdata;
        written = copier.Written;
        return copier.Error;
    }

    /// <summary>Copies RDATA field by field; the first error sticks and later calls do nothing.</summary>
    private ref struct Copier(ReadOnlySpan<byte> message, int position, int end, Span<byte> output)
    {
        private readonly ReadOnlySpan<byte> _message = message;
        private readonly int _end = end;
        private readonly Span<byte> _output = output;
        private int _position = position;

        public WireError Error { get; private set; }

        public int Written { get; private set; }

        public readonly bool AtEnd => _position == _end;

        public void Fixed(int count)
        {
            if (Error != WireError.None) return;
            if (_position + count > _end) { Error = WireError.BadRdata; return; }
            Copy(count);
        }

        public void CharacterString()
        {
            if (Error != WireError.None) return;
            if (_position >= _end) { Error = WireError.BadRdata; return; }
            Fixed(1 + _message[_position]);
        }

        public void Rest()
        {
            if (Error != WireError.None) return;
            Copy(_end - _position);
        }

        public void Name()
        {
            if (Error != WireError.None) return;
            int position = _position;
            var error = WireNameReader.Read(_message[.._end], ref position, _output[Written..], lowercase: false, out int length);
            if (error == WireError.Truncated) error = WireError.BadRdata;   // the name ran past RDLENGTH
            if (error != WireError.None) { Error = error; return; }
            _position = position;
            Written += length;
        }

        private void Copy(int count)
        {
            if (Written + count > _output.Length) { Error = WireError.BufferTooSmall; return; }
            _message.Slice(_position, count).CopyTo(_output[Written..]);
            _position += count;
            Written += count;
        }
    }
}
