namespace Meridian.Providers.EmailRecords;

/// <summary>The changes that make a zone carry one <see cref="EmailRecordSet"/>: what to create, what to replace, and
/// what was kept and why. Planned from the records the provider holds, so running it again plans nothing.</summary>
public sealed class EmailRecordPlan
{
    public List<PlannedChange> Changes { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Why the set cannot be written at all (SPF would exceed its lookup limit, two SPF records); null when it can.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Plans <paramref name="set"/> for <paramref name="domain"/> (lowercase, no final dot) against the zone's
    /// records; <paramref name="dkimPublicKey"/> is the base64 SubjectPublicKeyInfo of the domain's key.</summary>
    public static EmailRecordPlan For(string domain, EmailRecordSet set, string dkimPublicKey, IReadOnlyList<DnsRecord> existing)
    {
        var plan = new EmailRecordPlan();
        plan.PlanSpf(domain, set, existing);
        if (plan.Refusal is not null) return plan;
        plan.PlanTxt(existing, new DnsRecord("TXT", $"{set.DkimSelector}._domainkey.{domain}", $"v=DKIM1; k=rsa; p={dkimPublicKey}", set.Ttl),
            txt => txt.StartsWith("v=DKIM1", StringComparison.OrdinalIgnoreCase));
        plan.PlanDmarc(domain, set, existing);
        if (!string.IsNullOrEmpty(set.CnameName)) plan.PlanCname(existing, new DnsRecord("CNAME", $"{set.CnameName}.{domain}", set.CnameTarget!.TrimEnd('.'), set.Ttl));
        return plan;
    }

    private void PlanSpf(string domain, EmailRecordSet set, IReadOnlyList<DnsRecord> existing)
    {
        var spf = existing.Where(r => r.Type == "TXT" && r.Name == domain && SpfMerge.IsSpf(r.Content)).ToList();
        if (spf.Count > 1)
        {
            Refusal = $"{domain} has {spf.Count} SPF records, which makes SPF fail for every message; merge them into one and try again.";
            return;
        }
        if (spf.Count == 0)
        {
            Changes.Add(PlannedChange.Create(new DnsRecord("TXT", domain, SpfMerge.Fresh(set.SpfInclude), set.Ttl)));
            return;
        }
        string? merged = SpfMerge.Merge(spf[0].Content, set.SpfInclude, out string? refusal);
        if (merged is null) Refusal = refusal;
        else if (merged != spf[0].Content) Changes.Add(PlannedChange.Replace(spf[0], spf[0] with { Content = merged, Id = null }));
    }

    private void PlanDmarc(string domain, EmailRecordSet set, IReadOnlyList<DnsRecord> existing)
    {
        string name = "_dmarc." + domain;
        var current = existing.Where(r => r.Type == "TXT" && r.Name == name && r.Content.StartsWith("v=DMARC1", StringComparison.OrdinalIgnoreCase)).ToList();
        if (current.Count == 0)
        {
            Changes.Add(PlannedChange.Create(new DnsRecord("TXT", name, set.DmarcRecord, set.Ttl)));
            return;
        }
        if (current.Any(r => Normalized(r.Content) == Normalized(set.DmarcRecord))) return;
        // The domain's owner chose a policy (and where its reports go); replacing it could hide their reports or
        // weaken their protection, so it stays and the caller is told.
        Warnings.Add($"An existing DMARC policy at {name} was kept: \"{current[0].Content}\"");
    }

    private void PlanTxt(IReadOnlyList<DnsRecord> existing, DnsRecord wanted, Func<string, bool> ours)
    {
        var current = existing.Where(r => r.Type == "TXT" && r.Name == wanted.Name && ours(r.Content)).ToList();
        if (current.Any(r => r.Content == wanted.Content)) return;
        Changes.Add(current.Count == 0 ? PlannedChange.Create(wanted) : PlannedChange.Replace(current[0], wanted));
    }

    private void PlanCname(IReadOnlyList<DnsRecord> existing, DnsRecord wanted)
    {
        var atName = existing.Where(r => r.Name == wanted.Name).ToList();
        if (atName.Any(r => r.SameData(wanted))) return;
        if (atName.Count == 0)
        {
            Changes.Add(PlannedChange.Create(wanted));
            return;
        }
        Warnings.Add($"{wanted.Name} already has other records ({string.Join(", ", atName.Select(r => r.Type + " " + r.Content))}); its CNAME to {wanted.Content} was not written");
    }

    private static string Normalized(string dmarc) => string.Join(';', dmarc.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}

/// <summary>One change of a plan: a record to create, or an existing one to replace.</summary>
public sealed record PlannedChange(DnsRecord Record, DnsRecord? Replaces)
{
    public static PlannedChange Create(DnsRecord record) => new(record, null);

    public static PlannedChange Replace(DnsRecord existing, DnsRecord record) => new(record, existing);
}
