using System.Text;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata;

/// <summary>Presentation form of any type's data: the type's own format, or the RFC 3597 generic form,
/// which is accepted for every type (and checked against the type's rules when the type is known).</summary>
public static class RdataText
{
    public static bool TryParse(DnsType type, ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        var format = RdataFormats.Find(type);
        if (GenericRdataFormat.StartsGeneric(text))
        {
            int start = output.Length;
            if (!GenericRdataFormat.Instance.TryParse(ref text, output, out error)) return false;
            if (format is not null && !format.TryFormat(output.Written[start..], new StringBuilder()))
            {
                error = "generic data is not valid for the type";
                return false;
            }
            return true;
        }
        if (format is null)
        {
            error = "unknown type; use the \\# generic form";
            return false;
        }
        return format.TryParse(ref text, output, out error);
    }

    /// <summary>Appends BIND's presentation of the data; types with no format of their own (and data
    /// that is not valid for its type) come out in the generic form.</summary>
    public static void Format(DnsType type, ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        var format = RdataFormats.Find(type);
        int mark = output.Length;
        if (format is not null && format.TryFormat(rdata, output)) return;
        output.Length = mark;
        GenericRdataFormat.Instance.TryFormat(rdata, output);
    }

    public static string Format(DnsType type, ReadOnlySpan<byte> rdata)
    {
        var sb = new StringBuilder();
        Format(type, rdata, sb);
        return sb.ToString();
    }
}
