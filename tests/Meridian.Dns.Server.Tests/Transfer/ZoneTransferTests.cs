using System.Net;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Tests.Transfer;

/// <summary>AXFR, IXFR and TSIG as BIND's dig and Knot's kdig see them, against a real listener on loopback.</summary>
public sealed class ZoneTransferTests : IDisposable
{
    private const string KeyName = "xfr-key";
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
    private const int TxtRecords = 2000;

    private readonly DnsServer _server;
    private readonly MemoryJournal _journal = new();

    public ZoneTransferTests()
    {
        _server = new DnsServer(new DnsServerOptions { Listen = ["127.0.0.1:0"], UdpWorkers = 1 });
        var keys = new StaticTsigKeyring([
            new TsigKey(DnsName.Parse(KeyName + "."), TsigAlgorithm.HmacSha256, Convert.FromBase64String(Secret)),
            new TsigKey(DnsName.Parse("other-key."), TsigAlgorithm.HmacSha512, new byte[64]),
        ]);
        _server.Transfers = new ZoneTransferServices(new TsigVerifier(keys), new FixedAccess(null, KeyName + "."), _journal);
        _server.Publish(BigZone(1, extra: null));
        _server.Start();
    }

    private IPEndPoint Endpoint => _server.Endpoints[0];

    public void Dispose() => _server.Dispose();

    private static ZoneSnapshot BigZone(uint serial, string? extra)
    {
        var text = new StringBuilder($"""
            $ORIGIN big.test.
            @ 3600 SOA ns1 hostmaster {serial} 3600 900 604800 300
            @ 3600 NS ns1
            ns1 3600 A 192.0.2.1

            """);
        for (int i = 0; i < TxtRecords; i++) text.AppendLine($"t{i} 300 TXT \"{new string('x', 60)} {i}\"");
        if (extra is not null) text.AppendLine(extra);
        return TestZones.Build("big.test.", text.ToString());
    }

    private string Tsig => $"hmac-sha256:{KeyName}:{Secret}";

    [Fact]
    public void Axfr_signed_with_an_allowed_key_streams_the_whole_zone_in_several_signed_messages()
    {
        string output = DigTool.Run("dig", Endpoint, "-y", Tsig, "big.test.", "AXFR");
        Assert.DoesNotContain("failed", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TSIG", output.Replace("TSIG\t", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // SOA, NS, A, the TXT records, SOA again; dig counts the TSIG records in its summary too.
        var summary = output.Split('\n').Single(l => l.StartsWith(";; XFR size:", StringComparison.Ordinal));
        Assert.Contains($"{TxtRecords + 4} records", summary, StringComparison.Ordinal);
        int messages = int.Parse(summary.Split("messages ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(messages > 1, summary);
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains("\tSOA\t", StringComparison.Ordinal)));
    }

    [Fact]
    public void Axfr_is_refused_without_a_key_or_an_allowed_address()
    {
        string output = DigTool.Run("dig", Endpoint, "big.test.", "AXFR");
        Assert.True(output.Contains("Transfer failed", StringComparison.Ordinal), output);
        string kdig = DigTool.Run("kdig", Endpoint, "big.test.", "AXFR");
        Assert.True(kdig.Contains("REFUSED", StringComparison.Ordinal), kdig);
    }

    [Fact]
    public void Axfr_of_a_zone_we_do_not_serve_is_notauth()
    {
        string kdig = DigTool.Run("kdig", Endpoint, "-y", Tsig, "other.test.", "AXFR");
        Assert.True(kdig.Contains("NOTAUTH", StringComparison.Ordinal), kdig);
    }

    [Fact]
    public void Unknown_key_is_answered_notauth_badkey_unsigned()
    {
        string output = DigTool.Run("kdig", Endpoint, "-y", $"hmac-sha256:nobody:{Secret}", "big.test.", "SOA");
        // kdig shows the TSIG error as the status (the header says NOTAUTH); the answer is unsigned: MAC size 0.
        Assert.True(output.Contains("status: BADKEY", StringComparison.Ordinal), output);
        Assert.True(output.Contains("TSIG\thmac-sha256. ", StringComparison.Ordinal) && output.Contains(" 300 0 ", StringComparison.Ordinal), output);
        Assert.DoesNotContain("Flags: qr aa", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_secret_is_answered_notauth_badsig()
    {
        string wrong = Convert.ToBase64String(new byte[32]);
        string output = DigTool.Run("kdig", Endpoint, "-y", $"hmac-sha256:{KeyName}:{wrong}", "big.test.", "SOA");
        Assert.True(output.Contains("status: BADSIG", StringComparison.Ordinal), output);
        Assert.True(output.Contains(" 300 0 ", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Key_with_another_algorithm_is_answered_badkey()
    {
        string output = DigTool.Run("kdig", Endpoint, "-y", $"hmac-sha512:{KeyName}:{Secret}", "big.test.", "SOA");
        Assert.True(output.Contains("BADKEY", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Signed_query_over_udp_gets_a_signed_answer_that_dig_verifies()
    {
        string output = DigTool.Run("dig", Endpoint, "-y", Tsig, "big.test.", "SOA");
        Assert.True(output.Contains("status: NOERROR", StringComparison.Ordinal), output);
        Assert.True(output.Contains("xfr-key.\t\t0\tANY\tTSIG\thmac-sha256.", StringComparison.Ordinal), output);
        Assert.DoesNotContain("expected a TSIG", output, StringComparison.Ordinal);
        Assert.DoesNotContain("failure", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ixfr_sends_the_journal_difference_and_a_single_soa_when_up_to_date()
    {
        var added = new ZoneRecord(DnsName.Parse("new.big.test."), DnsType.A, 300, [192, 0, 2, 77]);
        var removedText = Encoding.ASCII.GetBytes($"{new string('x', 60)} 0");
        var removed = new ZoneRecord(DnsName.Parse("t0.big.test."), DnsType.TXT, 300, [(byte)removedText.Length, .. removedText]);
        _journal.Deltas.Add(new ZoneDelta(1, 2, [removed], [added]));
        var next = BigZone(2, "new 300 A 192.0.2.77");
        _server.Publish(next);

        string output = DigTool.Run("dig", Endpoint, "-y", Tsig, "big.test.", "IXFR=1");
        var lines = output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(';') && !l.Contains("\tTSIG\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Contains(" 2 3600 900", lines[0], StringComparison.Ordinal);
        Assert.Contains(" 1 3600 900", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("t0.big.test.", lines[2], StringComparison.Ordinal);
        Assert.Contains(" 2 3600 900", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("new.big.test.", lines[4], StringComparison.Ordinal);
        Assert.Contains(" 2 3600 900", lines[5], StringComparison.Ordinal);

        string upToDate = DigTool.Run("dig", Endpoint, "-y", Tsig, "big.test.", "IXFR=2");
        Assert.Single(upToDate.Split('\n'), l => l.Contains("\tSOA\t", StringComparison.Ordinal));
    }

    [Fact]
    public void Ixfr_from_a_serial_the_journal_does_not_reach_falls_back_to_the_whole_zone()
    {
        _server.Publish(BigZone(5, null));
        string output = DigTool.Run("dig", Endpoint, "-y", Tsig, "big.test.", "IXFR=3");
        var summary = output.Split('\n').Single(l => l.StartsWith(";; XFR size:", StringComparison.Ordinal));
        Assert.Contains($"{TxtRecords + 4} records", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ixfr_over_udp_answers_the_current_soa_and_axfr_over_udp_is_not_implemented()
    {
        string ixfr = DigTool.Run("dig", Endpoint, "+notcp", "-y", Tsig, "big.test.", "IXFR=0");
        Assert.DoesNotContain("failed", ixfr, StringComparison.OrdinalIgnoreCase);
        Assert.Single(ixfr.Split('\n'), l => l.Contains("\tSOA\t", StringComparison.Ordinal));
        string axfr = DigTool.Run("kdig", Endpoint, "+notcp", "big.test.", "AXFR");
        Assert.True(axfr.Contains("NOTIMP", StringComparison.Ordinal), axfr);
    }

    [Fact]
    public void Query_signed_outside_the_fudge_is_answered_badtime_signed_with_our_time()
    {
        var key = new TsigKey(DnsName.Parse(KeyName + "."), TsigAlgorithm.HmacSha256, Convert.FromBase64String(Secret));
        var query = new byte[600];
        var unsigned = Answering.QueryMessages.Build("big.test.", DnsType.SOA, edns: false);
        unsigned.CopyTo(query, 0);
        ulong now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        int length = TsigSigner.SignRequest(query, unsigned.Length, key, now - 1000, out var requestMac);

        using var client = new System.Net.Sockets.UdpClient(System.Net.Sockets.AddressFamily.InterNetwork);
        client.Client.ReceiveTimeout = 3000;
        client.Send(query.AsSpan(0, length), Endpoint);
        IPEndPoint? from = null;
        var response = client.Receive(ref from);

        Assert.Equal(9, response[3] & 0x0F); // NOTAUTH
        Assert.True(TsigRecord.TryFind(response, out var tsig, out _));
        Assert.Equal((ushort)Meridian.Dns.Wire.DnsRcode.BadTime, tsig!.Error);
        Assert.Equal(32, tsig.Mac.Length);
        Assert.Equal(6, tsig.OtherData.Length);
        ulong serverTime = ((ulong)tsig.OtherData[0] << 40) | ((ulong)tsig.OtherData[1] << 32) | ((ulong)tsig.OtherData[2] << 24)
            | ((ulong)tsig.OtherData[3] << 16) | ((ulong)tsig.OtherData[4] << 8) | tsig.OtherData[5];
        Assert.InRange(serverTime, now - 60, now + 60);
        Assert.Equal(now - 1000, tsig.TimeSigned);
        // The MAC covers the request's MAC, the answer and the TSIG variables with the error and our time.
        var signer = new TsigSigner(key, requestMac, tsig.OriginalId);
        var copy = response.AsSpan(0, tsig.Start).ToArray();
        copy[11]--; // ARCOUNT without the TSIG
        var expected = new byte[copy.Length + TsigSigner.MaxRecordLength];
        copy.CopyTo(expected, 0);
        signer.Sign(expected, copy.Length, serverTime, Meridian.Dns.Wire.DnsRcode.BadTime, tsig.TimeSigned, tsig.OtherData);
        Assert.Equal(signer.LastMac, tsig.Mac);
    }
}
