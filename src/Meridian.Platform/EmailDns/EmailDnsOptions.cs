using Meridian.Providers.EmailRecords;

namespace Meridian.Platform.EmailDns;

/// <summary>The "EmailDns" configuration section: the record sets <c>dns.set</c> writes, by the API's
/// <c>RecordType</c> ("campaign", "email-gateway"). The defaults point at .invalid hosts: an operator sets the
/// real SPF include, selectors, DMARC report address and bounce host of their mail service.</summary>
public sealed class EmailDnsOptions
{
    public const string Section = "EmailDns";

    public const string Campaign = "campaign";

    public const string Gateway = "email-gateway";

    public Dictionary<string, EmailRecordSet> RecordSets { get; set; } = new(StringComparer.Ordinal)
    {
        [Campaign] = new EmailRecordSet { SpfInclude = "_spf.campaigns.meridian.invalid", DkimSelector = "mcampaign", DmarcPolicy = "none" },
        [Gateway] = new EmailRecordSet
        {
            SpfInclude = "_spf.gateway.meridian.invalid", DkimSelector = "mgateway", DmarcPolicy = "none",
            CnameName = "bounce", CnameTarget = "bounces.gateway.meridian.invalid",
        },
    };

    public IEnumerable<string> Validate()
    {
        foreach (string required in new[] { Campaign, Gateway })
        {
            if (!RecordSets.ContainsKey(required)) yield return $"{Section}:RecordSets:{required} is required";
        }
        foreach (var (name, set) in RecordSets)
        {
            foreach (string problem in set.Validate(name)) yield return problem;
        }
    }
}
