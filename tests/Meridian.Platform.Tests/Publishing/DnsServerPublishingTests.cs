using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;

namespace Meridian.Platform.Tests.Publishing;

/// <summary>A write is in the answers of the DNS engine in the same process when the call returns,
/// asked with <c>dig</c> over a loopback socket.</summary>
public abstract class DnsServerPublishingTests(ITestStorage storage) : PlatformTestBase(storage)
{
    [Fact]
    public async Task Dig_sees_each_write_as_soon_as_the_call_returns()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "dig.example");

        Assert.Equal(["ns1.meridian.test.", "ns2.meridian.test."], await Served.AskAsync("dig.example", "NS"));
        var created = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.10")));
        Assert.Equal(["192.0.2.10"], await Served.AskAsync("www.dig.example", "A"));

        Ok(await Records.UpdateAsync(actor, created.Id, new RecordInput(Value: "192.0.2.11")));
        Assert.Equal(["192.0.2.11"], await Served.AskAsync("www.dig.example", "A"));
        Assert.Equal((uint)Ok(await Domains.GetAsync(actor, zone.Id)).Serial, await Served.SerialOfAsync("dig.example."));

        Ok(await Records.DeleteAsync(actor, created.Id));
        Assert.Empty(await Served.AskAsync("www.dig.example", "A"));

        Ok(await Domains.DeleteAsync(actor, zone.Id));
        Assert.Equal("REFUSED", (await Dig.QueryAsync(Served.Endpoint, "www.dig.example", "A")).Status);
    }
}

public sealed class DnsServerPublishingSqliteTests() : DnsServerPublishingTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class DnsServerPublishingPostgresTests(PostgresServer server) : DnsServerPublishingTests(server.NewDatabase());
