using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Answering;

/// <summary>Where a planned record's owner name comes from, so no name is copied while answering.</summary>
internal enum OwnerSource : byte
{
    /// <summary>The question's name (written as a pointer to it).</summary>
    Question,
    /// <summary>A node's name in the zone.</summary>
    Node,
    /// <summary>The name that is the data of a record (a CNAME's target), by record index.</summary>
    RecordData,
}

/// <summary>One record set to write: which zone and set, whose name is its owner, an optional TTL cap, and, for a
/// geo-targeted set, which of its records were chosen (<paramref name="ChosenCount"/> indexes from
/// <paramref name="ChosenStart"/> in the plan's list; <paramref name="ChosenStart"/> -1 = every record).</summary>
internal readonly record struct PlannedRRset(ZoneSnapshot Zone, int RRset, OwnerSource Source, int OwnerIndex, uint TtlCap = uint.MaxValue,
    int ChosenStart = -1, int ChosenCount = 0);

/// <summary>The typed outcome of answering one question (CoreDNS-style), turned into an rcode in one place.</summary>
internal enum AnswerOutcome : byte
{
    Success,
    NoData,
    NameError,
    Delegation,
    Refused,
    NotImplemented,
    FormatError,
    BadVersion,
    BadCookie,
}

/// <summary>The answer to one query, staged section by section before anything is written. One plan
/// per worker is reused for every query, so planning allocates nothing.</summary>
internal sealed class ResponsePlan
{
    public const int MaxPerSection = 64;

    private readonly PlannedRRset[] _answer = new PlannedRRset[MaxPerSection];
    private readonly PlannedRRset[] _authority = new PlannedRRset[MaxPerSection];
    private readonly PlannedRRset[] _additional = new PlannedRRset[MaxPerSection];
    private int[] _chosen = new int[64];
    private int _chosenCount;

    public AnswerOutcome Outcome { get; set; }

    public bool Authoritative { get; set; }

    /// <summary>True when the answer depended on the client's location (GeoDNS), for the ECS scope.</summary>
    public bool LocationDependent { get; set; }

    public int AnswerCount { get; private set; }

    public int AuthorityCount { get; private set; }

    public int AdditionalCount { get; private set; }

    public ReadOnlySpan<PlannedRRset> Answer => _answer.AsSpan(0, AnswerCount);

    public ReadOnlySpan<PlannedRRset> Authority => _authority.AsSpan(0, AuthorityCount);

    public ReadOnlySpan<PlannedRRset> Additional => _additional.AsSpan(0, AdditionalCount);

    public void Reset()
    {
        Outcome = AnswerOutcome.Success;
        Authoritative = false;
        LocationDependent = false;
        Array.Clear(_answer, 0, AnswerCount);
        Array.Clear(_authority, 0, AuthorityCount);
        Array.Clear(_additional, 0, AdditionalCount);
        AnswerCount = AuthorityCount = AdditionalCount = 0;
        _chosenCount = 0;
    }

    /// <summary>Room for <paramref name="count"/> chosen record indexes, starting at <paramref name="start"/>; the list
    /// grows (rarely, and then stays) for a set larger than any before.</summary>
    public Span<int> ReserveChosen(int count, out int start)
    {
        if (_chosenCount + count > _chosen.Length) Array.Resize(ref _chosen, Math.Max(_chosenCount + count, _chosen.Length * 2));
        start = _chosenCount;
        return _chosen.AsSpan(start, count);
    }

    /// <summary>Keeps the first <paramref name="count"/> indexes written after <see cref="ReserveChosen"/>.</summary>
    public void CommitChosen(int count) => _chosenCount += count;

    /// <summary>How many records of a planned set are written.</summary>
    public static int RecordCount(in PlannedRRset rrset) =>
        rrset.ChosenStart < 0 ? rrset.Zone.RRset(rrset.RRset).RdataCount : rrset.ChosenCount;

    /// <summary>The record index of the <paramref name="i"/>th record written for a planned set.</summary>
    public int Record(in PlannedRRset rrset, int i) =>
        rrset.ChosenStart < 0 ? rrset.Zone.RRset(rrset.RRset).FirstRdata + i : _chosen[rrset.ChosenStart + i];

    public void AddAnswer(in PlannedRRset rrset)
    {
        if (AnswerCount < MaxPerSection) _answer[AnswerCount++] = rrset;
    }

    public void AddAuthority(in PlannedRRset rrset)
    {
        if (AuthorityCount < MaxPerSection) _authority[AuthorityCount++] = rrset;
    }

    /// <summary>Adds to the additional section unless the same set is already in any section.</summary>
    public void AddAdditional(in PlannedRRset rrset)
    {
        if (AdditionalCount >= MaxPerSection || Contains(_answer, AnswerCount, rrset) || Contains(_authority, AuthorityCount, rrset) || Contains(_additional, AdditionalCount, rrset)) return;
        _additional[AdditionalCount++] = rrset;
    }

    public bool AnswerContains(ZoneSnapshot zone, int rrset) => Contains(_answer, AnswerCount, new PlannedRRset(zone, rrset, OwnerSource.Node, 0));

    /// <summary>True when the set is already planned in any section (so it need not be selected again).</summary>
    public bool Contains(ZoneSnapshot zone, int rrset)
    {
        var probe = new PlannedRRset(zone, rrset, OwnerSource.Node, 0);
        return Contains(_answer, AnswerCount, probe) || Contains(_authority, AuthorityCount, probe) || Contains(_additional, AdditionalCount, probe);
    }

    private static bool Contains(PlannedRRset[] section, int count, in PlannedRRset rrset)
    {
        for (int i = 0; i < count; i++)
        {
            if (ReferenceEquals(section[i].Zone, rrset.Zone) && section[i].RRset == rrset.RRset) return true;
        }
        return false;
    }
}
