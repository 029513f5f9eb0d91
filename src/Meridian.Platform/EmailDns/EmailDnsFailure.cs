namespace Meridian.Platform.EmailDns;

/// <summary>Why an Email DNS command failed: the spec's code and message for that command, the kind (which the
/// surface turns into an HTTP status), and the provider's own reason in <see cref="Detail"/> (never credentials).</summary>
public sealed record EmailDnsFailure(int Code, string Message, EmailDnsFailureKind Kind, string? Detail = null);

/// <summary>The kinds of Email DNS failure.</summary>
public enum EmailDnsFailureKind
{
    /// <summary>A required parameter is missing or malformed (400).</summary>
    BadParameter,

    /// <summary>The provider is not one we support (422).</summary>
    UnsupportedProvider,

    /// <summary>The records cannot be written as asked (an SPF record over its lookup limit) (422).</summary>
    Refused,

    /// <summary>The provider refused or failed (502).</summary>
    ProviderFailed,

    /// <summary>Nothing found for the domain (404 on dns.dkim; code 2 on dns.provider).</summary>
    NotFound,

    /// <summary>Our own failure (500).</summary>
    Internal,
}
