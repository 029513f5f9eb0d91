using System.Text.Json.Serialization;

namespace Meridian.Api.EmailDns;

/// <summary><c>dns.provider</c>'s answer.</summary>
public sealed record ProviderResponse(string Provider);

/// <summary><c>dns.authorize</c>'s and <c>dns.set</c>'s answer; <c>warnings</c> lists what <c>dns.set</c> left alone
/// (a DMARC policy that is not ours), only when there is something to say.</summary>
public sealed record SuccessResponse(bool Success, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Warnings = null);

/// <summary>The parameters of <c>dns.authorize</c> and <c>dns.set</c> as a JSON body (for the document; names as the spec
/// writes them). The caller's own key may also be sent as <c>APIKey</c>, which differs from the provider's <c>ApiKey</c>
/// only by case; a JSON schema of one object cannot hold both names, so the document shows the Bearer header instead.</summary>
public sealed record EmailDnsCommandBody(
    [property: JsonPropertyName("Command")] string? Command,
    [property: JsonPropertyName("Domain")] string Domain,
    [property: JsonPropertyName("Provider")] string Provider,
    [property: JsonPropertyName("RecordType")] string? RecordType,
    [property: JsonPropertyName("ApiKey")] string ApiKey,
    [property: JsonPropertyName("ApiSecret")] string? ApiSecret,
    [property: JsonPropertyName("ApiUser")] string? ApiUser,
    [property: JsonPropertyName("Username")] string? Username,
    [property: JsonPropertyName("SessionID")] string? SessionId);

/// <summary><c>user.login</c>'s body.</summary>
public sealed record LoginBody([property: JsonPropertyName("Email")] string Email, [property: JsonPropertyName("Password")] string Password);

/// <summary><c>user.login</c>'s answer: the session to send as <c>SessionID</c>, valid 24 hours.</summary>
public sealed record LoginResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("SessionID")] string SessionId,
    [property: JsonPropertyName("expires_at")] DateTime ExpiresAt);

/// <summary>A domain's DKIM keys (<c>GET /api/v1/dns.dkim</c>).</summary>
public sealed record DkimResponse(string Domain, IReadOnlyList<DkimKeyJson> Keys);

/// <summary>One DKIM key: where it is published, the record, and the private key (PKCS#8 PEM) for the signing server.</summary>
public sealed record DkimKeyJson(string Selector, string DnsName, string DnsValue, string PrivateKey, DateTime CreatedAt);

/// <summary>A domain's <c>dns.set</c> runs, newest first (<c>GET /api/v1/dns.history</c>).</summary>
public sealed record HistoryResponse(string Domain, IReadOnlyList<HistoryEntryJson> History);

/// <summary>One <c>dns.set</c>: who ran it, where, what it wrote, what it kept, and why it failed when it did.</summary>
public sealed record HistoryEntryJson(
    DateTime At, string Principal, string Provider, string RecordType, string Outcome,
    IReadOnlyList<HistoryRecordJson> Records, IReadOnlyList<string> Warnings, string? Error);

/// <summary>One record a <c>dns.set</c> wrote.</summary>
public sealed record HistoryRecordJson(string Action, string Type, string Name, string Content, int Ttl);
