using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Cookies;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Meridian.Geo;

namespace Meridian.Dns.Server.Answering;

/// <summary>The per-worker query pipeline: read the query, plan the answer, write the response in
/// stages (answer, authority, additional, OPT). One instance per worker thread; allocates nothing.</summary>
internal sealed class QueryProcessor : IQueryHandler
{
    private readonly QueryResolver _resolver;
    private readonly ResponsePlan _plan = new();
    private readonly ushort _maxUdpPayload;
    private readonly EcsPolicy _ecs;
    private readonly Transfer.ZoneTransferServer? _transfers;
    private readonly DnsCookies _cookies;
    private readonly Update.DnsUpdateServer? _updates;

    /// <param name="geo">Locates clients for geo-targeted records; null answers every client as of unknown location.</param>
    /// <param name="ecs">Whose Client Subnet options are used; null trusts every source.</param>
    /// <param name="transfers">Verifies TSIG and answers IXFR over UDP; null: TSIG is ignored and transfers are not implemented.</param>
    /// <param name="cookies">The server's cookie secret, shared by its workers; null makes one for this processor.</param>
    /// <param name="updates">Answers RFC 2136 UPDATE; null: UPDATE is not implemented.</param>
    public QueryProcessor(ZoneSet zones, int maxUdpPayload, GeoLocator? geo = null, EcsPolicy? ecs = null,
        Transfer.ZoneTransferServer? transfers = null, DnsCookies? cookies = null, Update.DnsUpdateServer? updates = null)
    {
        _updates = updates;
        _transfers = transfers;
        _resolver = new QueryResolver(zones, geo);
        _maxUdpPayload = (ushort)maxUdpPayload;
        _ecs = ecs ?? EcsPolicy.TrustEveryone;
        _cookies = cookies ?? new DnsCookies();
    }

    public int Handle(ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> clientAddress, bool overTcp)
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        bool wellFormed = DnsQuery.TryRead(query, name, out var q);
        // Too short to carry an id, or itself a response: answering could start a loop. Drop it.
        if (q.Error == WireError.ShortHeader || q.Header.IsResponse) return 0;
        // UPDATE (RFC 2136) leaves here too: one opcode test for every other query.
        if (_updates is not null && q.Header.Opcode == DnsOpcode.Update) return _updates.Handle(query, response[..Math.Min(response.Length, UdpLimit(in q))]);
        // Signed messages and IXFR over UDP leave the hot path here; one flag test for every other query.
        if (_transfers is not null && wellFormed && (q.HasTsig || q.Type == DnsType.IXFR))
            return _transfers.HandleSingle(query, response, clientAddress, overTcp, UdpLimit(in q), this);

        _plan.Reset();
        // The ECS address decides the location when the option is used (RFC 7871 §7.1.1); a /0 source prefix
        // discloses nothing, so the location is unknown. An ignored option is treated as absent.
        bool useEcs = wellFormed && q.HasClientSubnet && _ecs.Accepts(clientAddress);
        if (useEcs)
        {
            Span<byte> subnet = stackalloc byte[16];
            int length = q.ClientSubnet.CopyAddressTo(subnet);
            _resolver.Client.Reset(q.ClientSubnet.SourcePrefixLength == 0 ? default : subnet[..length]);
        }
        else
        {
            _resolver.Client.Reset(clientAddress);
        }

        if (wellFormed && !q.HasQuestion && q.HasCookie) _plan.Outcome = CookieOnlyOutcome(in q, clientAddress);
        else if (!wellFormed || !q.HasQuestion) _plan.Outcome = AnswerOutcome.FormatError;
        else if (q.HasEdns && q.EdnsVersion != 0) _plan.Outcome = AnswerOutcome.BadVersion;
        else if (q.Header.Opcode != DnsOpcode.Query) _plan.Outcome = AnswerOutcome.NotImplemented;
        else if (q.Class != DnsClass.IN && q.Class != DnsClass.ANY) _plan.Outcome = AnswerOutcome.Refused;
        else if (IsUnansweredType(q.Type)) _plan.Outcome = AnswerOutcome.NotImplemented;
        else
        {
            Span<byte> lower = stackalloc byte[DnsName.MaxWireLength];
            q.Name.CopyTo(lower);
            lower = lower[..q.Name.Length];
            DnsName.LowercaseInPlace(lower);
            _resolver.Resolve(lower, q.Type, _plan);
        }
        return Write(in q, wellFormed, useEcs, clientAddress, response, overTcp);
    }

    /// <summary>The largest UDP answer the client takes and we send.</summary>
    private int UdpLimit(scoped in DnsQuery q) => q.HasEdns ? Math.Min(q.EffectiveUdpPayloadSize, Math.Max((int)_maxUdpPayload, 512)) : 512;

    /// <summary>A query with no question and a COOKIE option asks for a server cookie (RFC 7873 §5.4): NOERROR with
    /// one, unless it brought back a server cookie that is not good, which is BADCOOKIE. With a question, a bad or
    /// stale server cookie is answered as if only the client cookie had come: an authoritative server does not make
    /// resolvers pay a round trip for a cookie it forgot (§5.2.3), it just gives a fresh one.</summary>
    private AnswerOutcome CookieOnlyOutcome(scoped in DnsQuery q, ReadOnlySpan<byte> clientAddress) =>
        q.ServerCookie.IsEmpty || _cookies.IsValid(q.ClientCookie, q.ServerCookie, CookieAddress(clientAddress))
            ? AnswerOutcome.NoData
            : AnswerOutcome.BadCookie;

    private static ReadOnlySpan<byte> CookieAddress(ReadOnlySpan<byte> clientAddress) => clientAddress[..Math.Min(clientAddress.Length, 16)];

    /// <summary>Zone transfers are served by the TCP listener (or not at all), and meta types are never answered from zone data.</summary>
    private static bool IsUnansweredType(DnsType type) =>
        type is DnsType.AXFR or DnsType.IXFR or DnsType.MAILA or DnsType.MAILB or DnsType.OPT or DnsType.TKEY or DnsType.TSIG;

    /// <summary>The one place an outcome becomes an rcode.</summary>
    private static DnsRcode RcodeOf(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Success or AnswerOutcome.NoData or AnswerOutcome.Delegation => DnsRcode.NoError,
        AnswerOutcome.NameError => DnsRcode.NXDomain,
        AnswerOutcome.Refused => DnsRcode.Refused,
        AnswerOutcome.NotImplemented => DnsRcode.NotImp,
        AnswerOutcome.FormatError => DnsRcode.FormErr,
        AnswerOutcome.BadVersion => DnsRcode.BadVers,
        AnswerOutcome.BadCookie => DnsRcode.BadCookie,
        _ => DnsRcode.ServFail,
    };

    private int Write(scoped in DnsQuery q, bool wellFormed, bool echoEcs, ReadOnlySpan<byte> clientAddress, Span<byte> response, bool overTcp)
    {
        var writer = new DnsMessageWriter(response);
        var header = DnsHeader.ForResponseTo(q.Header);
        header.IsAuthoritative = _plan.Authoritative;
        writer.SetHeader(header);

        // A malformed query gets a bare header: nothing in it can be trusted enough to echo.
        if (!wellFormed)
        {
            writer.SetRcode(DnsRcode.FormErr);
            return writer.Length;
        }

        // The OPT record is written last but its room is kept from the start, so an answer that fits
        // never loses its OPT (RFC 6891 §7).
        int limit = overTcp ? ushort.MaxValue : UdpLimit(in q);
        int optionsLength = (echoEcs ? q.ClientSubnet.OptionLength : 0) + (q.HasCookie ? DnsCookies.OptionLength : 0);
        int optLength = q.HasEdns ? DnsMessageWriter.OptRecordLength(optionsLength) : 0;
        writer.Limit = limit - optLength;

        if (q.HasQuestion && !writer.TryWriteQuestion(q.Name, q.Type, q.Class))
        {
            writer.SetRcode(DnsRcode.FormErr);
            return writer.Length;
        }
        writer.SetRcode(RcodeOf(_plan.Outcome));

        var afterQuestion = writer.Mark();
        if (!WriteSection(ref writer, DnsSection.Answer, _plan.Answer, in q, _plan) || !WriteSection(ref writer, DnsSection.Authority, _plan.Authority, in q, _plan))
        {
            // What the client asked for does not fit: send nothing of it and set TC (as Knot does),
            // so the client retries over TCP.
            writer.Rollback(afterQuestion);
            writer.SetTruncated();
        }
        else
        {
            // Additional data is optional: whole record sets that fit go in, the rest is left out.
            foreach (ref readonly var rrset in _plan.Additional)
            {
                if (!WriteRRset(ref writer, DnsSection.Additional, in rrset, in q, _plan)) break;
            }
        }

        if (q.HasEdns)
        {
            writer.Limit = limit;
            // The options answered: ECS with its scope (RFC 7871 §7.2.1: the source prefix when the answer depended on
            // the address, else 0) and the COOKIE with a fresh server cookie. Options the server does not know are
            // not echoed (RFC 6891 §6.1.2).
            Span<byte> options = stackalloc byte[DnsMessageWriter.MaxClientSubnetOptionLength + DnsCookies.OptionLength];
            int written = 0;
            if (echoEcs)
            {
                byte scope = _plan.LocationDependent ? q.ClientSubnet.SourcePrefixLength : (byte)0;
                if (q.ClientSubnet.WithScope(scope).TryWriteOption(options, out int ecsLength)) written = ecsLength;
            }
            if (q.HasCookie)
            {
                _cookies.WriteOption(q.ClientCookie, CookieAddress(clientAddress), options.Slice(written, DnsCookies.OptionLength));
                written += DnsCookies.OptionLength;
            }
            writer.TryWriteOpt(_maxUdpPayload, q.DnssecOk, options[..written]);
            writer.SetRcode(RcodeOf(_plan.Outcome));
        }
        return writer.Length;
    }

    private static bool WriteSection(ref DnsMessageWriter writer, DnsSection section, ReadOnlySpan<PlannedRRset> rrsets, scoped in DnsQuery q,
        ResponsePlan plan)
    {
        foreach (ref readonly var rrset in rrsets)
        {
            if (!WriteRRset(ref writer, section, in rrset, in q, plan)) return false;
        }
        return true;
    }

    /// <summary>Writes one record set (its chosen records, for a geo-targeted set) whole, or nothing of it.</summary>
    private static bool WriteRRset(ref DnsMessageWriter writer, DnsSection section, in PlannedRRset planned, scoped in DnsQuery q, ResponsePlan plan)
    {
        var zone = planned.Zone;
        ref readonly var set = ref zone.RRset(planned.RRset);
        var owner = planned.Source switch
        {
            OwnerSource.Question => q.Name,
            OwnerSource.Node => zone.NodeName(planned.OwnerIndex),
            _ => zone.Rdata(planned.OwnerIndex),
        };
        uint ttl = Math.Min(set.Ttl, planned.TtlCap);
        var mark = writer.Mark();
        int records = ResponsePlan.RecordCount(in planned);
        for (int i = 0; i < records; i++)
        {
            if (!writer.TryWriteRecord(section, owner, (DnsType)set.Type, DnsClass.IN, ttl, zone.Rdata(plan.Record(in planned, i))))
            {
                writer.Rollback(mark);
                return false;
            }
        }
        return true;
    }
}
