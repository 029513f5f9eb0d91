using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>What an authoritative server needs from a query: header, the one question, and EDNS
/// (payload size, version, DO, Client Subnet, COOKIE). Read in one pass with no allocation; the name lives in
/// the caller's buffer. On failure <see cref="Error"/> says why and what was read so far is kept, so a
/// FORMERR can echo the id.</summary>
public ref struct DnsQuery
{
    /// <summary>Reads <paramref name="packet"/> as a query. Every record is checked, so a malformed
    /// packet is caught wherever the damage is; OPT must follow RFC 6891, ECS RFC 7871 (with SCOPE 0,
    /// at most once) and COOKIE RFC 7873 (8 octets, or 16 to 40, at most once). Other options are skipped.</summary>
    /// <param name="nameBuffer">Receives the question name, case as received (255 octets suffice).</param>
    public static bool TryRead(ReadOnlySpan<byte> packet, Span<byte> nameBuffer, out DnsQuery query)
    {
        query = default;
        var reader = new DnsMessageReader(packet, nameBuffer);
        query.Header = reader.Header;
        if (reader.Error != WireError.None) return query.Fail(reader.Error);
        if (reader.Header.QuestionCount > 1) return query.Fail(WireError.MultipleQuestions);
        if (reader.TryReadQuestion(out var question))
        {
            query.HasQuestion = true;
            query.Name = question.Name;
            query.Type = question.Type;
            query.Class = question.Class;
        }

        // Queries rarely carry records besides OPT; the rest are checked and passed over. Owner names are
        // not copied, so the name buffer keeps the question.
        while (reader.TryReadRecordWithoutName(out var record))
        {
            if (EdnsOpt.TryRead(record, out var opt) && !query.TryTakeOpt(opt)) return false;
            if (record.Type == DnsType.TSIG) query.HasTsig = true;
        }
        if (reader.Error != WireError.None) return query.Fail(reader.Error);
        if (reader.RemainingOctets != 0) return query.Fail(WireError.TrailingData);
        return true;
    }

    /// <summary>The header as received.</summary>
    public DnsHeader Header { get; private set; }

    /// <summary>False for a query with QDCOUNT 0 (allowed, e.g. to fetch a DNS cookie).</summary>
    public bool HasQuestion { get; private set; }

    /// <summary>The question name, uncompressed wire form, case as received.</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    public DnsType Type { get; private set; }

    public DnsClass Class { get; private set; }

    /// <summary>True when the query carried an OPT record.</summary>
    public bool HasEdns { get; private set; }

    /// <summary>The advertised UDP payload size as sent; see <see cref="EffectiveUdpPayloadSize"/>.</summary>
    public ushort UdpPayloadSize { get; private set; }

    /// <summary>The EDNS version; a server answers BADVERS to anything but 0.</summary>
    public byte EdnsVersion { get; private set; }

    /// <summary>The DO bit: the client wants DNSSEC records.</summary>
    public bool DnssecOk { get; private set; }

    public bool HasClientSubnet { get; private set; }

    /// <summary>True when a TSIG record (RFC 8945) was read; where it is and whether it verifies is the server's to check.</summary>
    public bool HasTsig { get; private set; }

    public EdnsClientSubnet ClientSubnet { get; private set; }

    /// <summary>True when the query carried a COOKIE option (RFC 7873).</summary>
    public bool HasCookie { get; private set; }

    private CookieOctets _cookie;
    private byte _cookieLength;

    /// <summary>The client cookie (8 octets), empty without a COOKIE option.</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    public readonly ReadOnlySpan<byte> ClientCookie => HasCookie ? ((ReadOnlySpan<byte>)_cookie)[..8] : default;

    /// <summary>The server cookie the client sent back (8 to 32 octets), empty when it sent only its own.</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    public readonly ReadOnlySpan<byte> ServerCookie => HasCookie ? ((ReadOnlySpan<byte>)_cookie)[8.._cookieLength] : default;

    /// <summary>Room for the longest COOKIE option data: an 8-octet client cookie and a 32-octet server cookie.</summary>
    [System.Runtime.CompilerServices.InlineArray(40)]
    private struct CookieOctets
    {
        private byte _first;
    }

    /// <summary>The first error, or <see cref="WireError.None"/>.</summary>
    public WireError Error { get; private set; }

    /// <summary>The largest UDP response the client accepts: 512 without EDNS, and at least 512 with it
    /// (RFC 6891 §6.2.5).</summary>
    public readonly int EffectiveUdpPayloadSize =>
        HasEdns ? Math.Max((int)UdpPayloadSize, EdnsOpt.MinimumUdpPayloadSize) : EdnsOpt.MinimumUdpPayloadSize;

    private bool TryTakeOpt(scoped EdnsOpt opt)
    {
        HasEdns = true;
        UdpPayloadSize = opt.UdpPayloadSize;
        EdnsVersion = opt.Version;
        DnssecOk = opt.DnssecOk;
        var options = new EdnsOptionReader(opt.Options);
        while (options.TryReadNext(out var code, out var data))
        {
            if (code == EdnsOptionCode.Cookie)
            {
                // RFC 7873 §5.2.2: a client cookie alone is 8 octets; with a server cookie, 16 to 40. A second option is
                // as malformed as a bad length.
                if (HasCookie || (data.Length != 8 && data.Length is < 16 or > 40)) return Fail(WireError.BadCookie);
                HasCookie = true;
                data.CopyTo(_cookie);
                _cookieLength = (byte)data.Length;
                continue;
            }
            if (code != EdnsOptionCode.ClientSubnet) continue;
            // RFC 7871 §6: SCOPE PREFIX-LENGTH must be 0 in queries; a second ECS option has no meaning.
            if (HasClientSubnet || !EdnsClientSubnet.TryRead(data, out var subnet) || subnet.ScopePrefixLength != 0)
                return Fail(WireError.BadClientSubnet);
            HasClientSubnet = true;
            ClientSubnet = subnet;
        }
        return true;
    }

    private bool Fail(WireError error)
    {
        Error = error;
        return false;
    }
}
