using System.Globalization;
using System.Net;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Tsig;
using Meridian.Geo;
using Meridian.Platform.Publishing;

namespace Meridian.Platform.Tests.Support;

/// <summary>The real DNS engine a test's platform publishes into (<see cref="DnsServerZonePublisher"/>, as
/// <c>meridian serve</c> wires it), listening on a loopback port the system picks, and what it answers there as
/// <c>dig</c> sees it. Transfers are allowed from loopback without TSIG (as <c>meridian dns --allow-transfer
/// 127.0.0.0/8</c> would), so a test reads a whole served zone with AXFR.</summary>
public sealed class ServedZones : IDisposable
{
    /// <summary>The client networks the engine places in a country, so a test asks "from" there with a Client Subnet.</summary>
    private static readonly Dictionary<string, string> s_clientNetworks = new(StringComparer.Ordinal)
    {
        ["US"] = "198.51.100.0/24", ["FR"] = "198.51.101.0/24", ["DE"] = "198.51.102.0/24",
        ["SA"] = "198.51.103.0/24", ["BR"] = "198.51.104.0/24", ["SE"] = "198.51.105.0/24",
    };

    private readonly GeoLocator _geo;
    private readonly DnsServer _server;

    public ServedZones()
    {
        Assert.True(GeoOverrides.TryCreate(s_clientNetworks.Select(n => KeyValuePair.Create(n.Value, n.Key)), out var overrides, out var error), error);
        _geo = new GeoLocator(overrides);
        _server = new DnsServer(new DnsServerOptions { Listen = ["127.0.0.1:0"], UdpWorkers = 1 }, _geo)
        {
            Transfers = new ZoneTransferServices(new TsigVerifier(new StaticTsigKeyring([])), new NetworkTransferAccess([IPNetwork.Parse("127.0.0.0/8")])),
        };
        _server.Start();
        Publications = new PublicationLog(new DnsServerZonePublisher(_server), _server);
    }

    /// <summary>What the platform is given to publish with: the real publisher, every call noted on its way through.</summary>
    public IZonePublisher Publisher => Publications;

    public PublicationLog Publications { get; }

    public IPEndPoint Endpoint => _server.Endpoints[0];

    /// <summary>The answers' data (<c>dig +short</c>), sorted; asked from 127.0.0.1, a client of unknown location.</summary>
    public Task<IReadOnlyList<string>> AskAsync(string name, string type) => Dig.ShortAsync(Endpoint, name, type);

    /// <summary>The answers' data, sorted, for a client in <paramref name="country"/> (one of the test networks: US, FR, DE,
    /// SA, BR, SE), sent as its EDNS Client Subnet.</summary>
    public Task<IReadOnlyList<string>> AskFromAsync(string country, string name, string type) =>
        Dig.ShortAsync(Endpoint, name, type, "+subnet=" + s_clientNetworks[country]);

    /// <summary>The served SOA serial of a zone; fails the test when the zone is not served.</summary>
    public async Task<uint> SerialOfAsync(string origin)
    {
        var soa = await Dig.ShortAsync(Endpoint, origin, "SOA");
        Assert.True(soa.Count == 1, $"{origin} SOA: [{string.Join(", ", soa)}]");
        return uint.Parse(soa[0].Split(' ')[2], CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the engine answers for the zone: NOERROR with its SOA, or REFUSED (not authoritative).</summary>
    public async Task<bool> IsServedAsync(string origin)
    {
        var answer = await Dig.QueryAsync(Endpoint, origin, "SOA");
        Assert.True(answer.Status is "NOERROR" or "REFUSED", $"{origin} SOA: {answer.Status}");
        return answer.Status == "NOERROR" && answer.Answers.Any(a => a.Type == "SOA");
    }

    /// <summary>Every record the zone is served with (geo variants included), read with AXFR: the apex SOA first, no
    /// closing SOA. Fails the test when the zone is not served.</summary>
    public async Task<IReadOnlyList<DigRecord>> RecordsOfAsync(string origin)
    {
        var transfer = await Dig.QueryAsync(Endpoint, origin, "AXFR");
        Assert.True(transfer.Status == "NOERROR" && transfer.Answers.Count >= 2, $"AXFR {origin}: {transfer.Status}");
        return transfer.Answers.Take(transfer.Answers.Count - 1).ToList();
    }

    /// <summary>The served records of a type as "owner TTL TYPE data" lines, sorted: what a test compares.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(string origin, string? type = null) =>
        [.. (await RecordsOfAsync(origin)).Where(r => type is null || r.Type == type).Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        _server.Dispose();
        _geo.Dispose();
    }
}
