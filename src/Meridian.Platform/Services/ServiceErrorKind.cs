namespace Meridian.Platform.Services;

/// <summary>Why a service call was refused; each API surface turns a kind into its own status code.</summary>
public enum ServiceErrorKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Validation,

    /// <summary>The thing does not exist, or belongs to another account (404).</summary>
    NotFound,

    /// <summary>The name or object is taken by someone else (409).</summary>
    Conflict,

    /// <summary>The account's domain limit is reached (403, "Domain limit reached").</summary>
    QuotaExceeded,

    /// <summary>The caller may not do this, whatever it sends (403).</summary>
    Forbidden,

    /// <summary>No valid credentials (401).</summary>
    Unauthorized,

    /// <summary>Too many attempts; <see cref="ServiceError.RetryAfter"/> says when to try again (429).</summary>
    Throttled,

    /// <summary>The deployment's configuration does not allow the call (500; the message says what to fix).</summary>
    Misconfigured,
}
