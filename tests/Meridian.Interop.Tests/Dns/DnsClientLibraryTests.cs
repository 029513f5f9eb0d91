using DnsClient;
using DnsClient.Protocol;

namespace Meridian.Interop.Tests.Dns;

/// <summary>Meridian queried from .NET through DnsClient.NET, over UDP and TCP.</summary>
public class DnsClientLibraryTests : IClassFixture<ServedZones>
{
    private readonly ServedZones _servers;

    public DnsClientLibraryTests(ServedZones servers) => _servers = servers;

    private LookupClient Client(bool tcp) => new(new LookupClientOptions(_servers.Meridian)
    {
        UseCache = false,
        UseTcpOnly = tcp,
        Retries = 0,
        Timeout = TimeSpan.FromSeconds(3),
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mx_answer_carries_target_addresses(bool tcp)
    {
        var result = await Client(tcp).QueryAsync("example.", QueryType.MX);
        Assert.False(result.HasError);
        Assert.True(result.Header.HasAuthorityAnswer);
        var mx = result.Answers.MxRecords().OrderBy(r => r.Preference).ToList();
        Assert.Equal(["mail.example.", "mail2.elsewhere."], mx.Select(r => r.Exchange.Value));
        Assert.Contains(result.Additionals.ARecords(), a => a.Address.ToString() == "192.0.2.2");
        Assert.Contains(result.Additionals.AaaaRecords(), a => a.Address.ToString() == "2001:db8::2");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Srv_and_txt_answers_read_back_field_by_field(bool tcp)
    {
        var srv = await Client(tcp).QueryAsync("_sip._tcp.example.", QueryType.SRV);
        var records = srv.Answers.SrvRecords().OrderBy(r => r.Priority).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal((ushort)5060, records[0].Port);
        Assert.Equal("sip.example.", records[0].Target.Value);

        var txt = await Client(tcp).QueryAsync("www.example.", QueryType.TXT);
        Assert.Equal(["hello", "world"], txt.Answers.TxtRecords().Single().Text);
    }

    [Fact]
    public async Task Nxdomain_is_reported_as_such()
    {
        var result = await Client(false).QueryAsync("nope.example.", QueryType.A);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, result.Header.ResponseCode);
        Assert.IsType<SoaRecord>(result.Authorities.Single());
    }
}
