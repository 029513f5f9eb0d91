using System.Diagnostics;
using System.Globalization;
using Meridian.Platform;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

// Fills a data directory with many small zones for bench/many-zones.sh, through the storage layer (EF Core over
// the platform's own database and migrations, no HTTP): one client account owning N zones named zoneI.many.test.
// of 10 records each (A, AAAA and MX at the apex, www, mail, api, ftp, two TXT and a CNAME).
//   dotnet run -c Release --project bench/Meridian.ManyZones -- --data DIR [--zones 100000]
string? data = null;
int zoneCount = 100_000;
for (int i = 0; i + 1 < args.Length; i++)
{
    switch (args[i])
    {
        case "--data": data = args[++i]; break;
        case "--zones": zoneCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
    }
}
if (data is null)
{
    Console.Error.WriteLine("usage: Meridian.ManyZones --data DIR [--zones N]");
    return 2;
}
Directory.CreateDirectory(data);

var services = new ServiceCollection();
services.AddMeridianPlatform();
services.Configure<StorageOptions>(o => o.Sqlite = $"Data Source={Path.Combine(data, "meridian.db")}");
await using var provider = services.BuildServiceProvider();
var database = provider.GetRequiredService<PlatformDatabase>();
await database.MigrateAsync();

var clock = Stopwatch.StartNew();
var now = DateTime.UtcNow;
long serial = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
var account = new Account { Id = Guid.CreateVersion7(), Kind = AccountKind.Client, Name = "many-zones", CreatedAt = now };
await using (var db = database.CreateContext())
{
    db.Accounts.Add(account);
    await db.SaveChangesAsync();
}

string[] global = [.. GeoTargetRules.Global];
const int ZonesPerBatch = 5_000;
for (int start = 0; start < zoneCount; start += ZonesPerBatch)
{
    await using var db = database.CreateContext();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (int i = start; i < Math.Min(zoneCount, start + ZonesPerBatch); i++)
    {
        string name = $"zone{i}.many.test.";
        var zone = new Zone { Id = Guid.CreateVersion7(), AccountId = account.Id, Name = name, Environment = ApiEnvironment.Production, Serial = serial, CreatedAt = now, UpdatedAt = now };
        db.Zones.Add(zone);
        int host = i % 250 + 1;
        Add(db, zone, name, "A", $"192.0.2.{host}");
        Add(db, zone, name, "AAAA", $"2001:db8::{host:x}");
        Add(db, zone, name, "MX", $"10 mail.{name}");
        Add(db, zone, name, "TXT", "\"v=spf1 mx -all\"");
        Add(db, zone, "www." + name, "A", $"198.51.100.{host}");
        Add(db, zone, "mail." + name, "A", $"203.0.113.{host}");
        Add(db, zone, "api." + name, "A", $"198.51.100.{host}");
        Add(db, zone, "api." + name, "AAAA", $"2001:db8:1::{host:x}");
        Add(db, zone, "ftp." + name, "CNAME", "www." + name);
        Add(db, zone, "_dmarc." + name, "TXT", "\"v=DMARC1; p=reject\"");
    }
    await db.SaveChangesAsync();
    Console.Error.Write($"\r{Math.Min(zoneCount, start + ZonesPerBatch):N0} zones");
}
Console.Error.WriteLine();
Console.WriteLine($"{zoneCount:N0} zones of 10 records written in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

void Add(MeridianDbContext db, Zone zone, string owner, string type, string value) => db.Records.Add(new Record
{
    Id = Guid.CreateVersion7(), ZoneId = zone.Id, Name = owner, Type = type, Ttl = 3600, Data = value, CountryCodes = global, CreatedAt = now, UpdatedAt = now,
});
