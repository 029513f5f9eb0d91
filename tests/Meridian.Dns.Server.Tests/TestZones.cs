using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Tests;

/// <summary>Builds zone snapshots from zone-file text, through the same reader the server uses.</summary>
internal static class TestZones
{
    public static ZoneSnapshot Build(string origin, string zoneText) => ZoneFileLoader.Parse(zoneText, DnsName.Parse(origin));
}
