using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Tests;

/// <summary>Builds zone snapshots from zone-file text, through the same reader the server uses.</summary>
internal static class TestZones
{
    public static ZoneSnapshot Build(string origin, string zoneText) => ZoneFileLoader.Parse(zoneText, DnsName.Parse(origin));

    /// <summary>The small zone the listener tests ask: <c>www.example.</c> has an A record.</summary>
    public static ZoneSnapshot ListenerExample() => Build("example.", """
        $ORIGIN example.
        @ 3600 SOA ns1 hostmaster 1 3600 900 604800 300
        @ 3600 NS ns1
        ns1 3600 A 192.0.2.1
        www 3600 A 192.0.2.3
        """);
}
