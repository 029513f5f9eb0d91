using System.Security.Cryptography;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tsig;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Transfer;

/// <summary>Creates, lists and deletes TSIG keys (the admin API and <c>meridian tsig</c> call it). A new key's secret
/// is random, of the hash's size, returned once, and stored encrypted (<see cref="TsigSecretProtection"/>).</summary>
public sealed class TsigKeyService
{
    private readonly PlatformDatabase _database;
    private readonly TsigKeyring _keyring;
    private readonly TimeProvider _clock;
    private readonly TsigSecretProtection _secrets;

    internal TsigKeyService(PlatformDatabase database, TsigKeyring keyring, TsigSecretProtection secrets, TimeProvider clock)
    {
        _database = database;
        _secrets = secrets;
        _keyring = keyring;
        _clock = clock;
    }

    public async Task<ServiceResult<CreatedTsigKey>> CreateAsync(string name, string? algorithm, IReadOnlyList<string>? updateZones,
        IReadOnlyList<string>? updateNames, IReadOnlyList<string>? updateTypes = null, CancellationToken cancellationToken = default)
    {
        var problems = new List<Problem>();
        if (!TransferTargets.TryNormalizeName(name ?? "", out var keyName)) problems.Add(new Problem("name", "invalid", "name must be a DNS name (e.g. ns2-transfer)"));
        if (!TsigAlgorithms.TryParse(string.IsNullOrEmpty(algorithm) ? "hmac-sha256" : algorithm, out var parsedAlgorithm))
            problems.Add(new Problem("algorithm", "invalid", "algorithm must be hmac-sha256 or hmac-sha512"));
        var zones = Normalize(updateZones, "update_zones", problems, allowWildcard: false);
        var names = Normalize(updateNames, "update_names", problems, allowWildcard: true);
        if (names.Length > 0 && zones.Length == 0)
            problems.Add(new Problem("update_names", "invalid", "update names need the zones they are in (update_zones)"));
        foreach (var updateName in names)
        {
            string bare = updateName.StartsWith("*.", StringComparison.Ordinal) ? updateName[2..] : updateName;
            if (!zones.Any(zone => bare == zone || bare.EndsWith("." + zone, StringComparison.Ordinal)))
                problems.Add(new Problem("update_names", "invalid", $"{updateName} is in none of the update zones"));
        }
        var types = NormalizeTypes(updateTypes, problems);
        if (types.Length > 0 && zones.Length == 0)
            problems.Add(new Problem("update_types", "invalid", "update types need the zones they are in (update_zones)"));
        if (problems.Count > 0) return ServiceError.Invalid(problems);

        var secret = RandomNumberGenerator.GetBytes(TsigAlgorithms.SecretLength(parsedAlgorithm));
        var entry = new TsigKeyEntry
        {
            Id = Guid.NewGuid(), Name = keyName, Algorithm = TsigAlgorithms.Name(parsedAlgorithm), Secret = _secrets.Protect(secret),
            UpdateZones = zones, UpdateNames = names, UpdateTypes = types, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        await using var db = _database.CreateContext();
        if (await db.TsigKeys.AnyAsync(k => k.Name == keyName, cancellationToken)) return ServiceError.Conflict($"a TSIG key named {keyName} exists");
        db.TsigKeys.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ServiceError.Conflict($"a TSIG key named {keyName} exists");
        }
        _keyring.Invalidate();
        return new CreatedTsigKey(Describe(entry), Convert.ToBase64String(secret));
    }

    public async Task<IReadOnlyList<TsigKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var keys = await db.TsigKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
        return [.. keys.Select(Describe)];
    }

    public async Task<ServiceResult<TsigKeyInfo>> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!TransferTargets.TryNormalizeName(name ?? "", out var keyName)) return ServiceError.NotFound("TSIG key not found");
        await using var db = _database.CreateContext();
        var entry = await db.TsigKeys.SingleOrDefaultAsync(k => k.Name == keyName, cancellationToken);
        if (entry is null) return ServiceError.NotFound("TSIG key not found");
        db.TsigKeys.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        _keyring.Invalidate();
        return Describe(entry);
    }

    private static string[] Normalize(IReadOnlyList<string>? items, string field, List<Problem> problems, bool allowWildcard)
    {
        var result = new List<string>();
        foreach (var item in items ?? [])
        {
            bool wildcard = allowWildcard && item.StartsWith("*.", StringComparison.Ordinal);
            if (TransferTargets.TryNormalizeName(wildcard ? item[2..] : item, out var normalized) && normalized != ".")
                result.Add(wildcard ? "*." + normalized : normalized);
            else problems.Add(new Problem(field, "invalid", $"'{item}' is not a DNS name"));
        }
        return [.. result.Distinct()];
    }

    private static TsigKeyInfo Describe(TsigKeyEntry entry) =>
        new(entry.Name, entry.Algorithm, entry.UpdateZones, entry.UpdateNames, entry.CreatedAt) { UpdateTypes = entry.UpdateTypes };

    /// <summary>Type mnemonics in canonical form ("txt" → "TXT"); ANY and the transfer/meta types are no record's type.</summary>
    private static string[] NormalizeTypes(IReadOnlyList<string>? types, List<Problem> problems)
    {
        var normalized = new List<string>();
        foreach (string text in types ?? [])
        {
            if (!DnsTypeNames.TryParse(text.Trim(), out var type) || type is DnsType.ANY or DnsType.AXFR or DnsType.IXFR or DnsType.OPT or DnsType.TSIG)
            {
                problems.Add(new Problem("update_types", "invalid", $"{text} is not a record type a key can be limited to (e.g. TXT)"));
                continue;
            }
            string name = DnsTypeNames.ToName(type);
            if (!normalized.Contains(name)) normalized.Add(name);
        }
        return [.. normalized];
    }
}

/// <summary>A TSIG key as listed: never its secret.</summary>
public sealed record TsigKeyInfo(string Name, string Algorithm, IReadOnlyList<string> UpdateZones, IReadOnlyList<string> UpdateNames, DateTime CreatedAt)
{
    /// <summary>The record types the key may change by UPDATE; empty: any.</summary>
    public IReadOnlyList<string> UpdateTypes { get; init; } = [];
}

/// <summary>A key just made, with its secret (base64), shown this once.</summary>
public sealed record CreatedTsigKey(TsigKeyInfo Key, string Secret);
