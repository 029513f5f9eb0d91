namespace Meridian.Platform.Model;

/// <summary>One <c>dns.set</c>: who ran it, for which domain, record type and provider, what it wrote (also when it
/// stopped halfway) and what it left alone, listed by <c>GET /api/v1/dns.history</c>.</summary>
public sealed class EmailDnsChange
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public ApiEnvironment Environment { get; set; }

    /// <summary>Who: <c>key:ID</c>, <c>session:ID</c> (see <see cref="Auth.Actor.Principal"/>).</summary>
    public string Principal { get; set; } = "";

    public string Domain { get; set; } = "";

    public string Provider { get; set; } = "";

    public string RecordType { get; set; } = "";

    /// <summary>"succeeded" or "failed".</summary>
    public string Outcome { get; set; } = "";

    /// <summary>JSON array of the records written: <c>{action, type, name, content, ttl}</c>.</summary>
    public string Records { get; set; } = "[]";

    /// <summary>JSON array of warnings (a DMARC policy kept, …).</summary>
    public string Warnings { get; set; } = "[]";

    /// <summary>Why it failed (the provider's reason), when it did.</summary>
    public string? Error { get; set; }

    public DateTime At { get; set; }
}
