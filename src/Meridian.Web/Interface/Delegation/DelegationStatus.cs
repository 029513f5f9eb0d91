namespace Meridian.Web.Interface.Delegation;

/// <summary>How a domain's delegation compares with the platform's nameservers.</summary>
public enum DelegationState
{
    /// <summary>The domain's NS records are exactly Meridian's nameservers.</summary>
    Delegated,

    /// <summary>Some of Meridian's nameservers are listed, beside others or not all of them.</summary>
    Partial,

    /// <summary>None of Meridian's nameservers is listed (or the domain has no NS records yet).</summary>
    NotDelegated,

    /// <summary>The lookup failed or timed out; nothing can be said.</summary>
    Unknown,
}

/// <summary>The outcome of a live NS lookup: what the resolver answered and what it should answer.</summary>
public sealed record DelegationStatus(DelegationState State, IReadOnlyList<string> Found, IReadOnlyList<string> Expected, string? Error = null)
{
    /// <summary>Names in <see cref="Found"/> that are not Meridian's: to be removed at the registrar.</summary>
    public IEnumerable<string> Extra => Found.Except(Expected, StringComparer.OrdinalIgnoreCase);

    /// <summary>Meridian's names the resolver did not list: to be added at the registrar.</summary>
    public IEnumerable<string> Missing => Expected.Except(Found, StringComparer.OrdinalIgnoreCase);
}
