namespace Meridian.Platform.Simple;

/// <summary>A record as a Simple API call names it, before any check: from a JSON body or from the path.</summary>
public sealed record SimpleRecordRequest(string? DomainType, string? Domain, string? Subdomain, string? To);

/// <summary>A request that passed <see cref="SimpleRecordRules"/>: type <c>A</c> or <c>CNAME</c>, a domain of the caller,
/// one allowed label, and a target of the right kind; all lowercase, names without the final dot.</summary>
public sealed record SimpleRecordKey(string DomainType, string Domain, string Subdomain)
{
    public string Owner => $"{Subdomain}.{Domain}";
}

/// <summary>One page of the caller's records, newest first.</summary>
public sealed record SimplePage(IReadOnlyList<Model.SimpleRecord> Records, int Number, int Size);
