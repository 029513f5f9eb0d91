using System.Text;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Simple;

/// <summary>Meridian on SQLite with the Simple API configured: alice manages example.com and example.net, bob
/// example.org, carol example.info; www and mail are blacklisted. The zones belong to the account "simple", made with
/// its zones on first use, as an operator would before handing out tokens. Subclasses change the backend or the limits.</summary>
public class SimpleApiHost : SqliteApiHost
{
    public const string Secret = "the Simple API tests' secret, well over 32 bytes";
    public const string AccountName = "simple";

    private readonly Lock _gate = new();
    private Task? _ready;

    public static readonly IReadOnlyDictionary<string, string[]> Users = new Dictionary<string, string[]>
    {
        ["alice"] = ["example.com", "example.net"],
        ["bob"] = ["example.org"],
        ["carol"] = ["example.info"],
    };

    public Guid AccountId { get; private set; }

    public IReadOnlyDictionary<string, Guid> Zones { get; private set; } = new Dictionary<string, Guid>();

    public static byte[] SecretBytes => Encoding.UTF8.GetBytes(Secret);

    /// <summary>The settings of the Simple API, "Section:Key" each.</summary>
    public static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["SimpleApi:SecretKey"] = Secret,
            ["SimpleApi:Account"] = AccountName,
            ["SimpleApi:Blacklist:0"] = "www",
            ["SimpleApi:Blacklist:1"] = "mail",
        };
        int i = 0;
        foreach (var (user, domains) in Users)
        {
            settings[$"SimpleApi:Users:{i}:Name"] = user;
            for (int j = 0; j < domains.Length; j++) settings[$"SimpleApi:Users:{i}:Domains:{j}"] = domains[j];
            i++;
        }
        return settings;
    }

    protected override async Task<IReadOnlyDictionary<string, string>> CreateStorageAsync()
    {
        var settings = new Dictionary<string, string>(await base.CreateStorageAsync());
        foreach (var (key, value) in Settings()) settings[key] = value;
        // The tests make many requests as one user in a minute; the limits themselves are tested with small ones.
        settings["RateLimits:PerHour"] = "1000000";
        settings["RateLimits:PerMinute"] = "1000000";
        return settings;
    }

    /// <summary>Starts the host and makes the account and its zones, once.</summary>
    public Task ReadyAsync()
    {
        lock (_gate) return _ready ??= SetUpAsync();
    }

    private async Task SetUpAsync()
    {
        await StartAsync();
        var account = await Service<AccountService>().CreateAsync(AccountKind.Client, AccountName, "simple@example.net");
        Assert.True(account.Succeeded, account.ToString());
        AccountId = account.Value.Id;
        var zones = new Dictionary<string, Guid>();
        foreach (string domain in Users.Values.SelectMany(d => d))
        {
            var zone = await Service<DomainService>().CreateAsync(Actor.ForAccount(AccountId), domain);
            Assert.True(zone.Succeeded, zone.ToString());
            zones[domain] = zone.Value.Id;
        }
        Zones = zones;
    }

    /// <summary>A client of the Simple API with <paramref name="user"/>'s HS512 token, computed the original's way.</summary>
    public ApiClient Simple(string user = "alice") => Anonymous("Bearer " + SimpleTokensTests.OriginalToken(SecretBytes, user, "HS512"));
}
