using System.Security.Cryptography;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Transfer;

/// <summary>Keeps TSIG secrets encrypted at rest with the Data Protection key ring held in the database (the one that
/// protects provider credentials, under a purpose of its own). A stored secret reads <c>dp1:</c> and the protected
/// octets in base64; a row written before encryption holds the bare base64 secret, which is still read and is rewritten
/// encrypted by <see cref="ProtectPlainSecretsAsync"/> when a process starts (EF migrations cannot call Data Protection,
/// so this data migration runs at start-up, after the schema's).</summary>
internal sealed class TsigSecretProtection(IDataProtectionProvider provider)
{
    public const string Purpose = "Meridian.Transfer.TsigSecret";

    private const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(byte[] secret) => Prefix + Convert.ToBase64String(_protector.Protect(secret));

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The secret's octets; false when the stored text is neither a secret we protected with a key of the ring
    /// nor plain base64 (the key is then left out of the keyring, as an unreadable one always was).</summary>
    public bool TryReveal(string stored, out byte[] secret)
    {
        try
        {
            secret = IsProtected(stored) ? _protector.Unprotect(Convert.FromBase64String(stored[Prefix.Length..])) : Convert.FromBase64String(stored);
            return secret.Length > 0;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            secret = [];
            return false;
        }
    }

    /// <summary>Encrypts every secret still stored in plain base64; returns how many were. Safe to run on several
    /// nodes at once: each writes the same secret, encrypted with the shared key ring.</summary>
    public async Task<int> ProtectPlainSecretsAsync(PlatformDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var plain = await db.TsigKeys.Where(k => !k.Secret.StartsWith(Prefix)).ToListAsync(cancellationToken);
        int protectedCount = 0;
        foreach (var entry in plain)
        {
            if (!TryReveal(entry.Secret, out var secret)) continue;
            entry.Secret = Protect(secret);
            protectedCount++;
        }
        if (protectedCount > 0) await db.SaveChangesAsync(cancellationToken);
        return protectedCount;
    }
}
