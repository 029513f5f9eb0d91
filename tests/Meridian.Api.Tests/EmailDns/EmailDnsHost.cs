using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.EmailDns;

/// <summary>Meridian on SQLite with the four stand-in providers running and configured as its providers' base URLs,
/// and its own DNS server as the detection resolver (an extra listener on a port picked before start). Subclasses
/// choose the server's own nameservers.</summary>
public class EmailDnsHost : SqliteApiHost
{
    public const string SpfCampaign = "spf.campaigns.mailer.example";
    public const string SpfGateway = "spf.gateway.mailer.example";

    public CloudflareStandIn Cloudflare { get; } = new();

    public GoDaddyStandIn GoDaddy { get; } = new();

    public NamecheapStandIn Namecheap { get; } = new();

    public DnsimpleStandIn Dnsimple { get; } = new();

    /// <summary>The port of the resolver detection uses: this Meridian's DNS server.</summary>
    public int ResolverPort { get; private set; }

    /// <summary>The nameservers this Meridian serves for its zones.</summary>
    protected virtual IReadOnlyList<string> OwnNameservers => ["ns1.meridian.invalid.", "ns2.meridian.invalid."];

    protected override async Task<IReadOnlyDictionary<string, string>> CreateStorageAsync()
    {
        await Task.WhenAll(Cloudflare.StartAsync(), GoDaddy.StartAsync(), Namecheap.StartAsync(), Dnsimple.StartAsync());
        ResolverPort = LoopbackPorts.UdpAndTcp();
        var settings = new Dictionary<string, string>(await base.CreateStorageAsync())
        {
            ["Providers:Cloudflare:BaseUrl"] = Cloudflare.BaseUrl,
            ["Providers:GoDaddy:BaseUrl"] = GoDaddy.BaseUrl,
            ["Providers:Namecheap:BaseUrl"] = Namecheap.BaseUrl,
            ["Providers:Namecheap:ClientIp"] = NamecheapStandIn.ClientIp,
            ["Providers:DNSimple:BaseUrl"] = Dnsimple.BaseUrl,
            ["Providers:RetryDelay"] = "00:00:00.050",
            ["Providers:Detection:Resolver"] = $"127.0.0.1:{ResolverPort}",
            ["Dns:Listen:2"] = $"127.0.0.1:{ResolverPort}",
            ["EmailDns:RecordSets:campaign:SpfInclude"] = SpfCampaign,
            ["EmailDns:RecordSets:campaign:DkimSelector"] = "mc1",
            ["EmailDns:RecordSets:campaign:DmarcPolicy"] = "none",
            ["EmailDns:RecordSets:campaign:DmarcReportAddress"] = "dmarc@mailer.example",
            ["EmailDns:RecordSets:email-gateway:SpfInclude"] = SpfGateway,
            ["EmailDns:RecordSets:email-gateway:DkimSelector"] = "gw1",
            ["EmailDns:RecordSets:email-gateway:DmarcPolicy"] = "quarantine",
            ["EmailDns:RecordSets:email-gateway:CnameName"] = "bounce",
            ["EmailDns:RecordSets:email-gateway:CnameTarget"] = "bounces.mailer.example",
        };
        for (int i = 0; i < OwnNameservers.Count; i++) settings[$"Zones:Nameservers:{i}"] = OwnNameservers[i];
        return settings;
    }

    protected override async Task DeleteStorageAsync()
    {
        await Cloudflare.DisposeAsync();
        await GoDaddy.DisposeAsync();
        await Namecheap.DisposeAsync();
        await Dnsimple.DisposeAsync();
        await base.DeleteStorageAsync();
    }

    /// <summary>A new client account with a key holding <paramref name="scopes"/> (User.Update by default) and a client
    /// of the Email DNS API sending it as Bearer; <see cref="EmailDnsCaller.Zones"/> manages its zones (Client API key).</summary>
    public async Task<EmailDnsCaller> NewCallerAsync(params string[] scopes)
    {
        var client = await NewClientAsync();
        var key = await Service<ApiKeyService>().IssueAsync(client.AccountId, "mail", ApiEnvironment.Production, scopes.Length == 0 ? [Scopes.EmailDns] : scopes);
        Assert.True(key.Succeeded, key.ToString());
        return new EmailDnsCaller(client.AccountId, key.Value.Token, Anonymous("Bearer " + key.Value.Token), client.Api, Anonymous());
    }
}

/// <summary>Meridian whose own nameservers are Cloudflare's, so that the spec's examples (example.com hosted here)
/// are detected as "cloudflare" through a real NS lookup.</summary>
public sealed class CloudflareNameserversHost : EmailDnsHost
{
    protected override IReadOnlyList<string> OwnNameservers => ["ada.ns.cloudflare.com.", "bob.ns.cloudflare.com."];
}

/// <summary>An Email DNS API caller: its account, its User.Update key, a client sending that key, a Client API client
/// for its zones, and an anonymous client.</summary>
public sealed record EmailDnsCaller(Guid AccountId, string Token, ApiClient Api, ApiClient Zones, ApiClient Anonymous);
