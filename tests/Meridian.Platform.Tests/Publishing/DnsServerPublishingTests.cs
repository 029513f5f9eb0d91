using System.Diagnostics;
using Meridian.Dns.Server.Hosting;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Publishing;

/// <summary>A write is in the answers of the DNS engine in the same process when the call returns,
/// asked with <c>dig</c> over a loopback socket.</summary>
public sealed class DnsServerPublishingTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteTestStorage _storage = new();
    private DnsServer? _server;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _server = new DnsServer(new DnsServerOptions { Listen = ["127.0.0.1:0"], UdpWorkers = 1 });
        _server.Start();
        _services = PlatformTestBase.BuildServices(await _storage.CreateAsync(), new DnsServerZonePublisher(_server));
        await _services.GetRequiredService<PlatformStartup>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        Dispose();
        await _storage.DisposeAsync();
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }

    [Fact]
    public async Task Dig_sees_each_write_as_soon_as_the_call_returns()
    {
        var services = _services!;
        var account = (await services.GetRequiredService<AccountService>().CreateAsync(Model.AccountKind.Client, "dig")).Value!;
        var actor = Meridian.Platform.Auth.Actor.ForAccount(account.Id);
        var zone = (await services.GetRequiredService<DomainService>().CreateAsync(actor, "dig.example")).Value!;
        var records = services.GetRequiredService<RecordService>();

        Assert.Contains("ns1.meridian.test.", await DigAsync("dig.example", "NS"), StringComparison.Ordinal);
        var created = await records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.10"));
        Assert.True(created.Succeeded, created.ToString());
        Assert.Equal("192.0.2.10", (await DigAsync("www.dig.example", "A")).Trim());

        await records.UpdateAsync(actor, created.Value!.Id, new RecordInput(Value: "192.0.2.11"));
        Assert.Equal("192.0.2.11", (await DigAsync("www.dig.example", "A")).Trim());
        string soa = await DigAsync("dig.example", "SOA");
        uint served = uint.Parse(soa.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_server!.ServedSerial(Meridian.Dns.Names.DnsName.Parse("dig.example.")), served);

        await records.DeleteAsync(actor, created.Value.Id);
        Assert.Equal("", (await DigAsync("www.dig.example", "A")).Trim());

        await services.GetRequiredService<DomainService>().DeleteAsync(actor, zone.Id);
        Assert.Contains("status: REFUSED", await DigAsync("www.dig.example", "A", brief: false), StringComparison.Ordinal);
    }

    private async Task<string> DigAsync(string name, string type, bool brief = true)
    {
        int port = _server!.Endpoints[0].Port;
        var args = new List<string> { "@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), name, type, "+tries=1", "+time=2" };
        if (brief) args.Add("+short");
        var start = new ProcessStartInfo("dig", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
