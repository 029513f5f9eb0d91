using System.Text.RegularExpressions;
using Meridian.Api.Tests.Support;
using Meridian.Providers;

namespace Meridian.Api.Tests.EmailDns;

/// <summary>Every curl example of <c>email-dns-api.txt</c>, run with curl as written (the host and the caller's key
/// replaced) through <c>/api/v1/…</c> and again through <c>/api.php</c>, gets the documented body; the records each
/// stand-in provider holds at the end are exactly those the record sets call for, and the second round writes nothing.</summary>
public sealed partial class EmailDnsSpecExamplesTests(CloudflareNameserversHost host) : IClassFixture<CloudflareNameserversHost>
{
    [Fact]
    public async Task Spec_curl_examples_get_the_documented_bodies_through_both_endpoints_and_write_exactly_the_record_sets()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        // example.com is hosted here, and this server's nameservers are Cloudflare's: detection sees "cloudflare".
        await caller.Zones.CreateDomainAsync("example.com");
        host.Cloudflare.AddZone("example.com");
        host.Cloudflare.Add("example.com", "A", "192.0.2.1", 300);
        host.Cloudflare.Add("example.com", "MX", "mail.example.com", 300, 10);
        host.GoDaddy.Domains.Add("example.com");
        host.GoDaddy.Add("example.com", "@", "A", "192.0.2.2", 600);
        host.Namecheap.AddDomain("example.com");
        host.Namecheap.Add("example.com", "@", "A", "192.0.2.3", 1800, 10);
        host.Namecheap.Add("example.com", "@", "MX", "mx1.example.net", 1800, 5);

        var examples = CurlExamples();
        Assert.Equal(7, examples.Count);
        string baseUrl = host.Anonymous().Http.BaseAddress!.ToString().TrimEnd('/');
        foreach (bool legacy in new[] { false, true })
        {
            int cloudflareWrites = host.Cloudflare.WriteCount, godaddyWrites = host.GoDaddy.WriteCount, namecheapSets = host.Namecheap.SetHostsCalls;
            foreach (string example in examples)
            {
                string command = Legacy(example.Replace("https://example.com", baseUrl, StringComparison.Ordinal)
                    .Replace("your-api-key", caller.Token, StringComparison.Ordinal), legacy);
                var (exit, output) = await ExternalTool.RunAsync("bash", ["-c", command.Replace("curl ", "curl -s ", StringComparison.Ordinal)]);
                Assert.True(exit == 0, $"curl failed: {output}");
                string expected = example.Contains("dns.provider", StringComparison.Ordinal) ? """{"provider":"cloudflare"}""" : """{"success":true}""";
                Assert.True(expected == output, $"{(legacy ? "/api.php" : "/api/v1")}: {example}\n got {output}");
            }
            if (legacy)
            {
                // The second round (through /api.php) found everything in place: not one write at any provider.
                Assert.Equal(cloudflareWrites, host.Cloudflare.WriteCount);
                Assert.Equal(godaddyWrites, host.GoDaddy.WriteCount);
                Assert.Equal(namecheapSets, host.Namecheap.SetHostsCalls);
            }
        }

        string campaignKey = await DkimValueAsync(caller, "mc1");
        string gatewayKey = await DkimValueAsync(caller, "gw1");
        Assert.Equal(
        [
            "example.com 300 A 192.0.2.1",
            "example.com 300 MX 10 mail.example.com",
            $"example.com 3600 TXT v=spf1 include:{EmailDnsHost.SpfCampaign} ~all",
            $"mc1._domainkey.example.com 3600 TXT {TxtStrings.Quoted(campaignKey)}",
            "_dmarc.example.com 3600 TXT v=DMARC1; p=none; rua=mailto:dmarc@mailer.example",
        ], host.Cloudflare.RecordsOf("example.com").Select(r => r.ToString()));
        Assert.Contains("\" \"", TxtStrings.Quoted(campaignKey), StringComparison.Ordinal);
        Assert.Equal(
        [
            "example.com 600 A 192.0.2.2",
            $"example.com 3600 TXT v=spf1 include:{EmailDnsHost.SpfGateway} ~all",
            $"gw1._domainkey.example.com 3600 TXT {gatewayKey}",
            "_dmarc.example.com 3600 TXT v=DMARC1; p=quarantine",
            "bounce.example.com 3600 CNAME bounces.mailer.example",
        ], host.GoDaddy.RecordsOf("example.com").Select(r => r.ToString()));
        // Namecheap keeps every host it had, with its own TTL and MX preference; ours carry Namecheap's default MXPref.
        Assert.Equal(
        [
            "example.com 1800 A 10 192.0.2.3",
            "example.com 1800 MX 5 mx1.example.net",
            $"example.com 3600 TXT 10 v=spf1 include:{EmailDnsHost.SpfCampaign} ~all",
            $"mc1._domainkey.example.com 3600 TXT 10 {campaignKey}",
            "_dmarc.example.com 3600 TXT 10 v=DMARC1; p=none; rua=mailto:dmarc@mailer.example",
        ], host.Namecheap.RecordsOf("example.com").Select(r => r.ToString()));
        Assert.Equal("MX", host.Namecheap.EmailTypes["example.com"]);
    }

    private static async Task<string> DkimValueAsync(EmailDnsCaller caller, string selector)
    {
        var keys = (await caller.Api.GetAsync("/api/v1/dns.dkim?Domain=example.com")).Expect(200).GetProperty("keys");
        var key = keys.EnumerateArray().Single(k => k.GetProperty("selector").GetString() == selector);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", key.GetProperty("private_key").GetString(), StringComparison.Ordinal);
        return key.GetProperty("dns_value").GetString()!;
    }

    /// <summary>The example requests of the spec (the code blocks that start with curl), as written.</summary>
    private static List<string> CurlExamples()
    {
        string spec = File.ReadAllText(RepositoryFiles.Shared("specs/email-dns-api.txt") ?? throw new InvalidOperationException("../shared/specs/email-dns-api.txt is missing"));
        return [.. CodeBlock().Matches(spec).Select(m => m.Groups[1].Value.Trim()).Where(block => block.StartsWith("curl ", StringComparison.Ordinal))];
    }

    /// <summary>The same request sent to /api.php: the path's command moves into the Command parameter.</summary>
    private static string Legacy(string command, bool legacy)
    {
        if (!legacy) return command;
        return ApiV1Path().Replace(command, m => m.Groups[2].Success
            ? $"/api.php?Command={m.Groups[1].Value}&{m.Groups[2].Value}"
            : "/api.php");
    }

    [GeneratedRegex("```bash[^\\n]*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"/api/v1/(dns\.[a-z]+)(?:\?([^""\s]*))?")]
    private static partial Regex ApiV1Path();
}
