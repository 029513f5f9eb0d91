using System.Text.Json;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Naming;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Providers;
using Meridian.Providers.Detection;
using Meridian.Providers.EmailRecords;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.EmailDns;

/// <summary>The Email DNS API's rules: who hosts a domain (<c>dns.provider</c>), verifying and keeping a provider's
/// credentials (<c>dns.authorize</c>), writing the SPF, DKIM and DMARC records of a record set at the provider
/// (<c>dns.set</c>, idempotent, SPF merged, others' DMARC kept), the domain's DKIM keys and its history. Every
/// refusal carries the spec's code and message for the command.</summary>
public sealed partial class EmailDnsService
{
    public const string Authorize = "dns.authorize";
    public const string Set = "dns.set";

    private const string CredentialPurpose = "Meridian.EmailDns.ProviderCredentials";
    private const string DkimPurpose = "Meridian.EmailDns.DkimPrivateKey";

    private readonly PlatformDatabase _database;
    private readonly ZoneNameRules _names;
    private readonly ProviderDetector _detector;
    private readonly IReadOnlyDictionary<string, IDnsProvider> _providers;
    private readonly DomainService _domains;
    private readonly RecordService _records;
    private readonly IDataProtector _credentials;
    private readonly IDataProtector _dkim;
    private readonly EmailDnsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<EmailDnsService> _logger;

    internal EmailDnsService(PlatformDatabase database, ZoneNameRules names, ProviderDetector detector, IEnumerable<IDnsProvider> providers,
        DomainService domains, RecordService records, IDataProtectionProvider protection, IOptions<EmailDnsOptions> options, TimeProvider clock,
        ILogger<EmailDnsService> logger)
    {
        _database = database;
        _names = names;
        _detector = detector;
        _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _domains = domains;
        _records = records;
        _credentials = protection.CreateProtector(CredentialPurpose);
        _dkim = protection.CreateProtector(DkimPurpose);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The providers <c>Provider</c> may name, as the API spells them.</summary>
    public IReadOnlyList<string> ProviderNames => [.. _providers.Keys.Order(StringComparer.Ordinal), MeridianZoneConnection.ProviderName];

    /// <summary><c>dns.provider</c>: the name of the provider whose nameservers serve the domain.</summary>
    public async Task<EmailDnsResult<string>> DetectAsync(string? domain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(domain)) return new EmailDnsFailure(1, "Missing domain parameter", EmailDnsFailureKind.BadParameter);
        if (!TryDomain(domain, out string? name)) return new EmailDnsFailure(1, "Invalid domain parameter", EmailDnsFailureKind.BadParameter);
        string? provider = await _detector.DetectAsync(name, cancellationToken);
        return provider is null ? new EmailDnsFailure(2, "Unable to determine DNS provider for this domain", EmailDnsFailureKind.NotFound) : provider;
    }

    /// <summary><c>dns.authorize</c>: checks the credentials with the provider and keeps them, encrypted.</summary>
    public async Task<EmailDnsResult<bool>> AuthorizeAsync(Actor actor, EmailDnsRequest request, CancellationToken cancellationToken)
    {
        var checkedRequest = Check(Authorize, request);
        if (checkedRequest.Failure is { } failure) return failure;
        var (domain, provider, credentials) = checkedRequest.Value!;
        try
        {
            await Connect(actor, provider, credentials!).VerifyAsync(domain, cancellationToken);
        }
        catch (ProviderException e)
        {
            return new EmailDnsFailure(9, "Authorization failed for this DNS provider", EmailDnsFailureKind.ProviderFailed, e.Reason);
        }
        try
        {
            await KeepCredentialsAsync(actor, domain, provider, credentials!, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, Authorize, e);
            return new EmailDnsFailure(10, "An error occurred during authorization", EmailDnsFailureKind.Internal);
        }
    }

    /// <summary><c>dns.set</c>: writes what the record set needs at the provider, changing nothing that is already
    /// right, and records what it did (also when the provider fails halfway).</summary>
    public async Task<EmailDnsResult<EmailDnsSetOutcome>> SetAsync(Actor actor, EmailDnsRequest request, CancellationToken cancellationToken)
    {
        var checkedRequest = Check(Set, request);
        if (checkedRequest.Failure is { } failure) return failure;
        var (domain, provider, credentials) = checkedRequest.Value!;
        var set = _options.RecordSets[request.RecordType!.Trim().ToLowerInvariant()];
        string recordType = request.RecordType!.Trim().ToLowerInvariant();
        var written = new List<WrittenRecord>();
        try
        {
            credentials ??= await StoredCredentialsAsync(actor, domain, provider, cancellationToken);
            if (credentials is null) return new EmailDnsFailure(2, "Missing API key parameter", EmailDnsFailureKind.BadParameter);
            var connection = Connect(actor, provider, credentials);
            var zone = await connection.FindZoneAsync(domain, cancellationToken);
            var existing = await connection.ListRecordsAsync(zone, cancellationToken);
            string publicKey = await DkimPublicKeyAsync(actor, domain, set.DkimSelector, cancellationToken);
            var plan = EmailRecordPlan.For(domain, set, publicKey, existing);
            if (plan.Refusal is { } refusal)
            {
                await RecordAsync(actor, domain, provider, recordType, written, plan.Warnings, refusal, cancellationToken);
                return new EmailDnsFailure(9, "Failed to set DNS records", EmailDnsFailureKind.Refused, refusal);
            }
            foreach (var change in plan.Changes)
            {
                if (change.Replaces is { } old)
                {
                    await connection.UpdateRecordAsync(zone, old, change.Record, cancellationToken);
                    written.Add(WrittenRecord.Of("updated", change.Record));
                }
                else
                {
                    await connection.CreateRecordAsync(zone, change.Record, cancellationToken);
                    written.Add(WrittenRecord.Of("created", change.Record));
                }
            }
            await RecordAsync(actor, domain, provider, recordType, written, plan.Warnings, null, cancellationToken);
            return new EmailDnsSetOutcome(provider, written, plan.Warnings);
        }
        catch (ProviderException e)
        {
            string detail = written.Count == 0 ? e.Reason
                : $"{e.Reason} (written before the failure: {string.Join(", ", written.Select(w => $"{w.Type} {w.Name}"))})";
            await RecordAsync(actor, domain, provider, recordType, written, [], e.Reason, CancellationToken.None);
            return new EmailDnsFailure(9, "Failed to set DNS records", EmailDnsFailureKind.ProviderFailed, detail);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, Set, e);
            return new EmailDnsFailure(10, "An error occurred while setting DNS records", EmailDnsFailureKind.Internal);
        }
    }

    /// <summary>The caller's DKIM keys of a domain (private keys decrypted for the mail server).</summary>
    public async Task<EmailDnsResult<IReadOnlyList<DkimKeyView>>> DkimKeysAsync(Actor actor, string? domain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(domain)) return new EmailDnsFailure(1, "Missing domain parameter", EmailDnsFailureKind.BadParameter);
        if (!TryDomain(domain, out string? name)) return new EmailDnsFailure(1, "Invalid domain parameter", EmailDnsFailureKind.BadParameter);
        await using var db = _database.CreateContext();
        var environment = actor.Environment;
        var keys = await db.DkimKeys.AsNoTracking().Where(k => k.AccountId == actor.AccountId && k.Environment == environment && k.Domain == name)
            .OrderBy(k => k.Selector).ToListAsync(cancellationToken);
        if (keys.Count == 0) return new EmailDnsFailure(2, "No DKIM key for this domain", EmailDnsFailureKind.NotFound);
        return keys.Select(k => new DkimKeyView(k.Domain, k.Selector, $"{k.Selector}._domainkey.{k.Domain}", $"v=DKIM1; k=rsa; p={k.PublicKey}",
            _dkim.Unprotect(k.ProtectedPrivateKey), k.CreatedAt)).ToList();
    }

    /// <summary>The caller's <c>dns.set</c> runs for a domain, newest first.</summary>
    public async Task<EmailDnsResult<IReadOnlyList<EmailDnsChange>>> HistoryAsync(Actor actor, string? domain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(domain)) return new EmailDnsFailure(1, "Missing domain parameter", EmailDnsFailureKind.BadParameter);
        if (!TryDomain(domain, out string? name)) return new EmailDnsFailure(1, "Invalid domain parameter", EmailDnsFailureKind.BadParameter);
        await using var db = _database.CreateContext();
        var environment = actor.Environment;
        var changes = await db.EmailDnsChanges.AsNoTracking().Where(c => c.AccountId == actor.AccountId && c.Environment == environment && c.Domain == name)
            .ToListAsync(cancellationToken);
        return changes.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToList();
    }

    /// <summary>The request's parameters checked in the spec's order of codes; for the meridian provider no
    /// credentials are needed (the caller's own key acts), and for dns.set missing credentials may be the stored ones.</summary>
    private EmailDnsResult<(string Domain, string Provider, ProviderCredentials? Credentials)> Check(string command, EmailDnsRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Domain)) return new EmailDnsFailure(1, "Missing domain parameter", EmailDnsFailureKind.BadParameter);
        if (!TryDomain(request.Domain, out string? domain)) return new EmailDnsFailure(1, "Invalid domain parameter", EmailDnsFailureKind.BadParameter);
        string? provider = string.IsNullOrWhiteSpace(request.Provider) ? null : request.Provider.Trim().ToLowerInvariant();
        bool local = provider == MeridianZoneConnection.ProviderName;
        bool hasKey = !string.IsNullOrWhiteSpace(request.ApiKey);
        if (!hasKey && !local && command == Authorize) return new EmailDnsFailure(2, "Missing API key parameter", EmailDnsFailureKind.BadParameter);
        if (provider is null) return new EmailDnsFailure(3, "Missing provider parameter", EmailDnsFailureKind.BadParameter);
        if (command == Set)
        {
            if (string.IsNullOrWhiteSpace(request.RecordType)) return new EmailDnsFailure(4, "Missing record type parameter", EmailDnsFailureKind.BadParameter);
            if (!_options.RecordSets.ContainsKey(request.RecordType.Trim().ToLowerInvariant()))
                return new EmailDnsFailure(4, "Invalid record type parameter", EmailDnsFailureKind.BadParameter);
        }
        if (!local && !_providers.ContainsKey(provider)) return new EmailDnsFailure(8, "Unsupported provider", EmailDnsFailureKind.UnsupportedProvider);
        if (local) return (domain, provider, new ProviderCredentials(""));
        // dns.set without a key uses the credentials dns.authorize kept (or is refused with code 2 when there are none).
        if (!hasKey) return (domain, provider, null);
        var needed = _providers[provider].RequiredCredentials;
        if (needed.Contains("ApiSecret") && string.IsNullOrWhiteSpace(request.ApiSecret))
            return new EmailDnsFailure(5, "Missing API secret parameter", EmailDnsFailureKind.BadParameter);
        if (needed.Contains("ApiUser") && string.IsNullOrWhiteSpace(request.ApiUser))
            return new EmailDnsFailure(6, "Missing API user parameter", EmailDnsFailureKind.BadParameter);
        if (needed.Contains("Username") && string.IsNullOrWhiteSpace(request.Username))
            return new EmailDnsFailure(7, "Missing username parameter", EmailDnsFailureKind.BadParameter);
        return (domain, provider, new ProviderCredentials(request.ApiKey!.Trim(), request.ApiSecret?.Trim(), request.ApiUser?.Trim(), request.Username?.Trim()));
    }

    private bool TryDomain(string input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? domain)
    {
        domain = _names.TryNormalize(input, out var name, out _) ? name.ToString().TrimEnd('.') : null;
        return domain is not null;
    }

    private IProviderConnection Connect(Actor actor, string provider, ProviderCredentials credentials) =>
        provider == MeridianZoneConnection.ProviderName ? new MeridianZoneConnection(actor, _domains, _records) : _providers[provider].Connect(credentials);

    private async Task KeepCredentialsAsync(Actor actor, string domain, string provider, ProviderCredentials credentials, CancellationToken cancellationToken)
    {
        string payload = _credentials.Protect(JsonSerializer.Serialize(new StoredCredentials(credentials.ApiKey, credentials.ApiSecret, credentials.ApiUser, credentials.Username)));
        var environment = actor.Environment;
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var connection = await db.ProviderConnections.SingleOrDefaultAsync(
            c => c.AccountId == actor.AccountId && c.Environment == environment && c.Domain == domain && c.Provider == provider, cancellationToken);
        if (connection is null)
        {
            connection = new ProviderConnection { Id = Guid.CreateVersion7(), AccountId = actor.AccountId, Environment = environment, Domain = domain, Provider = provider };
            db.ProviderConnections.Add(connection);
        }
        connection.ProtectedCredentials = payload;
        connection.VerifiedAt = _clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ProviderCredentials?> StoredCredentialsAsync(Actor actor, string domain, string provider, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var environment = actor.Environment;
        var connection = await db.ProviderConnections.AsNoTracking().SingleOrDefaultAsync(
            c => c.AccountId == actor.AccountId && c.Environment == environment && c.Domain == domain && c.Provider == provider, cancellationToken);
        if (connection is null) return null;
        var stored = JsonSerializer.Deserialize<StoredCredentials>(_credentials.Unprotect(connection.ProtectedCredentials))!;
        return new ProviderCredentials(stored.ApiKey, stored.ApiSecret, stored.ApiUser, stored.Username);
    }

    /// <summary>The domain's DKIM public key for the selector, made (and its private key kept, encrypted) on first use.</summary>
    private async Task<string> DkimPublicKeyAsync(Actor actor, string domain, string selector, CancellationToken cancellationToken)
    {
        var environment = actor.Environment;
        await using (var read = _database.CreateContext())
        {
            string? existing = await read.DkimKeys.AsNoTracking()
                .Where(k => k.AccountId == actor.AccountId && k.Environment == environment && k.Domain == domain && k.Selector == selector)
                .Select(k => k.PublicKey).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null) return existing;
        }
        // Made and encrypted before the write transaction: encrypting can store a new Data Protection key, which takes
        // the database's writer itself (on SQLite, the one this transaction would be holding).
        var (publicKey, privateKey) = DkimKeys.Create();
        string protectedPrivateKey = _dkim.Protect(privateKey);
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var key = await db.DkimKeys.AsNoTracking().SingleOrDefaultAsync(
            k => k.AccountId == actor.AccountId && k.Environment == environment && k.Domain == domain && k.Selector == selector, cancellationToken);
        if (key is not null) return key.PublicKey; // made by a concurrent call meanwhile
        db.DkimKeys.Add(new DkimKey
        {
            Id = Guid.CreateVersion7(), AccountId = actor.AccountId, Environment = environment, Domain = domain, Selector = selector,
            PublicKey = publicKey, ProtectedPrivateKey = protectedPrivateKey, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return publicKey;
    }

    private async Task RecordAsync(Actor actor, string domain, string provider, string recordType, IReadOnlyList<WrittenRecord> written,
        IReadOnlyList<string> warnings, string? error, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        transaction.Db.EmailDnsChanges.Add(new EmailDnsChange
        {
            Id = Guid.CreateVersion7(), AccountId = actor.AccountId, Environment = actor.Environment, Principal = actor.Principal, Domain = domain,
            Provider = provider, RecordType = recordType, Outcome = error is null ? "succeeded" : "failed",
            Records = JsonSerializer.Serialize(written, HistoryJson), Warnings = JsonSerializer.Serialize(warnings), Error = error,
            At = _clock.GetUtcNow().UtcDateTime,
        });
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static readonly JsonSerializerOptions HistoryJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Email DNS {Command} failed")]
    private static partial void LogFailed(ILogger logger, string command, Exception exception);

    /// <summary>The credentials as kept (inside the protected payload only).</summary>
    private sealed record StoredCredentials(string ApiKey, string? ApiSecret, string? ApiUser, string? Username);
}
