using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Update;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Update;

/// <summary>The engine's side of UPDATE: who gets as far as the handler (only messages signed with a known key), and how
/// the answer is made (the zone section echoed, the rcode, a TSIG as RFC 8945 §5.2 wants it).</summary>
public sealed class DnsUpdateServerTests
{
    private static readonly TsigKey Key = new(DnsName.Parse("upd-key."), TsigAlgorithm.HmacSha256, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly RecordingHandler _handler = new();
    private readonly DnsUpdateServer _server;

    public DnsUpdateServerTests() => _server = new DnsUpdateServer(new TsigVerifier(new StaticTsigKeyring([Key])), _handler);

    private static byte[] AddA() =>
        new UpdateMessages().Zone("example.test.").Update("www.example.test.", DnsType.A, DnsClass.IN, 300, UpdateMessages.A("192.0.2.1")).Build();

    private static (byte[] Message, byte[] Mac) Signed(byte[] message, TsigKey key)
    {
        var buffer = new byte[message.Length + TsigSigner.MaxRecordLength];
        message.CopyTo(buffer, 0);
        int length = TsigSigner.SignRequest(buffer, message.Length, key, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), out var mac);
        return (buffer[..length], mac);
    }

    private byte[] Answer(byte[] message)
    {
        var response = new byte[ushort.MaxValue];
        int length = _server.HandleAsync(message, response, CancellationToken.None).GetAwaiter().GetResult();
        return response[..length];
    }

    private static DnsHeader HeaderOf(byte[] response)
    {
        Assert.True(DnsHeader.TryRead(response, out var header));
        return header;
    }

    [Fact]
    public void A_signed_update_reaches_the_handler_and_the_answer_is_signed_with_the_key()
    {
        var (message, mac) = Signed(AddA(), Key);
        var response = Answer(message);

        var header = HeaderOf(response);
        Assert.True(header.IsResponse);
        Assert.Equal(DnsOpcode.Update, header.Opcode);
        Assert.Equal(DnsRcode.NoError, header.Rcode);
        Assert.Equal(1, header.QuestionCount);
        Assert.True(TsigVerifier.VerifyResponse(response, Key, mac));
        var update = Assert.Single(_handler.Received);
        Assert.Equal("example.test.", update.Zone.ToString());
        Assert.Single(update.Updates);
    }

    [Fact]
    public void The_handlers_rcode_is_the_answer()
    {
        _handler.Answer = DnsRcode.NXRRSet;
        var (message, mac) = Signed(AddA(), Key);
        var response = Answer(message);
        Assert.Equal(DnsRcode.NXRRSet, HeaderOf(response).Rcode);
        Assert.True(TsigVerifier.VerifyResponse(response, Key, mac));
    }

    [Fact]
    public void An_unsigned_update_is_refused_without_reaching_the_handler()
    {
        var response = Answer(AddA());
        Assert.Equal(DnsRcode.Refused, HeaderOf(response).Rcode);
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public void A_bad_signature_is_notauth_with_badsig_and_an_unknown_key_badkey()
    {
        var wrong = new TsigKey(Key.Name, TsigAlgorithm.HmacSha256, new byte[32]);
        var badSig = Answer(Signed(AddA(), wrong).Message);
        Assert.Equal(DnsRcode.NotAuth, HeaderOf(badSig).Rcode);
        Assert.Equal(16, TsigErrorOf(badSig));

        var unknown = new TsigKey(DnsName.Parse("nobody."), TsigAlgorithm.HmacSha256, new byte[32]);
        var badKey = Answer(Signed(AddA(), unknown).Message);
        Assert.Equal(DnsRcode.NotAuth, HeaderOf(badKey).Rcode);
        Assert.Equal((int)DnsRcode.BadKey, TsigErrorOf(badKey));
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public void A_signed_but_malformed_update_is_formerr_and_signed()
    {
        var message = new UpdateMessages().Zone("example.test.").Update("www.example.test.", DnsType.A, DnsClass.ANY, ttl: 60).Build();
        var (signed, mac) = Signed(message, Key);
        var response = Answer(signed);
        Assert.Equal(DnsRcode.FormErr, HeaderOf(response).Rcode);
        Assert.True(TsigVerifier.VerifyResponse(response, Key, mac));
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public void A_failing_handler_is_servfail()
    {
        _handler.Fail = true;
        var response = Answer(Signed(AddA(), Key).Message);
        Assert.Equal(DnsRcode.ServFail, HeaderOf(response).Rcode);
    }

    [Fact]
    public void Only_update_requests_are_taken_off_the_query_path()
    {
        var update = AddA();
        Assert.True(DnsUpdateServer.IsUpdate(update));
        var response = (byte[])update.Clone();
        response[2] |= 0x80;
        Assert.False(DnsUpdateServer.IsUpdate(response));
        var query = (byte[])update.Clone();
        query[2] = 0;
        Assert.False(DnsUpdateServer.IsUpdate(query));
    }

    [Fact]
    public void The_udp_query_processor_hands_updates_over_and_answers_them_synchronously()
    {
        var processor = new QueryProcessor(new ZoneSet(), 1232, updates: _server);
        var (message, mac) = Signed(AddA(), Key);
        var response = new byte[1232];
        int length = processor.Handle(message, response, [127, 0, 0, 1], overTcp: false);

        Assert.True(length > 0);
        Assert.Equal(DnsRcode.NoError, HeaderOf(response[..length]).Rcode);
        Assert.True(TsigVerifier.VerifyResponse(response.AsSpan(0, length), Key, mac));
        Assert.Single(_handler.Received);
        // Without an update handler the opcode stays unimplemented.
        var plain = new QueryProcessor(new ZoneSet(), 1232);
        length = plain.Handle(message, response, [127, 0, 0, 1], overTcp: false);
        Assert.Equal(DnsRcode.NotImp, HeaderOf(response[..length]).Rcode);
    }

    /// <summary>The TSIG error field of a response: the record's last six octets are error, other length (0 here).</summary>
    private static int TsigErrorOf(byte[] response) => (response[^4] << 8) | response[^3];

    private sealed class RecordingHandler : IDnsUpdateHandler
    {
        public List<UpdateMessage> Received { get; } = [];

        public DnsRcode Answer { get; set; } = DnsRcode.NoError;

        public bool Fail { get; set; }

        public Task<DnsRcode> ApplyAsync(UpdateMessage update, TsigKey key, CancellationToken cancellationToken)
        {
            if (Fail) throw new InvalidOperationException("the store is down");
            Received.Add(update);
            return Task.FromResult(Answer);
        }
    }
}
