using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>The content checks BIND makes on a loaded zone even with integrity checks off
/// (<c>named-compilezone -i none</c>). These are not syntax: each record is well formed, but together
/// they do not make a zone. Two stages, as in BIND: what its database refuses while storing (SOA away
/// from the apex, DS at the apex, NS or NSEC3 at a wildcard, several records of a singleton type, CNAME
/// beside other data), and, only when those pass, what it checks after loading (exactly one SOA, at
/// least one NS, and in class IN an address for every apex NS name inside the zone).</summary>
public static class ZoneValidator
{
    /// <summary>Problems in file order; empty when BIND would load the zone.</summary>
    /// <param name="fileName">Where problems that belong to no record (e.g. a missing SOA) are reported.</param>
    public static IReadOnlyList<ZoneFileError> Validate(CompiledZone zone, string fileName)
    {
        var nodes = Nodes.Of(zone);
        var storing = StoringProblems(zone, nodes);
        if (storing.Count > 0)
            return [.. storing.OrderBy(p => p.Sequence).Select(p => p.Error)];
        return AfterLoading(zone, nodes, fileName);
    }

    private static List<(int Sequence, ZoneFileError Error)> StoringProblems(CompiledZone zone, Nodes nodes)
    {
        var problems = new List<(int, ZoneFileError)>();
        void Report(in CompiledRRset rrset, string message, bool atLastRecord = false) =>
            problems.Add((rrset.FirstSequence, new ZoneFileError(atLastRecord ? rrset.LastPosition : rrset.FirstPosition, message)));

        foreach (ref readonly var rrset in zone.RRsetSpan)
        {
            bool apex = rrset.Owner.Equals(zone.Origin);
            if (rrset.Type == DnsType.SOA && !apex) Report(rrset, $"SOA record not at top of zone ({BindName(rrset.Owner)})");
            if (rrset.Type == DnsType.DS && apex) Report(rrset, $"DS record at top of zone ({BindName(rrset.Owner)})");
            if (rrset.Owner.IsWildcard && rrset.Type == DnsType.NS) Report(rrset, $"{BindName(rrset.Owner)}: invalid NS owner name (wildcard)");
            if (rrset.Owner.IsWildcard && rrset.Type == DnsType.NSEC3) Report(rrset, $"{BindName(rrset.Owner)}: invalid NSEC3 owner name");
            if (rrset.Type is DnsType.CNAME or DnsType.SOA or DnsType.DNAME && rrset.Data.Length > 1)
                Report(rrset, $"{BindName(rrset.Owner)}: multiple RRs of singleton type", atLastRecord: true);
        }
        for (int node = 0; node < nodes.Count; node++)
        {
            var sets = nodes.SetsAt(node);
            if (sets.Length < 2) continue;
            CompiledRRset? cname = null, other = null;
            foreach (var set in sets)
            {
                if (set.Type == DnsType.CNAME) cname = set;
                // KEY, SIG, NSEC and RRSIG may sit beside a CNAME (RFC 2181 §10.1, RFC 4035 §2.5).
                else if (set.Type is not (DnsType.KEY or DnsType.SIG or DnsType.NSEC or DnsType.RRSIG) &&
                         (other is null || set.FirstSequence < other.Value.FirstSequence)) other = set;
            }
            if (cname is not { } c || other is not { } o) continue;
            Report(o.FirstSequence > c.FirstSequence ? o : c, $"{BindName(c.Owner)}: CNAME and other data");
        }
        return problems;
    }

    private static List<ZoneFileError> AfterLoading(CompiledZone zone, Nodes nodes, string fileName)
    {
        var errors = new List<ZoneFileError>();
        string zoneLabel = $"zone {BindName(zone.Origin)}/{DnsTypeNames.ToName(zone.Class)}";
        var apex = nodes.Find(zone.Origin);
        var soa = apex < 0 ? null : nodes.Get(apex, DnsType.SOA);
        var ns = apex < 0 ? null : nodes.Get(apex, DnsType.NS);
        var fallback = soa?.FirstPosition ?? new ZoneFilePosition(fileName, 1, 1);

        if (ns is not null && zone.Class == DnsClass.IN)
        {
            var lookup = new NameserverLookup(zone.Origin, nodes);
            foreach (var data in ns.Value.Data.Span)
            {
                if (!DnsName.TryFromWire(data, out var target) || !target.IsSubdomainOf(zone.Origin)) continue;
                string? problem = lookup.AddressProblem(target);
                if (problem is not null) errors.Add(new ZoneFileError(ns.Value.FirstPosition, $"{zoneLabel}: {problem}"));
            }
        }
        if (soa is null) errors.Add(new ZoneFileError(fallback, $"{zoneLabel}: has 0 SOA records"));
        if (ns is null) errors.Add(new ZoneFileError(fallback, $"{zoneLabel}: has no NS records"));
        return errors;
    }

    /// <summary>A name as BIND prints it in messages: absolute, without the final dot.</summary>
    internal static string BindName(DnsName name)
    {
        string text = name.ToString();
        return text.Length > 1 ? text[..^1] : text;
    }

    /// <summary>BIND's lookup of an NS name's address in its own zone (zone_check_ns): a delegation on the
    /// way is fine (glue is not required), a DNAME above it or a CNAME at it is illegal, and a wildcard can
    /// supply the address.</summary>
    private sealed class NameserverLookup(DnsName origin, Nodes nodes)
    {
        public string? AddressProblem(DnsName target)
        {
            string name = BindName(target);
            // Zone cuts and DNAMEs between the apex and the target, from the top down.
            for (int strip = target.LabelCount - origin.LabelCount; strip >= 1; strip--)
            {
                var above = target.StripLeft(strip);
                int node = nodes.Find(above);
                if (node < 0) continue;
                if (!above.Equals(origin) && nodes.Get(node, DnsType.NS) is not null) return null;
                if (nodes.Get(node, DnsType.DNAME) is not null) return $"NS '{name}' is below a DNAME '{BindName(above)}' (illegal)";
            }
            int atTarget = nodes.Find(target);
            if (atTarget >= 0)
            {
                if (!target.Equals(origin) && nodes.Get(atTarget, DnsType.NS) is not null) return null;
                return AddressOf(atTarget, name);
            }
            if (nodes.Exists(target)) return NoAddress(name);
            var encloser = target.Parent();
            while (!nodes.Exists(encloser) && encloser.LabelCount > origin.LabelCount) encloser = encloser.Parent();
            if (encloser.TryPrepend("*"u8, out var wildcard) && nodes.Find(wildcard) is int atWildcard and >= 0)
                return AddressOf(atWildcard, name);
            return NoAddress(name);
        }

        private string? AddressOf(int node, string name)
        {
            if (nodes.Get(node, DnsType.A) is not null) return null;
            if (nodes.Get(node, DnsType.CNAME) is not null) return $"NS '{name}' is a CNAME (illegal)";
            return nodes.Get(node, DnsType.AAAA) is not null ? null : NoAddress(name);
        }

        private static string NoAddress(string name) => $"NS '{name}' has no address records (A or AAAA)";
    }

    /// <summary>The main tree's owners: runs of RRsets with one owner, in canonical order, so a name is
    /// found by binary search and a name's descendants follow it directly.</summary>
    private sealed class Nodes
    {
        private readonly CompiledRRset[] _sets;
        private readonly int[] _starts;

        private Nodes(CompiledRRset[] sets, int[] starts)
        {
            _sets = sets;
            _starts = starts;
        }

        public int Count => _starts.Length - 1;

        public static Nodes Of(CompiledZone zone)
        {
            // The NSEC3 tree comes last in dump order, so the main tree is a prefix.
            var sets = zone.RRsetArray;
            int main = 0;
            while (main < sets.Length && !sets[main].InNsec3Tree) main++;
            var starts = new List<int>();
            for (int i = 0; i < main; i++)
            {
                if (i == 0 || !sets[i].Owner.Equals(sets[i - 1].Owner)) starts.Add(i);
            }
            starts.Add(main);
            return new Nodes(sets, [.. starts]);
        }

        public ReadOnlySpan<CompiledRRset> SetsAt(int node) => _sets.AsSpan(_starts[node], _starts[node + 1] - _starts[node]);

        public CompiledRRset? Get(int node, DnsType type)
        {
            foreach (var set in SetsAt(node))
            {
                if (set.Type == type) return set;
            }
            return null;
        }

        /// <summary>The node holding <paramref name="name"/>, or -1.</summary>
        public int Find(DnsName name)
        {
            int node = LowerBound(name);
            return node < Count && OwnerOf(node).Equals(name) ? node : -1;
        }

        /// <summary>A name exists when it holds data or lies above a name that does (an empty non-terminal).</summary>
        public bool Exists(DnsName name)
        {
            int node = LowerBound(name);
            return node < Count && OwnerOf(node).IsSubdomainOf(name);
        }

        private DnsName OwnerOf(int node) => _sets[_starts[node]].Owner;

        private int LowerBound(DnsName name)
        {
            int low = 0, high = Count;
            while (low < high)
            {
                int mid = (low + high) >>> 1;
                if (OwnerOf(mid).CompareTo(name) < 0) low = mid + 1;
                else high = mid;
            }
            return low;
        }
    }
}
