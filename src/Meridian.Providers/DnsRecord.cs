namespace Meridian.Providers;

/// <summary>One record as every adapter speaks it: an absolute name in lowercase without the final dot, the type
/// in capitals, the content in the form the type's users write (a TXT record's logical text, unquoted and
/// unsplit; a hostname without the final dot), the TTL in seconds, and MX priority. <see cref="Id"/> is the
/// provider's own id where it has one.</summary>
public sealed record DnsRecord(string Type, string Name, string Content, int Ttl = 3600, int? Priority = null, string? Id = null)
{
    /// <summary>Same type, name and content (names and hostnames compared without case): the same record
    /// whatever its id or TTL.</summary>
    public bool SameData(DnsRecord other) =>
        string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && Priority == other.Priority
        && (Type is "TXT" ? Content == other.Content : string.Equals(Content.TrimEnd('.'), other.Content.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Name} {Ttl} {Type} {(Priority is { } p ? p + " " : "")}{Content}";
}
