using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Cookies;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Answering;

/// <summary>EDNS details a careful resolver notices: the DO bit echoed (RFC 3225), DNS COOKIE answered with a server
/// cookie made from the server's secret (RFC 7873, RFC 9018) and its rules for an authoritative server, and options
/// the server does not know ignored and not echoed (RFC 6891 §6.1.2).</summary>
public sealed class EdnsOptionTests
{
    private static readonly byte[] s_client = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly byte[] s_address = [192, 0, 2, 77];
    private readonly DnsCookies _cookies = new();
    private readonly QueryProcessor _processor;

    public EdnsOptionTests()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.ListenerExample());
        _processor = new QueryProcessor(zones, 1232, cookies: _cookies);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_DO_bit_is_echoed_as_the_query_set_it(bool dnssecOk)
    {
        var reply = Ask(Query("www.example.", dnssecOk));
        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal(dnssecOk, reply.DnssecOk);
    }

    [Fact]
    public void A_client_cookie_alone_gets_the_answer_and_a_16_octet_server_cookie_of_version_1()
    {
        var reply = Ask(Query("www.example.", options: Cookie(s_client)));
        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal(1, reply.AnswerCount);
        var (code, data) = Assert.Single(reply.Options);
        Assert.Equal(EdnsOptionCode.Cookie, code);
        Assert.Equal(8 + 16, data.Length);
        Assert.Equal(s_client, data[..8]);
        Assert.Equal(1, data[8]);
        Assert.True(_cookies.IsValid(s_client, data.AsSpan(8), s_address));
    }

    [Fact]
    public void A_returned_server_cookie_is_good_for_the_same_client_only_and_a_bad_one_is_answered_with_a_fresh_cookie()
    {
        byte[] server = ServerCookieFor(s_client);
        Assert.True(_cookies.IsValid(s_client, server, s_address));
        Assert.False(_cookies.IsValid(s_client, server, [192, 0, 2, 78]));
        Assert.False(_cookies.IsValid([8, 7, 6, 5, 4, 3, 2, 1], server, s_address));
        Assert.False(new DnsCookies().IsValid(s_client, server, s_address));
        var tampered = (byte[])server.Clone();
        tampered[15] ^= 1;
        Assert.False(_cookies.IsValid(s_client, tampered, s_address));

        // With a question, an authoritative server answers a bad server cookie as if only the client cookie had come.
        var reply = Ask(Query("www.example.", options: Cookie([.. s_client, .. tampered])));
        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal(1, reply.AnswerCount);
        Assert.True(_cookies.IsValid(s_client, Assert.Single(reply.Options).Data.AsSpan(8), s_address));
    }

    [Fact]
    public void A_cookie_expires_after_an_hour()
    {
        long now = 1_800_000_000;
        var cookies = new DnsCookies(() => now);
        Span<byte> option = stackalloc byte[DnsCookies.OptionLength];
        cookies.WriteOption(s_client, s_address, option);
        byte[] server = option[12..].ToArray();
        now += 3600;
        Assert.True(cookies.IsValid(s_client, server, s_address));
        now += 1;
        Assert.False(cookies.IsValid(s_client, server, s_address));
    }

    [Fact]
    public void A_query_without_a_question_fetches_a_cookie_and_a_bad_server_cookie_there_is_badcookie()
    {
        var fetch = Ask(Query(null, options: Cookie(s_client)));
        Assert.Equal(DnsRcode.NoError, fetch.Rcode);
        Assert.Equal(0, fetch.AnswerCount);
        byte[] server = Assert.Single(fetch.Options).Data[8..];

        Assert.Equal(DnsRcode.NoError, Ask(Query(null, options: Cookie([.. s_client, .. server]))).Rcode);
        server[12] ^= 0xff;
        var refused = Ask(Query(null, options: Cookie([.. s_client, .. server])));
        Assert.Equal(DnsRcode.BadCookie, refused.Rcode);
        // BADCOOKIE carries a good cookie, so the client can retry at once.
        Assert.True(_cookies.IsValid(s_client, Assert.Single(refused.Options).Data.AsSpan(8), s_address));
        // Without a COOKIE option, a query without a question is still malformed.
        Assert.Equal(DnsRcode.FormErr, Ask(Query(null)).Rcode);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(41)]
    public void A_cookie_of_a_length_RFC_7873_does_not_allow_is_formerr(int length)
    {
        var reply = Ask(Query("www.example.", options: Cookie(new byte[length])));
        Assert.Equal(DnsRcode.FormErr, reply.Rcode);
        Assert.Equal(0, reply.AnswerCount);
    }

    [Fact]
    public void Two_cookie_options_are_formerr()
    {
        Assert.Equal(DnsRcode.FormErr, Ask(Query("www.example.", options: [.. Cookie(s_client), .. Cookie(s_client)])).Rcode);
    }

    [Fact]
    public void Unknown_options_are_ignored_and_not_echoed()
    {
        byte[] unknown = [0xfd, 0xe9, 0, 3, 0xaa, 0xbb, 0xcc]; // option 65001, 3 octets
        byte[] nsid = [0, 3, 0, 0];
        var reply = Ask(Query("www.example.", dnssecOk: true, options: [.. unknown, .. nsid, .. Cookie(s_client)]));
        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal(1, reply.AnswerCount);
        Assert.True(reply.DnssecOk);
        Assert.Equal([EdnsOptionCode.Cookie], reply.Options.Select(o => o.Code));

        var plain = Ask(Query("www.example.", options: unknown));
        Assert.Equal(DnsRcode.NoError, plain.Rcode);
        Assert.Empty(plain.Options);
    }

    [Fact]
    public void A_cookie_beside_a_client_subnet_answers_both_options()
    {
        byte[] ecs = [0, 8, 0, 7, 0, 1, 24, 0, 198, 51, 100];
        var reply = Ask(Query("www.example.", options: [.. ecs, .. Cookie(s_client)]));
        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal([EdnsOptionCode.ClientSubnet, EdnsOptionCode.Cookie], reply.Options.Select(o => o.Code));
    }

    private byte[] ServerCookieFor(byte[] client)
    {
        var option = new byte[DnsCookies.OptionLength];
        _cookies.WriteOption(client, s_address, option);
        return option[12..];
    }

    private static byte[] Cookie(byte[] data)
    {
        var option = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(option, (ushort)EdnsOptionCode.Cookie);
        BinaryPrimitives.WriteUInt16BigEndian(option.AsSpan(2), (ushort)data.Length);
        data.CopyTo(option, 4);
        return option;
    }

    private static byte[] Query(string? name, bool dnssecOk = false, byte[]? options = null)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 99 });
        if (name is not null) writer.TryWriteQuestion(DnsName.Parse(name).Wire, DnsType.A, DnsClass.IN);
        writer.TryWriteOpt(1232, dnssecOk, options ?? []);
        return writer.Written.ToArray();
    }

    private sealed record Reply(DnsRcode Rcode, int AnswerCount, bool DnssecOk, List<(EdnsOptionCode Code, byte[] Data)> Options);

    private Reply Ask(byte[] query)
    {
        var response = new byte[1232];
        int length = _processor.Handle(query, response, s_address, overTcp: false);
        Assert.True(length > 0, "the query was dropped");
        var names = new byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(response.AsSpan(0, length), names);
        while (reader.TryReadQuestion(out _)) { }
        var rcode = reader.Header.Rcode;
        bool dnssecOk = false;
        var options = new List<(EdnsOptionCode, byte[])>();
        while (reader.TryReadRecord(out var record))
        {
            if (!EdnsOpt.TryRead(record, out var opt)) continue;
            rcode = opt.CombineRcode(reader.Header.Rcode);
            dnssecOk = opt.DnssecOk;
            var optionReader = new EdnsOptionReader(opt.Options);
            while (optionReader.TryReadNext(out var code, out var data)) options.Add((code, data.ToArray()));
        }
        Assert.Equal(WireError.None, reader.Error);
        return new Reply(rcode, reader.Header.AnswerCount, dnssecOk, options);
    }
}
