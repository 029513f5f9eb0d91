using Meridian.Dns.Records;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Geo;

namespace Meridian.Dns.Server.Tests.Geo;

/// <summary>Where the engine's client locations come from: the locator, remembered per address until the locator's
/// database or overrides change; and once from the real installed database.</summary>
public class GeoLocationTests
{
    private const string Zone = """
        $ORIGIN example.
        $TTL 3600
        @ SOA ns1 hostmaster 1 3600 900 604800 300
        www A 192.0.2.10 ; geo=US
        www A 192.0.2.20 ; geo=EU
        www A 192.0.2.30
        """;

    [Fact]
    public void Replaced_overrides_take_effect_on_the_next_query()
    {
        using var locator = GeoTestZones.Locator();
        var processor = GeoTestZones.Processor(GeoTestZones.Build("example.", Zone), locator: locator);
        var query = QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.100.0/24");
        Assert.Equal(["192.0.2.10"], GeoTestZones.Answer(processor, query).Addresses);

        Assert.True(GeoOverrides.TryCreate([new("198.51.100.0/24", "FR")], out var moved, out _));
        locator.Overrides = moved;

        Assert.Equal(["192.0.2.20"], GeoTestZones.Answer(processor, query).Addresses);
    }

    [Fact]
    public void A_server_without_a_locator_answers_every_client_as_of_unknown_location()
    {
        var zones = new Meridian.Dns.Server.Zones.ZoneSet();
        zones.Publish(GeoTestZones.Build("example.", Zone));
        var processor = new Meridian.Dns.Server.Answering.QueryProcessor(zones, 1232);

        Assert.Equal(["192.0.2.30"], GeoTestZones.Answer(processor, QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.100.0/24")).Addresses);
    }

    [InstalledDatabaseFact]
    public void The_installed_database_places_real_resolvers_and_the_answer_follows()
    {
        using var locator = new GeoLocator();
        Assert.True(locator.TryLoad(GeoTestZones.InstalledDatabase(), out var error), error);
        var processor = GeoTestZones.Processor(GeoTestZones.Build("example.", Zone), locator: locator);

        // Google's public resolver networks are registered in the US.
        Assert.Equal(["192.0.2.10"], GeoTestZones.Answer(processor, QueryMessages.Build("www.example.", DnsType.A, subnet: "8.8.8.0/24")).Addresses);
        Assert.Equal(["192.0.2.10"], GeoTestZones.Answer(processor, QueryMessages.Build("www.example.", DnsType.A, subnet: "2001:4860:4860::/48")).Addresses);
        // Private space is in no database: the global record.
        Assert.Equal(["192.0.2.30"], GeoTestZones.Answer(processor, QueryMessages.Build("www.example.", DnsType.A, subnet: "10.1.2.0/24")).Addresses);
    }
}

/// <summary>A fact that needs the database scripts/install-geo-db.sh installs; fails naming it when absent (never a skip).</summary>
public sealed class InstalledDatabaseFactAttribute : FactAttribute;
