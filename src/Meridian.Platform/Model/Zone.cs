namespace Meridian.Platform.Model;

/// <summary>A hosted zone (the APIs call it a domain). The name is a lowercase FQDN with the final dot.</summary>
public sealed class Zone
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>A partner's end user that the zone belongs to; null for zones of clients.</summary>
    public Guid? UserId { get; set; }

    private string _name = "";

    /// <summary>The zone's name, normalized, with the final dot ("example.com."). Setting it sets <see cref="ReversedName"/>.</summary>
    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            ReversedName = Reverse(value);
        }
    }

    /// <summary>The name's labels in reverse order ("com.example."), stored and indexed so that the zones below a name
    /// are one range of the index (a prefix) where the name itself would need a suffix scan. Null only on rows
    /// written before the column existed, until the start-up backfill (<c>PlatformDatabase.MigrateAsync</c>).</summary>
    public string? ReversedName { get; private set; }

    /// <summary>"www.example.com." → "com.example.www."; the root stays ".".</summary>
    public static string Reverse(string name)
    {
        string trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length == 0) return ".";
        var labels = trimmed.Split('.');
        Array.Reverse(labels);
        return string.Join('.', labels) + ".";
    }

    public ApiEnvironment Environment { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The SOA serial (a 32-bit sequence number, RFC 1982), raised by every committed change.</summary>
    public long Serial { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
