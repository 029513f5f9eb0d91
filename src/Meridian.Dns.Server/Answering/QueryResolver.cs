using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;

namespace Meridian.Dns.Server.Answering;

/// <summary>Answers one question from the zones (RFC 1034 §4.3.2 with RFC 4592 wildcards and RFC 2308
/// negative answers) into a <see cref="ResponsePlan"/>. Every record set planned is passed through the GeoDNS
/// selector when it holds geo-targeted records. Nothing is written and nothing allocated here.</summary>
internal sealed class QueryResolver
{
    /// <summary>Most CNAME hops followed inside our zones before the chain is cut off.</summary>
    public const int MaxCnameHops = 12;

    private readonly ZoneSet _zones;
    private GeoCandidate[] _candidates = new GeoCandidate[16];

    public QueryResolver(ZoneSet zones, GeoLocator? geo = null)
    {
        _zones = zones;
        Client = new ClientLocation(geo);
    }

    /// <summary>The current query's client; the caller resets it before each <see cref="Resolve"/>.</summary>
    public ClientLocation Client { get; }

    /// <param name="questionLower">The question name, lowercase wire form.</param>
    public void Resolve(ReadOnlySpan<byte> questionLower, DnsType qtype, ResponsePlan plan)
    {
        Span<byte> current = stackalloc byte[DnsName.MaxWireLength];
        questionLower.CopyTo(current);
        int currentLength = questionLower.Length;
        OwnerSource ownerSource = OwnerSource.Question;
        int ownerIndex = 0;

        for (int hop = 0; hop <= MaxCnameHops; hop++)
        {
            var name = current[..currentLength];
            var zone = _zones.FindClosestEnclosing(name);
            if (zone is null || zone.SoaRRset < 0)
            {
                // Outside our zones: refuse the question; a chain leaving our zones just ends here.
                if (hop == 0) plan.Outcome = AnswerOutcome.Refused;
                return;
            }
            if (hop == 0) plan.Authoritative = true;

            var found = Walk(zone, name, qtype);
            if (found.Cut >= 0)
            {
                PlanReferral(zone, found.Cut, plan);
                if (hop == 0)
                {
                    plan.Outcome = AnswerOutcome.Delegation;
                    plan.Authoritative = false;
                }
                return;
            }

            int node = found.Node;
            if (node < 0)
            {
                node = found.Wildcard;
                if (node < 0)
                {
                    plan.Outcome = AnswerOutcome.NameError;
                    PlanNegativeSoa(zone, plan);
                    return;
                }
            }

            int rrset = qtype == DnsType.ANY ? FirstAnswerableSet(zone, node) : zone.FindRRset(node, qtype);
            if (rrset >= 0)
            {
                var answer = Select(zone, rrset, ownerSource, ownerIndex, plan);
                plan.AddAnswer(answer);
                PlanAdditional(in answer, plan);
                plan.Outcome = AnswerOutcome.Success;
                return;
            }

            int cname = qtype == DnsType.CNAME ? -1 : zone.FindRRset(node, DnsType.CNAME);
            if (cname < 0)
            {
                plan.Outcome = AnswerOutcome.NoData;
                PlanNegativeSoa(zone, plan);
                return;
            }
            if (plan.AnswerContains(zone, cname))
            {
                // A loop: the chain came back to a CNAME already in the answer.
                plan.Outcome = AnswerOutcome.Success;
                return;
            }
            // A name has one CNAME (RFC 2181 §10.1): when geo variants tie, the first chosen one answers.
            var alias = Select(zone, cname, ownerSource, ownerIndex, plan, single: true);
            plan.AddAnswer(alias);
            plan.Outcome = AnswerOutcome.Success;

            int target = plan.Record(in alias, 0);
            var targetName = zone.Rdata(target);
            targetName.CopyTo(current);
            currentLength = targetName.Length;
            DnsName.LowercaseInPlace(current[..currentLength]);
            ownerSource = OwnerSource.RecordData;
            ownerIndex = target;
        }
    }

    /// <summary>What the walk from the apex down to a name found.</summary>
    private readonly record struct WalkResult(int Node, int Cut, int Wildcard);

    /// <summary>Walks from the apex towards <paramref name="name"/>, stopping at a zone cut (unless the
    /// question is DS at the cut itself, which the parent answers), at the name, or where the names
    /// end; in the last case it finds the wildcard at the closest encloser, if any.</summary>
    private static WalkResult Walk(ZoneSnapshot zone, ReadOnlySpan<byte> name, DnsType qtype)
    {
        Span<int> labelOffsets = stackalloc int[128];
        int labels = 0;
        for (int i = 0; name[i] != 0; i += name[i] + 1) labelOffsets[labels++] = i;
        int apexLabels = 0;
        for (int i = 0; zone.OriginLower[i] != 0; i += zone.OriginLower[i] + 1) apexLabels++;

        int encloser = zone.ApexNode;
        for (int depth = labels - apexLabels - 1; depth >= 0; depth--)
        {
            int node = zone.FindNode(name[labelOffsets[depth]..]);
            if (node < 0)
            {
                // The closest encloser is the last name found; a wildcard below it may answer.
                if ((zone.Node(encloser).Flags & NodeFlags.HasWildcardChild) != 0)
                {
                    Span<byte> wildcard = stackalloc byte[DnsName.MaxWireLength + 2];
                    var encloserName = zone.NodeName(encloser);
                    wildcard[0] = 1;
                    wildcard[1] = (byte)'*';
                    encloserName.CopyTo(wildcard[2..]);
                    return new WalkResult(-1, -1, zone.FindNode(wildcard[..(encloserName.Length + 2)]));
                }
                return new WalkResult(-1, -1, -1);
            }
            if ((zone.Node(node).Flags & NodeFlags.Delegation) != 0 && !(depth == 0 && qtype == DnsType.DS))
                return new WalkResult(-1, node, -1);
            encloser = node;
        }
        return new WalkResult(encloser, -1, -1);
    }

    /// <summary>RFC 8482: ANY gets one record set, not all of them.</summary>
    private static int FirstAnswerableSet(ZoneSnapshot zone, int node)
    {
        ref readonly var n = ref zone.Node(node);
        return n.RRsetCount == 0 ? -1 : n.FirstRRset;
    }

    /// <summary>Plans a record set for writing. A set without geo-targeted records is planned whole at the cost of one
    /// flag test; otherwise the selector chooses its records for the client's location (never none), and the plan
    /// notes that the answer depended on the location.</summary>
    private PlannedRRset Select(ZoneSnapshot zone, int rrset, OwnerSource source, int ownerIndex, ResponsePlan plan,
        uint ttlCap = uint.MaxValue, bool single = false)
    {
        ref readonly var set = ref zone.RRset(rrset);
        if (!set.Targeted) return new PlannedRRset(zone, rrset, source, ownerIndex, ttlCap);

        if (_candidates.Length < set.RdataCount) _candidates = new GeoCandidate[Math.Max(set.RdataCount, _candidates.Length * 2)];
        var candidates = _candidates.AsSpan(0, set.RdataCount);
        for (int i = 0; i < candidates.Length; i++)
            candidates[i] = new GeoCandidate(set.FirstRdata + i, zone.RecordTargets(set.FirstRdata + i));
        var chosen = plan.ReserveChosen(candidates.Length, out int start);
        var selection = GeoSelector.Select(Client.Location, candidates, chosen);
        // Not kept: the scratch would otherwise hold a replaced snapshot's target sets alive.
        candidates.Clear();
        plan.LocationDependent |= selection.DependsOnLocation;
        int count = single ? Math.Min(1, selection.Count) : selection.Count;
        plan.CommitChosen(count);
        return new PlannedRRset(zone, rrset, source, ownerIndex, ttlCap, start, count);
    }

    private void PlanNegativeSoa(ZoneSnapshot zone, ResponsePlan plan)
    {
        // RFC 2308 §3: the SOA's TTL in a negative answer is the lesser of its TTL and its MINIMUM field.
        var soa = zone.Rdata(zone.RRset(zone.SoaRRset).FirstRdata);
        uint minimum = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(soa[^4..]);
        plan.AddAuthority(Select(zone, zone.SoaRRset, OwnerSource.Node, zone.ApexNode, plan, minimum));
    }

    private void PlanReferral(ZoneSnapshot zone, int cut, ResponsePlan plan)
    {
        var ns = Select(zone, zone.FindRRset(cut, DnsType.NS), OwnerSource.Node, cut, plan);
        plan.AddAuthority(ns);
        AddTargetAddresses(in ns, 0, plan);
    }

    /// <summary>Addresses of the names that NS, MX and SRV answers point at, when they are in the zone.</summary>
    private void PlanAdditional(in PlannedRRset answer, ResponsePlan plan)
    {
        switch ((DnsType)answer.Zone.RRset(answer.RRset).Type)
        {
            case DnsType.NS: AddTargetAddresses(in answer, 0, plan); break;
            case DnsType.MX: AddTargetAddresses(in answer, 2, plan); break;
            case DnsType.SRV: AddTargetAddresses(in answer, 6, plan); break;
        }
    }

    /// <summary>Addresses of the chosen records' target names (a geo-targeted MX answers with its chosen hosts only).</summary>
    private void AddTargetAddresses(in PlannedRRset planned, int nameOffset, ResponsePlan plan)
    {
        Span<byte> target = stackalloc byte[DnsName.MaxWireLength];
        var zone = planned.Zone;
        int records = ResponsePlan.RecordCount(in planned);
        for (int i = 0; i < records; i++)
        {
            var data = zone.Rdata(plan.Record(in planned, i));
            if (data.Length <= nameOffset) continue;
            var name = data[nameOffset..];
            if (name.Length > target.Length) continue;
            name.CopyTo(target);
            var lower = target[..name.Length];
            DnsName.LowercaseInPlace(lower);
            int node = zone.FindNode(lower);
            if (node < 0) continue;
            int a = zone.FindRRset(node, DnsType.A);
            if (a >= 0 && !plan.Contains(zone, a)) plan.AddAdditional(Select(zone, a, OwnerSource.Node, node, plan));
            int aaaa = zone.FindRRset(node, DnsType.AAAA);
            if (aaaa >= 0 && !plan.Contains(zone, aaaa)) plan.AddAdditional(Select(zone, aaaa, OwnerSource.Node, node, plan));
        }
    }
}
