using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Meridian.Platform.Simple;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Simple;

/// <summary>The configured users as callers (domains and blacklist normalized once) and the secret's bytes, read
/// from <see cref="SimpleApiOptions"/> when first used.</summary>
public sealed class SimpleApiDirectory(IOptions<SimpleApiOptions> options)
{
    // Only configured users get here (the token is checked first), so the map is bounded by the configuration.
    private readonly ConcurrentDictionary<string, Guid> _partitions = new(StringComparer.Ordinal);
    private readonly Lazy<(byte[] Secret, Dictionary<string, SimpleCaller> Callers)> _state = new(() => Build(options.Value));

    public bool Enabled => _state.Value.Secret.Length > 0;

    /// <summary>The user a token names, when the token is valid and the user configured.</summary>
    public SimpleCaller? Authenticate(string token)
    {
        var (secret, callers) = _state.Value;
        if (secret.Length == 0 || !SimpleTokens.TryVerify(secret, token, out string user)) return null;
        return callers.GetValueOrDefault(user);
    }

    /// <summary>A Simple API user as a caller (its rate-limit partition and the owner of its Idempotency-Keys): a Guid
    /// of its own, the same for every request of that user on every node, which a random API key id cannot meet.</summary>
    public Guid CallerId(string user) => _partitions.GetOrAdd(user, static name =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("simple-api-user:" + name)).AsSpan(0, 16)));

    private static (byte[], Dictionary<string, SimpleCaller>) Build(SimpleApiOptions options)
    {
        string[] blacklist = [.. options.Blacklist.Select(b => b.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        var callers = new Dictionary<string, SimpleCaller>(StringComparer.Ordinal);
        foreach (var user in options.Users)
        {
            string[] domains = [.. user.Domains.Select(SimpleRecordRules.NormalizeDomain).OfType<string>().Distinct(StringComparer.Ordinal)];
            callers[user.Name] = new SimpleCaller(user.Name, domains, blacklist);
        }
        return (options.SecretBytes, callers);
    }
}
