using Meridian.Interop.Tests.Transfer;

namespace Meridian.Interop.Tests.Update;

/// <summary>One `meridian serve` for the UPDATE tests, with three keys made by `meridian tsig create`: one that may
/// update every test zone, one scoped to another zone only, and two limited to an _acme-challenge name of a zone (one for certbot).
/// Each test imports a zone of its own, so the tests do not see each other's changes.</summary>
public sealed class UpdatePrimaryFixture : IAsyncLifetime
{
    public const string UpdateKey = "upd-key";
    public const string OtherZoneKey = "other-zone-key";
    public const string AcmeKey = "acme-key";
    public const string CertbotKey = "certbot-key";

    /// <summary>The zones the tests import, all of which <see cref="UpdateKey"/> may change.</summary>
    public static readonly string[] Zones = ["records.update.test.", "prereq.update.test.", "refused.update.test.", "auth.update.test.", "scoped.update.test."];

    internal MeridianPrimary Primary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(Peers.ExternalTool.Exists("nsupdate"), "nsupdate must be installed (bind9-dnsutils)");
        Assert.True(Peers.ExternalTool.Exists("kdig"), "kdig must be installed (knot-dnsutils)");
        Primary = await MeridianPrimary.StartAsync([], [
            ["--name", UpdateKey, .. Zones.SelectMany(z => new[] { "--update-zone", z })],
            ["--name", OtherZoneKey, "--update-zone", "elsewhere.update.test."],
            ["--name", AcmeKey, "--algorithm", "hmac-sha512", "--update-zone", "scoped.update.test.", "--update-name", "_acme-challenge.scoped.update.test.",
             "--update-type", "TXT"],
            ["--name", CertbotKey, "--algorithm", "hmac-sha512", "--update-zone", "acme.update.test.", "--update-name", "_acme-challenge.www.acme.update.test.",
             "--update-type", "TXT"],
        ]);
    }

    /// <summary>The -y argument of nsupdate for a key the fixture made.</summary>
    public string KeyArgument(string name) =>
        $"{(name is AcmeKey or CertbotKey ? "hmac-sha512" : "hmac-sha256")}:{name}:{Primary.Secrets[name]}";

    public async Task DisposeAsync() => await Primary.DisposeAsync();
}
