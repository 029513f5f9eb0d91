namespace Meridian.Dns.Tests.RdataModern;

/// <summary>Every case in bind-cases.txt, against what named-compilezone 9.18 did with it
/// (BindCases.g.cs): the same text out, or a refusal with the same message.</summary>
public class BindCasesTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string row in BindCases.Tsv.Split('\n'))
        {
            string[] fields = row.Split('\t');
            data.Add(fields[0], fields[1], fields[2], fields[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rdata_reads_and_prints_like_bind(string type, string rdata, string outcome, string expected)
    {
        bool parsed = RdataHarness.TryParse(RdataHarness.Type(type), rdata, out var wire, out var error);
        if (outcome == "ok")
        {
            Assert.True(parsed, error);
            string printed = RdataHarness.Format(type, wire);
            // The generic form is the shared GenericRdataFormat's; BIND breaks its hex into groups,
            // which only white space tells apart (outputs are compared like diff -w).
            if (expected.StartsWith(@"\#", StringComparison.Ordinal)) Assert.Equal(WithoutSpaces(expected), WithoutSpaces(printed));
            else Assert.Equal(expected, printed);
            // What we print reads back to the same data.
            Assert.Equal(wire, RdataHarness.Parse(type, printed));
            return;
        }
        Assert.False(parsed, $"BIND refused this with \"{expected}\" but it was read as {RdataHarness.Format(type, wire)}");
        // A refused \# form is refused by the type's wire rules, which BIND reports in its own words.
        if (rdata.StartsWith(@"\#", StringComparison.Ordinal)) return;
        if (IsKnownNameMessageDifference(expected, error)) return;
        Assert.Equal(expected, error);
    }

    /// <summary>Names in rdata are read by the shared DnsName.TryParse, whose messages for a bad \DDD
    /// escape and an over-long name are its own; BIND says "bad escape", "unexpected end of input"
    /// (escape cut short at the end) or "ran out of space". Everything else must match.</summary>
    private static bool IsKnownNameMessageDifference(string bind, string? ours) =>
        (ours == @"bad \DDD escape" && bind is "bad escape" or "unexpected end of input")
        || (ours == "name too long" && bind == "ran out of space");

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
