using Meridian.Providers.EmailRecords;

namespace Meridian.Providers.Tests;

public sealed class SpfMergeTests
{
    private const string Ours = "spf.mailer.example";

    [Theory]
    [InlineData("v=spf1 include:_spf.google.com ~all", "v=spf1 include:_spf.google.com include:spf.mailer.example ~all")]
    [InlineData("v=spf1 mx -all", "v=spf1 mx include:spf.mailer.example -all")]
    [InlineData("v=spf1 a redirect=_spf.example.net", "v=spf1 a include:spf.mailer.example redirect=_spf.example.net")]
    [InlineData("v=spf1 ip4:192.0.2.0/24", "v=spf1 ip4:192.0.2.0/24 include:spf.mailer.example")]
    [InlineData("v=spf1 ?all exp=explain.example.com", "v=spf1 include:spf.mailer.example ?all exp=explain.example.com")]
    public void Merge_inserts_our_include_before_all_or_the_modifiers(string existing, string merged)
    {
        Assert.Equal(merged, SpfMerge.Merge(existing, Ours, out string? refusal));
        Assert.Null(refusal);
    }

    [Fact]
    public void Merge_leaves_a_record_that_already_includes_us_as_it_is()
    {
        const string existing = "v=spf1 include:SPF.mailer.example -all";
        Assert.Same(existing, SpfMerge.Merge(existing, Ours, out _));
    }

    [Fact]
    public void Merge_refuses_when_the_record_would_need_more_than_ten_lookups()
    {
        string nine = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 8).Select(i => $"include:s{i}.example.net")) + " a ip4:192.0.2.1 -all";
        Assert.NotNull(SpfMerge.Merge(nine, Ours, out _));
        string ten = nine.Replace(" a ", " a mx ", StringComparison.Ordinal);
        Assert.Null(SpfMerge.Merge(ten, Ours, out string? refusal));
        Assert.Contains("11 DNS lookups", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_refuses_two_spf_records_and_creates_one_when_there_is_none()
    {
        var set = new EmailRecordSet { SpfInclude = Ours, DkimSelector = "s1" };
        var none = EmailRecordPlan.For("example.com", set, "KEY", []);
        Assert.Equal("v=spf1 include:spf.mailer.example ~all", none.Changes[0].Record.Content);
        var two = EmailRecordPlan.For("example.com", set, "KEY",
            [new DnsRecord("TXT", "example.com", "v=spf1 -all"), new DnsRecord("TXT", "example.com", "v=spf1 mx -all")]);
        Assert.Contains("2 SPF records", two.Refusal, StringComparison.Ordinal);
        Assert.Empty(two.Changes);
    }
}
