using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>The reader never throws on hostile input: whatever the text, it ends with records, errors or both.</summary>
public class ZoneFileReaderRobustnessTests
{
    // Pieces of zone-file syntax, so random texts reach deep into the reader rather than failing at once.
    private static readonly string[] Pieces =
    [
        "$ORIGIN", "$TTL", "$GENERATE", "$INCLUDE", "$DATE", "$", "@", "*", "a", "b.c", "..", ".", "example.",
        "IN", "CH", "CLASS10", "300", "1w2d", "4294967296", "A", "AAAA", "NS", "MX", "TXT", "SOA", "CNAME",
        "RRSIG", "NSEC3", "SVCB", "TYPE65000", "\\#", "0", "3", "01ab", "192.0.2.1", "::1", "1-3", "1-3/2",
        "${0,3,x}", "${-1}", "$$", "\\$", "\\", "\\0", "\\065", "\\256", "\"", "\"q\"", "(", ")", ";c",
        " ", " ", "\t", "\n", "\n", "\r\n", "\r", "\0", "\u00ff", "20210101000000", "alpn=h2", "key65535=\"x\"",
    ];

    [Property(MaxTest = 500)]
    public Property Random_zone_text_never_throws()
    {
        var text = Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => string.Concat(p));
        return Prop.ForAll(Arb.From(text), zone =>
        {
            var reader = new ZoneFileReader(Encoding.Latin1.GetBytes(zone), new ZoneFileReaderOptions { Origin = DnsName.Parse("example.") });
            var builder = new CompiledZoneBuilder(DnsName.Parse("example."), DnsClass.IN);
            for (int guard = 0; guard < 100_000; guard++)
            {
                if (reader.TryReadNext(out var record)) builder.Add(record, reader.Position, reader.Group);
                else if (reader.Error is null) break;
            }
            var compiled = builder.Build();
            _ = ZoneValidator.Validate(compiled, "fuzz.zone");
            CompiledZonePrinter.Write(compiled, TextWriter.Null);
        });
    }

    [Property(MaxTest = 300)]
    public Property Random_octets_never_throw()
    {
        var octets = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i));
        return Prop.ForAll(Arb.From(octets), bytes =>
        {
            var reader = new ZoneFileReader(bytes, new ZoneFileReaderOptions { Origin = DnsName.Root });
            for (int guard = 0; guard < 100_000 && (reader.TryReadNext(out _) || reader.Error is not null); guard++) { }
        });
    }
}
