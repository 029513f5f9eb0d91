namespace Meridian.Providers.EmailRecords;

/// <summary>What one kind of sending (the Email DNS API's <c>RecordType</c>: "campaign", "email-gateway") needs in the
/// customer's zone, from configuration <c>EmailDns:RecordSets:{name}</c>.</summary>
public sealed class EmailRecordSet
{
    /// <summary>The SPF include of our sending servers ("spf.mail.example.net").</summary>
    public string SpfInclude { get; set; } = "";

    /// <summary>The DKIM selector; the key is published at <c>{selector}._domainkey.{domain}</c>.</summary>
    public string DkimSelector { get; set; } = "";

    /// <summary>The DMARC policy: none, quarantine or reject.</summary>
    public string DmarcPolicy { get; set; } = "none";

    /// <summary>Where aggregate DMARC reports go (an address, without "mailto:"); empty for none.</summary>
    public string? DmarcReportAddress { get; set; }

    /// <summary>A CNAME for bounces or tracking: the label under the domain ("bounce") …</summary>
    public string? CnameName { get; set; }

    /// <summary>… and its target ("bounces.mail.example.net").</summary>
    public string? CnameTarget { get; set; }

    /// <summary>TTL of the records written.</summary>
    public int Ttl { get; set; } = 3600;

    public string DmarcRecord => "v=DMARC1; p=" + DmarcPolicy + (string.IsNullOrWhiteSpace(DmarcReportAddress) ? "" : "; rua=mailto:" + DmarcReportAddress);

    public IEnumerable<string> Validate(string name)
    {
        string prefix = $"EmailDns:RecordSets:{name}";
        if (!IsHostName(SpfInclude)) yield return $"{prefix}:SpfInclude must be a host name (got '{SpfInclude}')";
        if (string.IsNullOrWhiteSpace(DkimSelector) || !DkimSelector.Split('.').All(IsLabel)) yield return $"{prefix}:DkimSelector must be one or more DNS labels (got '{DkimSelector}')";
        if (DmarcPolicy is not ("none" or "quarantine" or "reject")) yield return $"{prefix}:DmarcPolicy must be none, quarantine or reject (got '{DmarcPolicy}')";
        if (DmarcReportAddress is { Length: > 0 } rua && !rua.Contains('@', StringComparison.Ordinal)) yield return $"{prefix}:DmarcReportAddress must be an email address";
        if (string.IsNullOrEmpty(CnameName) != string.IsNullOrEmpty(CnameTarget)) yield return $"{prefix}: CnameName and CnameTarget go together";
        if (CnameName is { Length: > 0 } label && !label.Split('.').All(IsLabel)) yield return $"{prefix}:CnameName must be DNS labels (got '{label}')";
        if (CnameTarget is { Length: > 0 } target && !IsHostName(target)) yield return $"{prefix}:CnameTarget must be a host name (got '{target}')";
        if (Ttl is < 60 or > 86400) yield return $"{prefix}:Ttl must be 60–86400";
    }

    private static bool IsHostName(string name) => name.Length is > 0 and < 254 && name.TrimEnd('.').Split('.').All(IsLabel) && name.Contains('.', StringComparison.Ordinal);

    private static bool IsLabel(string label) => label.Length is > 0 and < 64 && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
