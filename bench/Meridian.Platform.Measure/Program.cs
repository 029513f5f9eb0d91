using System.Diagnostics;
using System.Globalization;
using System.Text;
using Meridian.Dns.Server.Hosting;
using Meridian.Platform;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

// Measures the platform's write paths on a fresh database (SQLite temp file, or PostgreSQL with
// --postgres CONNECTION), publishing to a real in-process DNS server:
//   dotnet run -c Release --project bench/Meridian.Platform.Measure [-- --creates N --import N --postgres CS --no-dns]
int creates = 5000, imported = 100_000, writers = 8;
string? postgres = null;
bool serveDns = !args.Contains("--no-dns");
for (int i = 0; i + 1 < args.Length; i++)
{
    switch (args[i])
    {
        case "--creates": creates = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--import": imported = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--postgres": postgres = args[++i]; break;
    }
}

string directory = Path.Combine(Path.GetTempPath(), "meridian-measure-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(directory);
using var dns = new DnsServer(new DnsServerOptions { Listen = ["127.0.0.1:0"], UdpWorkers = 1 });
dns.Start();
var services = new ServiceCollection();
if (serveDns) services.AddSingleton<IZonePublisher>(new DnsServerZonePublisher(dns));
services.AddMeridianPlatform();
services.Configure<StorageOptions>(o =>
{
    o.Sqlite = $"Data Source={Path.Combine(directory, "meridian.db")}";
    o.Postgres = postgres;
});
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<PlatformStartup>().StartAsync();
var accounts = provider.GetRequiredService<AccountService>();
var domains = provider.GetRequiredService<DomainService>();
var records = provider.GetRequiredService<RecordService>();
var imports = provider.GetRequiredService<ImportService>();
string store = postgres is null ? "SQLite" : "PostgreSQL";

var account = (await accounts.CreateAsync(AccountKind.Client, "measure")).Value!;
var actor = Actor.ForAccount(account.Id);

// Warm-up: JIT and connection pools.
var warm = (await domains.CreateAsync(actor, "warm.example")).Value!;
for (int i = 0; i < 200; i++) await records.CreateAsync(actor, warm.Id, new RecordInput($"w{i}", "A", "192.0.2.1"));

var zone = (await domains.CreateAsync(actor, "one-client.example")).Value!;
long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var clock = Stopwatch.StartNew();
int failed = 0;
for (int i = 0; i < creates; i++)
{
    if (!(await records.CreateAsync(actor, zone.Id, new RecordInput($"host{i}", "A", $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"))).Succeeded) failed++;
}
clock.Stop();
long allocatedPerCreate = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / creates;
Console.WriteLine($"{store}: {creates} record creates from one client into one zone: {creates / clock.Elapsed.TotalSeconds:F0}/s ({failed} failed, {allocatedPerCreate:N0} bytes allocated per create)");

// The same number of creates spread over 50 zones of 100 records, the size most customer zones have:
// every write republishes its zone, so the cost per write grows with the zone.
var small = new List<Zone>();
for (int z = 0; z < 50; z++) small.Add((await domains.CreateAsync(actor, $"small{z}.example")).Value!);
failed = 0;
clock.Restart();
for (int i = 0; i < creates; i++)
{
    if (!(await records.CreateAsync(actor, small[i % small.Count].Id, new RecordInput($"host{i}", "A", "192.0.2.1"))).Succeeded) failed++;
}
clock.Stop();
Console.WriteLine($"{store}: {creates} record creates from one client over {small.Count} zones: {creates / clock.Elapsed.TotalSeconds:F0}/s ({failed} failed)");

var shared = (await domains.CreateAsync(actor, "eight-writers.example")).Value!;
int perWriter = creates / writers;
clock.Restart();
var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    int bad = 0;
    for (int i = 0; i < perWriter; i++)
        if (!(await records.CreateAsync(actor, shared.Id, new RecordInput($"w{w}-{i}", "TXT", $"writer {w} record {i}"))).Succeeded) bad++;
    return bad;
})));
clock.Stop();
Console.WriteLine($"{store}: {writers} concurrent writers x {perWriter} creates into one zone: {writers * perWriter / clock.Elapsed.TotalSeconds:F0}/s ({results.Sum()} failed)");

var file = new StringBuilder("$ORIGIN bulk.example.\n$TTL 3600\n");
for (int i = 0; i < imported; i++)
{
    switch (i % 4)
    {
        case 0: file.Append(CultureInfo.InvariantCulture, $"h{i} IN A 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n"); break;
        case 1: file.Append(CultureInfo.InvariantCulture, $"h{i} 300 IN AAAA 2001:db8::{i & 0xffff:x}\n"); break;
        case 2: file.Append(CultureInfo.InvariantCulture, $"h{i} IN TXT \"record {i}\"\n"); break;
        default: file.Append(CultureInfo.InvariantCulture, $"h{i} IN MX 10 mail{i}.example.net.\n"); break;
    }
}
string text = file.ToString();
clock.Restart();
var outcome = await imports.ImportBindAsync(actor, text);
clock.Stop();
Console.WriteLine($"{store}: import of {imported} records: {clock.Elapsed.TotalSeconds:F2} s ({(outcome.Succeeded ? outcome.Value!.Records.Count + " created, " + outcome.Value.Errors.Count + " refused" : outcome.Error!.Message)})");

// The first write after the import pays for warming up; the later ones show the steady cost.
var late = new List<string>();
for (int i = 0; i < 5; i++)
{
    clock.Restart();
    var one = await records.CreateAsync(actor, outcome.Value!.Zone.Id, new RecordInput($"late{i}", "A", "192.0.2.1"));
    clock.Stop();
    late.Add(one.Succeeded ? $"{clock.Elapsed.TotalMilliseconds:F1}" : one.Error!.Message);
}
Console.WriteLine($"{store}: five creates into the {imported}-record zone, one after another: {string.Join(", ", late)} ms");

await provider.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);

