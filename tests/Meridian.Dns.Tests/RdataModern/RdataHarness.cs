using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.Tests.RdataModern;

/// <summary>Reads one-line rdata the way a zone file record would be read (including the caller's
/// "extra input text" check) and prints wire data back.</summary>
internal static class RdataHarness
{
    public static readonly DnsName Origin = DnsName.Parse("example.");

    public static DnsType Type(string mnemonic) =>
        DnsTypeNames.TryParse(mnemonic, out var type) ? type : throw new ArgumentException(mnemonic);

    public static bool TryParse(DnsType type, string rdata, out byte[] wire, out string? error)
    {
        var (source, tokens) = OneLineTokenizer.Tokenize(rdata);
        var reader = new RdataTextReader(source, tokens, Origin);
        var builder = new RdataBuilder();
        wire = [];
        if (!RdataText.TryParse(type, ref reader, builder, out error)) return false;
        if (reader.HasMore)
        {
            error = "extra input text";
            return false;
        }
        wire = builder.ToArray();
        return true;
    }

    public static byte[] Parse(string type, string rdata)
    {
        if (!TryParse(Type(type), rdata, out var wire, out var error))
            throw new InvalidOperationException($"{type} {rdata}: {error}");
        return wire;
    }

    public static string Format(string type, ReadOnlySpan<byte> wire) => RdataText.Format(Type(type), wire);

    public static string RoundTrip(string type, string rdata) => Format(type, Parse(type, rdata));

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>The format's own text for wire data, or null when it refuses the data.</summary>
    public static string? TryFormat(string type, ReadOnlySpan<byte> wire)
    {
        var format = RdataFormats.Find(Type(type)) ?? throw new ArgumentException(type);
        var sb = new StringBuilder();
        return format.TryFormat(wire, sb) ? sb.ToString() : null;
    }
}
