using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>Writing zone files: what is written reads back to the same records, and BIND and Knot load it.</summary>
public sealed class ZoneFileWriterTests : IDisposable
{
    // A zone with awkward names and data of many types.
    private const string Sample = """
        $TTL 3600
        @ SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
        @ NS ns1
        @ NS ns2.example.net.
        @ MX 10 mail
        @ TXT "v=spf1 -all" "second \"quoted\" string; with semicolon"
        ns1 A 192.0.2.1
        ns1 AAAA 2001:db8::1
        mail 600 A 192.0.2.25
        www CNAME @
        sp\032ace\.dot TXT "odd owner"
        \$dollar\@at TXT "special characters"
        \(paren\) 60 TXT "parens"
        *.wild A 192.0.2.50
        _sip._tcp SRV 10 60 5060 sip
        caa CAA 0 issue "ca.example.net"
        ds DS 12345 8 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE5E7F8F5C2C0E7B2A3A0F2C3D
        sshfp SSHFP 1 1 DFBD61D5A1F0E3C0C2C3B2A1F0E3C0C2C3B2A1F0
        tlsa._443._tcp TLSA 3 1 1 ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789
        https HTTPS 1 . alpn=h2,h3 port=8443
        unknown TYPE65000 \# 3 010203
        empty NULL \# 0
        sub NS ns.sub
        ns.sub A 192.0.2.53
        outside.example.org. CNAME www.example.
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<ResourceRecord> SampleRecords() =>
        [.. ReadValid(Sample.Replace("outside.example.org. CNAME www.example.", "", StringComparison.Ordinal) + "\n").Select(r => r.Record)];

    [Fact]
    public void Written_zone_reads_back_to_the_same_records()
    {
        var records = SampleRecords();
        string text = ZoneFileWriter.ToText(DnsName.Parse("example."), records);
        var reread = ReadValid(text).Select(r => r.Record).ToList();
        Assert.Equal(records.OrderBy(r => r.ToString(), StringComparer.Ordinal), reread.OrderBy(r => r.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public void Written_zone_starts_with_origin_and_ttl_and_uses_relative_owners()
    {
        string text = ZoneFileWriter.ToText(DnsName.Parse("example."), SampleRecords());
        string[] lines = text.Split('\n');
        Assert.Equal("$ORIGIN example.", lines[0]);
        Assert.Equal("$TTL 3600", lines[1]);
        Assert.StartsWith("@\t\tIN\tSOA\t", lines[2], StringComparison.Ordinal);
        // Every line names its owner ("@" for the apex); owners below the apex are relative.
        Assert.StartsWith("@\t\tIN\tNS\t", lines[3], StringComparison.Ordinal);
        Assert.Contains("sp\\032ace\\.dot\t\tIN\tTXT\t\"odd owner\"", lines);
        Assert.Contains("mail\t600\tIN\tA\t192.0.2.25", lines);
    }

    [Fact]
    public void Root_origin_is_written_as_a_dot()
    {
        var records = ReadValid("$TTL 60\n@ SOA a. b. 1 2 3 4 5\nnet. NS a.\n", ".").Select(r => r.Record);
        string text = ZoneFileWriter.ToText(DnsName.Root, records);
        Assert.StartsWith("$ORIGIN .\n$TTL 60\n@\t", text, StringComparison.Ordinal);
        Assert.Contains("net\t\tIN\tNS\ta.", text, StringComparison.Ordinal);
    }

    [BindFact]
    public void Bind_loads_the_written_zone_to_the_same_records()
    {
        var records = SampleRecords();
        string path = Path.Combine(_directory, "example.zone");
        File.WriteAllText(path, ZoneFileWriter.ToText(DnsName.Parse("example."), records));

        var check = RunBind(NamedCheckzone!, _directory, "-i", "none", "-k", "ignore", "example.", "example.zone");
        Assert.True(check.Exit == 0, check.Output + check.Errors);
        var bind = RunBind(NamedCompilezone!, _directory, "-i", "none", "-k", "ignore", "-o", "-", "example.", "example.zone");
        Assert.True(bind.Exit == 0, bind.Errors);
        var ours = Check(Sample.Replace("outside.example.org. CNAME www.example.", "", StringComparison.Ordinal) + "\n");
        Assert.Equal(Unspaced(bind.Output), Unspaced(ours.Output));
    }

    [KnotFact]
    public void Knot_loads_the_written_zone()
    {
        File.WriteAllText(Path.Combine(_directory, "example.zone"), ZoneFileWriter.ToText(DnsName.Parse("example."), SampleRecords()));
        File.WriteAllText(Path.Combine(_directory, "knot.conf"), $"""
            server:
                rundir: "{_directory}"
            database:
                storage: "{_directory}/db"
            template:
              - id: default
                storage: "{_directory}"
                file: "%s.zone"
            zone:
              - domain: example.
            """);
        var result = RunBind(Knotc!, _directory, "-c", "knot.conf", "zone-check", "example.");
        Assert.True(result.Exit == 0, result.Output + result.Errors);
    }

    /// <summary>Owner labels and TXT strings of any octets survive writing and reading.</summary>
    [Property(MaxTest = 200)]
    public Property Any_octets_in_owner_labels_and_text_survive_a_round_trip()
    {
        var octets = Gen.Choose(0, 255).Select(i => (byte)i);
        var label = Gen.ArrayOf(octets).Where(a => a.Length is > 0 and <= 63);
        var text = Gen.ArrayOf(octets).Where(a => a.Length <= 255);
        return Prop.ForAll(Arb.From(label), Arb.From(text), (ownerLabel, txt) =>
        {
            Assert.True(DnsName.Parse("example.").TryPrepend(ownerLabel, out var owner));
            var data = new byte[txt.Length + 1];
            data[0] = (byte)txt.Length;
            txt.CopyTo(data, 1);
            var origin = DnsName.Parse("example.");
            ResourceRecord[] records =
            [
                new(origin, DnsType.SOA, DnsClass.IN, 300, SoaData()),
                new(owner, DnsType.TXT, DnsClass.IN, 300, data),
            ];
            var reread = ReadValid(ZoneFileWriter.ToText(origin, records)).Select(r => r.Record).ToList();
            Assert.Equal(records[1].Owner.Wire.ToArray(), reread[1].Owner.Wire.ToArray());
            Assert.Equal(records, reread);
        });
    }

    private static byte[] SoaData()
    {
        var soa = ReadValid("$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n")[0].Record;
        return soa.Data;
    }

    [Fact]
    public void Types_unknown_in_the_zone_class_are_written_in_generic_form()
    {
        var origin = DnsName.Parse("example.");
        ResourceRecord[] records = [new(origin, DnsType.A, (DnsClass)10, 300, [192, 0, 2, 1])];
        string text = ZoneFileWriter.ToText(origin, records);
        Assert.Contains("@\t\tCLASS10\tTYPE1\t\\# 4 C0000201", text.Split('\n'));
        var reread = Read(text, dnsClass: (DnsClass)10);
        Assert.Empty(reread.Errors);
        Assert.Equal(records, reread.Records.Select(r => r.Record));
    }
}
