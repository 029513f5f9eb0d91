using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using Meridian.Platform.Simple;

namespace Meridian.Api.Simple;

/// <summary>The "SimpleApi" section: the secret that signs tokens, the users and their domains, the blacklist, the
/// backend, and an optional port of its own. The API is off (every token refused) until a secret is set.</summary>
public sealed class SimpleApiOptions
{
    public const string Section = "SimpleApi";

    /// <summary>Below this many bytes a secret is refused unless <see cref="AllowWeakSecret"/> (RFC 7518 §3.2 asks for
    /// at least the hash's size; 32 bytes is HS256's).</summary>
    public const int StrongSecretBytes = 32;

    /// <summary>The journal's principal column holds 64 characters: "simple:" and the name.</summary>
    public const int MaxUserNameLength = 57;

    /// <summary>The HMAC key of every token, as its raw UTF-8 bytes.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Accept a secret shorter than <see cref="StrongSecretBytes"/> (an existing deployment's); warned at every start.</summary>
    public bool AllowWeakSecret { get; set; }

    /// <summary>The Meridian account whose zones the <c>meridian</c> backend manages (its id or its name).</summary>
    public string? Account { get; set; }

    /// <summary><c>meridian</c> (default) or <c>dnsimple</c> (<see cref="DNSimple"/>).</summary>
    public string Backend { get; set; } = SimpleApiBackends.Meridian;

    /// <summary>TTL of the records the <c>meridian</c> backend creates (the original's default, 60 s).</summary>
    [Range(1, 604800)]
    public int Ttl { get; set; } = 60;

    public SimpleApiDNSimpleOptions DNSimple { get; set; } = new();

    public List<SimpleApiUser> Users { get; set; } = [];

    /// <summary>Subdomains no one may create, change or delete through this API.</summary>
    public List<string> Blacklist { get; set; } = [];

    /// <summary>Also read the original service's environment variables (docs/simple-api.md).</summary>
    public bool LegacyEnvironment { get; set; }

    /// <summary>An address of its own (<c>127.0.0.1:8000</c>) where the API answers at <c>/</c>; empty for none.</summary>
    public string? Listen { get; set; }

    /// <summary>What was wrong with the original's environment variables (<see cref="SimpleApiLegacyEnvironment"/>).</summary>
    public List<string> LegacyProblems { get; } = [];

    /// <summary>True once a secret is set: tokens can then be checked and issued.</summary>
    public bool Enabled => !string.IsNullOrEmpty(SecretKey);

    public byte[] SecretBytes => Encoding.UTF8.GetBytes(SecretKey ?? "");

    public bool IsWeakSecret => Enabled && SecretBytes.Length < StrongSecretBytes;

    public SimpleApiUser? FindUser(string name) => Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));

    /// <summary>What is wrong with the secret and the users (what <c>meridian token create</c> needs too).</summary>
    public IEnumerable<string> TokenProblems()
    {
        foreach (string problem in LegacyProblems) yield return problem;
        if (!Enabled)
        {
            if (Users.Count > 0) yield return "SimpleApi:SecretKey is required when SimpleApi:Users (or VALID_USERS) are set";
            yield break;
        }
        int bytes = SecretBytes.Length;
        if (bytes < StrongSecretBytes && !AllowWeakSecret)
        {
            yield return $"SimpleApi:SecretKey is {bytes} bytes; at least {StrongSecretBytes} are required (`openssl rand -hex 32` makes one). " +
                         "To keep the tokens of an existing deployment, set SimpleApi:AllowWeakSecret=true";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Users.Count; i++)
        {
            var user = Users[i];
            if (string.IsNullOrWhiteSpace(user.Name)) yield return $"SimpleApi:Users:{i}:Name is required";
            else if (user.Name.Length > MaxUserNameLength) yield return $"SimpleApi:Users:{i}:Name is longer than {MaxUserNameLength} characters";
            else if (!seen.Add(user.Name)) yield return $"SimpleApi:Users:{i}:Name '{user.Name}' is listed twice";
            for (int j = 0; j < user.Domains.Count; j++)
            {
                if (SimpleRecordRules.NormalizeDomain(user.Domains[j]) is null)
                    yield return $"SimpleApi:Users:{i}:Domains:{j} '{user.Domains[j]}' is not a domain name";
            }
        }
        for (int i = 0; i < Blacklist.Count; i++)
        {
            if (!SimpleRecordRules.IsSubdomainLabel(Blacklist[i].Trim().ToLowerInvariant()))
                yield return $"SimpleApi:Blacklist:{i} '{Blacklist[i]}' is not a subdomain label";
        }
    }

    /// <summary>What is wrong with the backend and the listen address, given the main HTTP address.</summary>
    public IEnumerable<string> ServeProblems(string mainHttp)
    {
        if (!string.IsNullOrWhiteSpace(Listen))
        {
            if (!TryParseListen(Listen, out var endpoint)) yield return $"SimpleApi:Listen '{Listen}' is not ADDRESS:PORT (e.g. 127.0.0.1:8000)";
            else if (TryParseListen(mainHttp, out var main) && main.Port == endpoint.Port)
                yield return $"SimpleApi:Listen '{Listen}' uses the port of Meridian:Http; give the Simple API a port of its own";
        }
        switch (Backend)
        {
            case SimpleApiBackends.Meridian:
                if (Enabled && string.IsNullOrWhiteSpace(Account))
                    yield return "SimpleApi:Account is required for the meridian backend: the account (id or name) whose zones the Simple API manages";
                break;
            case SimpleApiBackends.DNSimple:
                if (string.IsNullOrWhiteSpace(DNSimple.Token)) yield return "SimpleApi:DNSimple:Token is required for the dnsimple backend";
                if (string.IsNullOrWhiteSpace(DNSimple.Account)) yield return "SimpleApi:DNSimple:Account is required for the dnsimple backend";
                else if (DNSimple.AccountId is null)
                    yield return $"SimpleApi:DNSimple:Account '{DNSimple.Account}' is not a DNSimple account id (a number, as in DNSimple's URLs)";
                if (DNSimple.Ttl is < 1 or > 604800) yield return "SimpleApi:DNSimple:Ttl must be between 1 and 604800";
                break;
            default:
                yield return $"SimpleApi:Backend '{Backend}' is not one of meridian, dnsimple";
                break;
        }
    }

    /// <summary>"127.0.0.1:8000", "[::1]:8000", "0.0.0.0:8000" or "localhost:8000".</summary>
    public static bool TryParseListen(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase)) text = "127.0.0.1:" + text["localhost:".Length..];
        if (!IPEndPoint.TryParse(text, out var parsed) || parsed.Port is 0 || !text.Contains(':', StringComparison.Ordinal)) return false;
        endpoint = parsed;
        return true;
    }
}

/// <summary>One Simple API user: the name its token carries and the domains it may manage.</summary>
public sealed class SimpleApiUser
{
    public string Name { get; set; } = "";

    public List<string> Domains { get; set; } = [];
}

/// <summary>"SimpleApi:DNSimple": the account and token of the <c>dnsimple</c> backend, and the TTL of its records.</summary>
public sealed class SimpleApiDNSimpleOptions
{
    public string? Token { get; set; }

    /// <summary>The account id (DNSimple's URLs carry it: <c>/v2/1010/zones</c>).</summary>
    public string? Account { get; set; }

    public int Ttl { get; set; } = 60;

    /// <summary><see cref="Account"/> as a number; null when it is not one.</summary>
    public long? AccountId => long.TryParse(Account?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
        out long id) && id > 0 ? id : null;
}
