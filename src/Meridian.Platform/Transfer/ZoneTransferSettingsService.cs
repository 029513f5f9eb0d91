using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Transfer;

/// <summary>A production zone's own transfer settings (the admin API's <c>/zones/{name}/transfer</c>): each list replaces
/// the global one when set, and null gives the zone back the global one.</summary>
public sealed class ZoneTransferSettingsService
{
    private readonly PlatformDatabase _database;
    private readonly TransferAccessRule _access;
    private readonly TransferOptions _options;
    private readonly TimeProvider _clock;

    internal ZoneTransferSettingsService(PlatformDatabase database, TransferAccessRule access, TransferOptions options, TimeProvider clock)
    {
        _database = database;
        _access = access;
        _options = options;
        _clock = clock;
    }

    public async Task<ServiceResult<ZoneTransferView>> GetAsync(string zoneName, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var zone = await FindZoneAsync(db, zoneName, cancellationToken);
        if (zone is null) return ServiceError.DomainNotFound;
        var settings = await db.ZoneTransferSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ZoneId == zone.Id, cancellationToken);
        return View(zone, settings);
    }

    public async Task<ServiceResult<ZoneTransferView>> SetAsync(string zoneName, IReadOnlyList<string>? allow, IReadOnlyList<string>? allowTsig,
        IReadOnlyList<string>? notify, CancellationToken cancellationToken = default)
    {
        var problems = new List<Problem>();
        foreach (var item in allow ?? [])
            if (!TransferTargets.TryParseNetwork(item, out _)) problems.Add(new Problem("allow", "invalid", $"'{item}' is not an address or CIDR"));
        var keys = new List<string>();
        foreach (var item in allowTsig ?? [])
        {
            if (TransferTargets.TryNormalizeName(item, out var key)) keys.Add(key);
            else problems.Add(new Problem("allow_tsig", "invalid", $"'{item}' is not a key name"));
        }
        foreach (var item in notify ?? [])
            if (!TransferTargets.TryParseEndpoint(item, out _)) problems.Add(new Problem("notify", "invalid", $"'{item}' is not ADDR:PORT"));
        if (problems.Count > 0) return ServiceError.Invalid(problems);

        await using var db = _database.CreateContext();
        var zone = await FindZoneAsync(db, zoneName, cancellationToken);
        if (zone is null) return ServiceError.DomainNotFound;
        var settings = await db.ZoneTransferSettings.SingleOrDefaultAsync(s => s.ZoneId == zone.Id, cancellationToken);
        if (settings is null) db.ZoneTransferSettings.Add(settings = new ZoneTransferSettings { ZoneId = zone.Id });
        settings.Allow = allow?.ToArray();
        settings.AllowTsig = allowTsig is null ? null : [.. keys.Distinct()];
        settings.Notify = notify?.ToArray();
        settings.UpdatedAt = _clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        _access.Invalidate();
        return View(zone, settings);
    }

    private static async Task<Zone?> FindZoneAsync(MeridianDbContext db, string zoneName, CancellationToken cancellationToken)
    {
        if (!TransferTargets.TryNormalizeName(zoneName ?? "", out var name)) return null;
        return await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Name == name && z.Environment == ApiEnvironment.Production, cancellationToken);
    }

    private ZoneTransferView View(Zone zone, ZoneTransferSettings? settings) => new(zone.Name,
        settings?.Allow, settings?.AllowTsig, settings?.Notify,
        settings?.Allow ?? [.. _options.Allow], settings?.AllowTsig ?? [.. _options.AllowTsig], settings?.Notify ?? [.. _options.Notify]);
}

/// <summary>A zone's transfer settings: its own (null: inherited) and the effective ones.</summary>
public sealed record ZoneTransferView(string Zone, IReadOnlyList<string>? Allow, IReadOnlyList<string>? AllowTsig, IReadOnlyList<string>? Notify,
    IReadOnlyList<string> EffectiveAllow, IReadOnlyList<string> EffectiveAllowTsig, IReadOnlyList<string> EffectiveNotify);
