namespace Meridian.Platform.EmailDns;

/// <summary>The parameters of <c>dns.authorize</c> and <c>dns.set</c> as the caller sent them (any may be missing).
/// <see cref="ApiKey"/> is the DNS provider's key, never the caller's Meridian key.</summary>
public sealed record EmailDnsRequest(
    string? Domain,
    string? Provider,
    string? RecordType = null,
    string? ApiKey = null,
    string? ApiSecret = null,
    string? ApiUser = null,
    string? Username = null)
{
    // The generated ToString would print the provider's credentials into any log line that shows the request.
    public override string ToString() => $"EmailDnsRequest {{ Domain = {Domain}, Provider = {Provider}, RecordType = {RecordType} }}";
}
