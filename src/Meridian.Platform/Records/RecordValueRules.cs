using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Records;

/// <summary>The API value rules of DESIGN.md, applied before the engine's parser sees the value:
/// <list type="bullet">
/// <item>host names (CNAME, MX, NS, PTR, SRV targets, any name in any type) are absolute with or without the final dot;</item>
/// <item>A/AAAA addresses never take a dot (one written after the address is dropped);</item>
/// <item>TXT/SPF not starting with <c>"</c> is one logical string, cut into 255-octet strings on the wire;</item>
/// <item>MX and SRV take their priority from the separate <c>priority</c> field: MX data = "PRIORITY VALUE",
/// SRV data = "PRIORITY VALUE" with VALUE = "WEIGHT PORT TARGET". When <c>priority</c> is absent the value
/// may carry it itself ("10 mail.example.com"). Other types ignore <c>priority</c>.</item>
/// </list></summary>
public static class RecordValueRules
{
    /// <summary>Wire RDATA for an API value, or what is wrong with it.</summary>
    public static bool TryBuild(DnsType type, string? value, long? priority, [NotNullWhen(true)] out byte[]? wire, [NotNullWhen(false)] out string? error)
    {
        wire = null;
        string text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            error = "Record value is required";
            return false;
        }
        switch (type)
        {
            case DnsType.TXT or DnsType.SPF when text[0] != '"':
                if (Encoding.UTF8.GetByteCount(text) > 60_000)
                {
                    error = "TXT value is too long (at most 60,000 octets)";
                    return false;
                }
                wire = LogicalString(text);
                error = null;
                return true;
            case DnsType.A or DnsType.AAAA when text.EndsWith('.'):
                text = text[..^1];
                break;
            case DnsType.MX or DnsType.SRV:
                if (!TryAddPriority(type, text, priority, out text, out error)) return false;
                break;
        }
        if (!RdataParsing.TryParse(type, text, DnsName.Root, out wire, out string? parseError))
        {
            error = $"Invalid {RecordTypeRules.Name(type)} value '{value!.Trim()}': {parseError}";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The client API's split of stored data: MX "10 mail.example.com." -> (10, "mail.example.com."),
    /// SRV "1 5 5060 sip.example.com." -> (1, "5 5060 sip.example.com."), other types -> (0, data).</summary>
    public static (int Priority, string Value) SplitPriority(string type, string data)
    {
        if (type is "MX" or "SRV")
        {
            int space = data.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && int.TryParse(data.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int priority))
                return (priority, data[(space + 1)..]);
        }
        return (0, data);
    }

    /// <summary>True for MX and SRV, whose first field is a priority.</summary>
    public static bool HasPriority(DnsType type) => type is DnsType.MX or DnsType.SRV;

    /// <summary>True when an MX/SRV value already holds its priority ("10 mail.example.com").</summary>
    public static bool CarriesPriority(DnsType type, string value) =>
        HasPriority(type) && value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == (type == DnsType.MX ? 2 : 4);

    private static bool TryAddPriority(DnsType type, string text, long? priority, out string data, [NotNullWhen(false)] out string? error)
    {
        data = text;
        int fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        int withPriority = type == DnsType.MX ? 2 : 4;
        if (priority is { } given)
        {
            error = RecordLimits.CheckPriority(given);
            if (error is not null) return false;
            if (fields == withPriority)
            {
                error = $"Give the {RecordTypeRules.Name(type)} priority either in 'priority' or in the value, not both";
                return false;
            }
            data = given.ToString(CultureInfo.InvariantCulture) + " " + text;
            return true;
        }
        if (fields == withPriority)
        {
            error = null;
            return true;
        }
        error = type == DnsType.MX
            ? "MX records need a priority (0-65535): set 'priority' and give the mail server as the value"
            : "SRV records need a priority (0-65535) in 'priority' and 'weight port target' as the value";
        return false;
    }

    /// <summary>One logical string as TXT wire data: 255-octet character-strings, the last one shorter.</summary>
    private static byte[] LogicalString(string value)
    {
        var octets = Encoding.UTF8.GetBytes(value);
        int chunks = Math.Max(1, (octets.Length + 254) / 255);
        var wire = new byte[octets.Length + chunks];
        int read = 0, written = 0;
        for (int i = 0; i < chunks; i++)
        {
            int length = Math.Min(255, octets.Length - read);
            wire[written++] = (byte)length;
            octets.AsSpan(read, length).CopyTo(wire.AsSpan(written));
            read += length;
            written += length;
        }
        return wire;
    }
}
