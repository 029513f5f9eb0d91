using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>How records are stored and dumped, as named-compilezone 9.18 does it. Each expected dump was
/// printed by named-compilezone -i none -k ignore for the same zone text.</summary>
public class CompiledZoneTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string[] Dump(string body)
    {
        var (exit, output, errors) = Check(Head + body, now: Now);
        Assert.True(exit == 0, errors);
        return NormalizedLines(output);
    }

    private static string[] Lines(params string[] lines) => [.. lines.SelectMany(NormalizedLines)];

    [Fact]
    public void Owners_come_in_canonical_order_with_soa_then_ns_then_types_by_number()
    {
        var dump = Dump("z TXT \"z\"\nz AAAA 2001:db8::1\nz A 192.0.2.9\nz NS ns\nz HINFO \"a\" \"b\"\nY A 192.0.2.6\ny.Y A 192.0.2.7\n\\000.y A 192.0.2.8\n");
        Assert.Equal(Lines(
            "example. 300 IN SOA ns.example. hostmaster.example. 1 3600 600 86400 120",
            "example. 300 IN NS ns.example.",
            "ns.example. 300 IN A 192.0.2.1",
            "Y.example. 300 IN A 192.0.2.6",
            "\\000.y.example. 300 IN A 192.0.2.8",
            "y.Y.example. 300 IN A 192.0.2.7",
            "z.example. 300 IN NS ns.example.",
            "z.example. 300 IN A 192.0.2.9",
            "z.example. 300 IN HINFO \"a\" \"b\"",
            "z.example. 300 IN TXT \"z\"",
            "z.example. 300 IN AAAA 2001:db8::1"), dump);
    }

    [Fact]
    public void Signatures_follow_the_type_they_cover_and_nsec3_comes_last()
    {
        var dump = Dump("""
            a TXT "x"
            a RRSIG MX 5 2 300 20300101000000 20200101000000 1 example. AAAA
            a RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            a A 192.0.2.2
            a NSEC3 1 0 0 - 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom A
            a RRSIG NSEC3 5 2 300 20320101000000 20200101000000 3 example. AAAA
            b A 192.0.2.3
            """ + "\n");
        Assert.Equal(Lines(
            "example. 300 IN SOA ns.example. hostmaster.example. 1 3600 600 86400 120",
            "example. 300 IN NS ns.example.",
            "a.example. 300 IN A 192.0.2.2",
            "a.example. 300 IN RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA",
            "; resign=20310101000000",
            "a.example. 300 IN RRSIG MX 5 2 300 20300101000000 20200101000000 1 example. AAAA",
            "; resign=20300101000000",
            "a.example. 300 IN TXT \"x\"",
            "b.example. 300 IN A 192.0.2.3",
            "ns.example. 300 IN A 192.0.2.1",
            "a.example. 300 IN NSEC3 1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A",
            "a.example. 300 IN RRSIG NSEC3 5 2 300 20320101000000 20200101000000 3 example. AAAA",
            "; resign=20320101000000"), dump);
    }

    [Fact]
    public void Records_of_an_rrset_come_in_canonical_rdata_order()
    {
        var dump = Dump("x A 192.0.2.13\nx A 192.0.2.11\nx A 192.0.2.12\ny MX 10 b\ny MX 10 A\ny MX 5 z\nz TXT \"b\"\nz TXT \"a\" \"b\"\nz TXT \"c\"\nz TXT \"ab\"\n");
        Assert.Equal(Lines(
            "x.example. 300 IN A 192.0.2.11", "x.example. 300 IN A 192.0.2.12", "x.example. 300 IN A 192.0.2.13",
            "y.example. 300 IN MX 5 z.example.", "y.example. 300 IN MX 10 A.example.", "y.example. 300 IN MX 10 b.example.",
            "z.example. 300 IN TXT \"a\" \"b\"", "z.example. 300 IN TXT \"b\"", "z.example. 300 IN TXT \"c\"", "z.example. 300 IN TXT \"ab\""),
            dump.Skip(3));
    }

    [Fact]
    public void Later_commit_group_sets_the_rrset_ttl()
    {
        // a: groups with 100, 50 and 200 → 200. c: one group, first TTL 100 kept. d: the last group only
        // repeats a record, and still sets the TTL.
        var dump = Dump("a 100 A 192.0.2.1\nb A 192.0.2.2\na 50 A 192.0.2.3\nb A 192.0.2.4\na 200 A 192.0.2.5\n" +
                        "c 100 A 192.0.2.1\nc 200 A 192.0.2.2\nd 100 A 192.0.2.1\nD 200 A 192.0.2.2\nd 300 A 192.0.2.1\n");
        Assert.Equal(Lines(
            "a.example. 200 IN A 192.0.2.1", "a.example. 200 IN A 192.0.2.3", "a.example. 200 IN A 192.0.2.5",
            "b.example. 300 IN A 192.0.2.2", "b.example. 300 IN A 192.0.2.4",
            "c.example. 100 IN A 192.0.2.1", "c.example. 100 IN A 192.0.2.2",
            "d.example. 300 IN A 192.0.2.1", "d.example. 300 IN A 192.0.2.2"), dump.Skip(2).Where(l => !l.StartsWith("ns.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Owner_is_spelled_as_when_its_rrset_was_first_stored()
    {
        var dump = Dump("x.A TXT \"1\"\na TXT \"2\"\nA A 192.0.2.4\na A 192.0.2.5\n");
        Assert.Equal(Lines(
            "A.example. 300 IN A 192.0.2.4", "A.example. 300 IN A 192.0.2.5",
            "a.example. 300 IN TXT \"2\"", "x.A.example. 300 IN TXT \"1\""), dump.Skip(2).Where(l => !l.StartsWith("ns.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Duplicates_keep_the_last_within_a_group_and_the_first_across_groups()
    {
        var dump = Dump("dupl MX 10 some.domain.\ndupl MX 10 Some.Domain.\nDuPl MX 10 sOMe.doMAin.\ndupl MX \\# 15 000a04534f4d4506444f4d41494e00\n" +
                        "srv SRV 10 0 1000 a.example.\nSrv SRV 10 0 1000 a.Example.\n");
        Assert.Equal(Lines("dupl.example. 300 IN MX 10 Some.Domain.", "srv.example. 300 IN SRV 10 0 1000 a.example."),
            dump.Where(l => l.StartsWith("dupl", StringComparison.Ordinal) || l.StartsWith("srv", StringComparison.Ordinal)));
    }

    [Fact]
    public void Signature_set_keeps_its_resign_time_only_while_later_groups_change_nothing()
    {
        var dump = Dump("""
            a RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            a RRSIG A 5 2 300 20290101000000 20200101000000 2 example. AAAA
            b RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            c RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            b RRSIG A 5 2 300 20300101000000 20200101000000 2 example. AAAA
            d RRSIG A 5 2 300 20310101000000 20270101000000 1 example. AAAA
            e RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            f A 192.0.2.1
            e RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            i RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            h A 192.0.2.1
            i 200 RRSIG A 5 2 300 20310101000000 20200101000000 1 example. AAAA
            """ + "\n");
        // Each signature line as "owner RRSIG", each comment as it is.
        var shape = dump.Where(l => l.StartsWith(';') || l.Contains(" RRSIG ", StringComparison.Ordinal))
            .Select(l => l.StartsWith(';') ? l : l.Split(' ')[0] + " RRSIG");
        Assert.Equal([
            "a.example. RRSIG", "a.example. RRSIG", "; resign=20290101000000", // one group: the earliest expiry
            "b.example. RRSIG", "b.example. RRSIG",                             // a later group added a signature
            "c.example. RRSIG", "; resign=20310101000000",
            "d.example. RRSIG", "; resign=20260101000000",                      // inception in the future: now
            "e.example. RRSIG", "; resign=20310101000000",                      // the later group only repeated it
            "i.example. RRSIG",                                                 // the later group changed the TTL
        ], shape);
    }
}
