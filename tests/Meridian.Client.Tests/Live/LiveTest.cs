using System.Globalization;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>What every test against the live fixture shares: clients made the way a user makes them.</summary>
public abstract class LiveTest(LiveFixture fixture)
{
    protected LiveFixture Fixture { get; } = fixture;

    protected MeridianClient PartnerClient(MeridianEnvironment environment = MeridianEnvironment.Production) => new(new MeridianClientOptions
    {
        ApiKey = Fixture.Text("partner", environment == MeridianEnvironment.Production ? "productionKey" : "sandboxKey"),
        Environment = environment,
        BaseUrl = Fixture.BaseUrl,
        SandboxBaseUrl = Fixture.SandboxBaseUrl,
    });

    protected static string NewDomainName(string label) => $"{label}-{Guid.NewGuid():N}"[..24].TrimEnd('-') + ".example";

    protected string DnsHost(string which = "dns") => Fixture.Text(which, "host");

    protected int DnsPort(string which = "dns") => int.Parse(Fixture.Text(which, "port"), CultureInfo.InvariantCulture);

    protected Task<IReadOnlyList<string>> DigUntilAsync(string name, string type, params string[] expected) =>
        Dig.UntilAsync(DnsHost(), DnsPort(), name, type, expected);

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
