using Meridian.Providers;

namespace Meridian.Platform.EmailDns;

/// <summary>What a successful <c>dns.set</c> did: the records it wrote (none when all were already there) and what it
/// left alone and why.</summary>
public sealed record EmailDnsSetOutcome(string Provider, IReadOnlyList<WrittenRecord> Written, IReadOnlyList<string> Warnings);

/// <summary>One record written by <c>dns.set</c>: "created" or "updated".</summary>
public sealed record WrittenRecord(string Action, string Type, string Name, string Content, int Ttl)
{
    public static WrittenRecord Of(string action, DnsRecord record) => new(action, record.Type, record.Name, record.Content, record.Ttl);
}

/// <summary>A DKIM key as its owner gets it: where it is published, the record, and the private key (PEM) for the
/// mail server that signs.</summary>
public sealed record DkimKeyView(string Domain, string Selector, string DnsName, string DnsValue, string PrivateKeyPem, DateTime CreatedAt);
