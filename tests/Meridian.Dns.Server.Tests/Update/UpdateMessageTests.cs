using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Update;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Update;

/// <summary>Reading UPDATE messages: the sections, the operations, and the RFC 2136 format rules (§3.1.1, §3.2,
/// §3.4.1.3) that answer FORMERR, NOTZONE or NOTAUTH before any data is looked at.</summary>
public sealed class UpdateMessageTests
{
    [Fact]
    public void Reads_the_zone_the_prerequisites_and_each_kind_of_update()
    {
        var message = new UpdateMessages()
            .Zone("Example.TEST.")
            .Prerequisite("www.example.test.", DnsType.ANY, DnsClass.ANY)
            .Prerequisite("www.example.test.", DnsType.A, DnsClass.IN, data: UpdateMessages.A("192.0.2.1"))
            .Update("new.example.test.", DnsType.A, DnsClass.IN, 300, UpdateMessages.A("192.0.2.2"))
            .Update("old.example.test.", DnsType.TXT, DnsClass.ANY)
            .Update("gone.example.test.", DnsType.ANY, DnsClass.ANY)
            .Update("www.example.test.", DnsType.A, DnsClass.NONE, 0, UpdateMessages.A("192.0.2.1"))
            .Build();

        Assert.True(UpdateMessage.TryRead(message, out var update, out var error), error.ToString());
        Assert.Equal(DnsName.Parse("example.test."), update!.Zone);
        Assert.Equal("example.test.", update.Zone.ToString());
        Assert.Equal(2, update.Prerequisites.Count);
        Assert.Equal(
            [UpdateOperation.Add, UpdateOperation.DeleteRRset, UpdateOperation.DeleteName, UpdateOperation.DeleteRecord],
            update.Updates.Select(UpdateMessage.OperationOf));
        Assert.Equal(300u, update.Updates[0].Ttl);
        Assert.Equal(UpdateMessages.A("192.0.2.2"), update.Updates[0].Data);
    }

    [Fact]
    public void Compressed_names_in_rdata_are_expanded()
    {
        var message = new UpdateMessages().Zone("example.test.").Update("example.test.", DnsType.MX, DnsClass.IN, 300, [0, 10, 0xC0, 12]).Build();

        Assert.True(UpdateMessage.TryRead(message, out var update, out _));
        Assert.Equal(UpdateMessages.Mx(10, "example.test."), update!.Updates[0].Data);
    }

    public static TheoryData<string, UpdateMessages, DnsRcode> Refused => new()
    {
        { "two zones", new UpdateMessages().Zone("example.test.").Zone("other.test."), DnsRcode.FormErr },
        { "no zone", new UpdateMessages(), DnsRcode.FormErr },
        { "zone of type A", new UpdateMessages().Zone("example.test.", DnsType.A), DnsRcode.FormErr },
        { "prerequisite with a TTL", new UpdateMessages().Zone("example.test.").Prerequisite("a.example.test.", DnsType.ANY, DnsClass.ANY, ttl: 5), DnsRcode.FormErr },
        { "name-in-use prerequisite with data", new UpdateMessages().Zone("example.test.").Prerequisite("a.example.test.", DnsType.A, DnsClass.ANY, data: [1, 2, 3, 4]), DnsRcode.FormErr },
        { "prerequisite of class CH", new UpdateMessages().Zone("example.test.").Prerequisite("a.example.test.", DnsType.A, DnsClass.CH, data: [1, 2, 3, 4]), DnsRcode.FormErr },
        { "RRset deletion with a TTL", new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.A, DnsClass.ANY, ttl: 60), DnsRcode.FormErr },
        { "RRset deletion with data", new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.A, DnsClass.ANY, data: [1, 2, 3, 4]), DnsRcode.FormErr },
        { "record deletion of type ANY", new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.ANY, DnsClass.NONE), DnsRcode.FormErr },
        { "addition of a meta type", new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.AXFR, DnsClass.IN, 60), DnsRcode.FormErr },
        { "update of class CH", new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.A, DnsClass.CH, 60, [1, 2, 3, 4]), DnsRcode.FormErr },
        { "update outside the zone", new UpdateMessages().Zone("example.test.").Update("a.example.org.", DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]), DnsRcode.NotZone },
        { "prerequisite outside the zone", new UpdateMessages().Zone("example.test.").Prerequisite("example.org.", DnsType.ANY, DnsClass.ANY), DnsRcode.NotZone },
        { "zone of class CH", new UpdateMessages().Zone("example.test.", DnsType.SOA, DnsClass.CH), DnsRcode.NotAuth },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Malformed_updates_get_the_rfc_rcode(string what, UpdateMessages message, DnsRcode expected)
    {
        Assert.False(UpdateMessage.TryRead(message.Build(), out var update, out var error), what);
        Assert.Null(update);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Truncated_message_is_formerr()
    {
        var message = new UpdateMessages().Zone("example.test.").Update("a.example.test.", DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]).Build();
        Assert.False(UpdateMessage.TryRead(message.AsSpan(0, message.Length - 2), out _, out var error));
        Assert.Equal(DnsRcode.FormErr, error);
    }
}
