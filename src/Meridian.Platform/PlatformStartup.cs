using Meridian.Platform.Following;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Meridian.Platform;

/// <summary>What runs once when a process starts: migrate the database (and encrypt TSIG secrets stored in plain), then publish every active
/// production zone to the <see cref="IZonePublisher"/>, and note where the <see cref="ChangeFollower"/> starts.</summary>
public sealed class PlatformStartup
{
    private readonly PlatformDatabase _database;
    private readonly ZonePublication _publication;
    private readonly ChangeFollower _follower;
    private readonly TimeProvider _clock;
    private readonly Transfer.TsigSecretProtection? _tsigSecrets;
    private readonly IDataProtectionProvider? _dataProtection;

    /// <param name="tsigSecrets">Encrypts TSIG secrets stored before they were encrypted (when transfers are registered).</param>
    /// <param name="dataProtection">Data Protection with its key ring in the database, when registered: its first key is
    /// made here, once the table exists and outside any write transaction.</param>
    internal PlatformStartup(PlatformDatabase database, ZonePublication publication, ChangeFollower follower, TimeProvider clock,
        Transfer.TsigSecretProtection? tsigSecrets = null, IDataProtectionProvider? dataProtection = null)
    {
        _dataProtection = dataProtection;
        _tsigSecrets = tsigSecrets;
        _database = database;
        _publication = publication;
        _follower = follower;
        _clock = clock;
    }

    /// <summary>Returns how many zones were published.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken = default)
    {
        await _database.MigrateAsync(cancellationToken);
        // Reading (and on a new database, making) the key ring now: a first encryption inside a request's write
        // transaction would have to store the new key with the writer that transaction holds.
        _dataProtection?.CreateProtector("Meridian.KeyRing.Ready").Protect([0]);
        if (_tsigSecrets is not null) await _tsigSecrets.ProtectPlainSecretsAsync(_database, cancellationToken);
        // The feed's head before the zones are read: whatever commits meanwhile is followed after it.
        var readAt = _clock.Now();
        long head = await _follower.ReadHeadAsync(cancellationToken);
        int published = await _publication.PublishAllAsync(_database, cancellationToken);
        _follower.StartFrom(head, readAt);
        return published;
    }
}
