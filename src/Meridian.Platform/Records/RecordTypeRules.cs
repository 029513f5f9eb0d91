using System.Diagnostics.CodeAnalysis;
using Meridian.Dns.Records;

namespace Meridian.Platform.Records;

/// <summary>Which record types a zone may hold, and the type name as stored (upper case, "TYPE65280" for types without a mnemonic).</summary>
public static class RecordTypeRules
{
    public static bool TryParse(string? input, out DnsType type, [NotNullWhen(false)] out string? error)
    {
        type = DnsType.None;
        string text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "Record type is required";
            return false;
        }
        if (!DnsTypeNames.TryParse(text, out type) || type == DnsType.None)
        {
            error = $"'{text}' is not a record type";
            return false;
        }
        error = CheckAllowed(type);
        return error is null;
    }

    /// <summary>Null when a zone may hold the type; else why not.</summary>
    public static string? CheckAllowed(DnsType type) => type switch
    {
        DnsType.SOA => "SOA records are made by the platform; set the TTL of other records instead",
        DnsType.OPT or DnsType.TKEY or DnsType.TSIG or DnsType.IXFR or DnsType.AXFR or DnsType.MAILA
            or DnsType.MAILB or DnsType.ANY => $"{DnsTypeNames.ToName(type)} is a query or meta type, not data",
        DnsType.MD or DnsType.MF => $"{DnsTypeNames.ToName(type)} is obsolete; use MX",
        _ => null,
    };

    public static string Name(DnsType type) => DnsTypeNames.ToName(type);
}
