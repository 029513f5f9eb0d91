using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Prints a <see cref="CompiledZone"/> as <c>named-compilezone -o -</c> does: one record per line,
/// <c>owner TTL CLASS TYPE rdata</c> with absolute names, and BIND's "; resign=" comment after each RRSIG
/// set that has one. Columns are separated by tabs (BIND pads with spaces; compare ignoring white space).</summary>
public static class CompiledZonePrinter
{
    private const int FlushThreshold = 1 << 16;

    // Hot from the first call (a million iterations in one go), so skip tiered compilation's slow first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(CompiledZone zone, TextWriter output)
    {
        var line = new StringBuilder(FlushThreshold + 1024);
        string className = DnsTypeNames.ToName(zone.Class);
        foreach (ref readonly var rrset in zone.RRsetSpan)
        {
            string typeName = DnsTypeNames.ToName(rrset.Type);
            bool generic = ClassSpecificTypes.RequiresGenericForm(zone.Class, rrset.Type);
            foreach (var data in rrset.Data.Span)
            {
                DnsName.AppendPresentation(line, rrset.Owner.Wire, omitFinalDot: false);
                line.Append(CultureInfo.InvariantCulture, $"\t{rrset.Ttl}\t").Append(className).Append('\t').Append(typeName).Append('\t');
                if (generic) GenericRdataFormat.Instance.TryFormat(data, line);
                else if (rrset.Type == DnsType.A && data.Length == 4) AppendDottedQuad(line, data);
                else RdataText.Format(rrset.Type, data, line);
                line.Append('\n');
            }
            if (rrset.Resign is uint resign)
            {
                line.Append("; resign=")
                    .Append(DateTimeOffset.FromUnixTimeSeconds(resign).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture))
                    .Append('\n');
            }
            if (line.Length >= FlushThreshold)
            {
                output.Write(line);
                line.Clear();
            }
        }
        output.Write(line);
        output.Flush();
    }

    /// <summary>A's presentation (as its format prints it) without building an IPAddress per record.</summary>
    private static void AppendDottedQuad(StringBuilder line, byte[] address) =>
        line.Append(CultureInfo.InvariantCulture, $"{address[0]}.{address[1]}.{address[2]}.{address[3]}");
}
