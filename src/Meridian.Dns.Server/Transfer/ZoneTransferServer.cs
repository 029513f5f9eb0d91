using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Transfer;

/// <summary>Serves AXFR (RFC 5936) and IXFR (RFC 1995) over TCP as a stream of messages, each signed when the request
/// was (RFC 8945 §5.3.1), and the messages that arrive signed or ask IXFR over UDP as single answers. Ordinary
/// queries never come here: the listeners and <see cref="QueryProcessor"/> branch off only for these.</summary>
internal sealed class ZoneTransferServer(ZoneSet zones, ZoneTransferServices services)
{
    /// <summary>The largest message over TCP; <see cref="FillMessage"/> keeps room for the TSIG in it.</summary>
    private const int MessageLimit = ushort.MaxValue;

    public TsigVerifier Tsig => services.Tsig;

    /// <summary>A cheap look at the raw message: a query (not a response) for AXFR or IXFR. Anything malformed is left to
    /// the ordinary path, which answers FORMERR.</summary>
    public static bool IsTransferQuery(ReadOnlySpan<byte> message)
    {
        if (message.Length < DnsHeader.Length + 5 || (message[2] & 0xF8) != 0 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1) return false;
        int position = DnsHeader.Length;
        while (position < message.Length && message[position] != 0)
        {
            if (message[position] > 63) return false;
            position += message[position] + 1;
        }
        if (position + 3 > message.Length) return false;
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(message[(position + 1)..]);
        return type is DnsType.AXFR or DnsType.IXFR;
    }

    /// <summary>Answers one AXFR or IXFR request on a TCP connection. Returns false when the connection should close.</summary>
    public async Task<bool> ServeAsync(ReadOnlyMemory<byte> message, IPAddress source, Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var request = TransferRequest.Read(message.Span, services.Tsig);
        request.FindZone(zones, message.Span);
        if (request.Error is null && !services.Access.MayTransfer(request.Zone!.Origin, source, request.Tsig.Key)) request.Error = DnsRcode.Refused;
        if (request.Error is not null)
        {
            int length = request.WriteError(buffer.AsSpan(2), services.Tsig.Now);
            await SendAsync(socket, buffer, length, cancellationToken);
            return request.Error != DnsRcode.FormErr;
        }

        var records = await ChooseRecordsAsync(request, cancellationToken);
        bool first = true;
        bool more = records.MoveNext();
        while (more)
        {
            int length = FillMessage(request, records, buffer.AsSpan(2, MessageLimit), first, ref more);
            if (length < 0) return false; // a record larger than a message: cannot happen for records we accepted
            await SendAsync(socket, buffer, length, cancellationToken);
            first = false;
        }
        return true;
    }

    private async Task<TransferRecords> ChooseRecordsAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        var zone = request.Zone!;
        if (request.Type != DnsType.IXFR || request.ClientSerial is not uint clientSerial) return new SnapshotRecords(zone);
        uint serial = zone.Serial;
        if (!SerialArithmetic.IsBefore(clientSerial, serial)) return ListedRecords.CurrentSoa(zone);
        var deltas = services.Journal is null ? null : await services.Journal.ReadAsync(zone.Origin, clientSerial, serial, cancellationToken);
        // RFC 1995 §4: when the differences are not known, the whole zone goes out in AXFR form.
        return deltas is null ? new SnapshotRecords(zone) : ListedRecords.Incremental(zone, deltas);
    }

    /// <summary>Writes records into one message until it is full or they end, then signs it.</summary>
    private int FillMessage(TransferRequest request, TransferRecords records, Span<byte> buffer, bool first, ref bool more)
    {
        var writer = request.StartResponse(buffer[..(buffer.Length - TsigSigner.MaxRecordLength)], withQuestion: first);
        writer.SetRcode(DnsRcode.NoError);
        int written = 0;
        while (more)
        {
            if (!records.TryWriteCurrent(ref writer))
            {
                if (written == 0) return -1;
                break;
            }
            written++;
            more = records.MoveNext();
        }
        return request.Sign(buffer, writer.Length, services.Tsig.Now);
    }

    private static async Task SendAsync(Socket socket, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)length);
        await socket.SendAsync(buffer.AsMemory(0, length + 2), SocketFlags.None, cancellationToken);
    }

    /// <summary>One message in, one out: a TSIG-signed query (answered as usual, then signed) or IXFR over UDP, answered
    /// with the current SOA so the client comes back over TCP (RFC 1995 §2).</summary>
    public int HandleSingle(ReadOnlySpan<byte> message, Span<byte> response, ReadOnlySpan<byte> clientAddress, bool overTcp, int udpLimit, IQueryHandler answerer)
    {
        var request = TransferRequest.Read(message, services.Tsig);
        ulong now = services.Tsig.Now;
        if (request.Error is not null) return request.WriteError(response, now);
        if (request.Type is DnsType.IXFR or DnsType.AXFR)
        {
            if (request.Type == DnsType.AXFR) request.Error = DnsRcode.NotImp; // AXFR has no UDP form (RFC 5936 §4.2)
            else
            {
                request.FindZone(zones, message);
                if (request.Error is null && !services.Access.MayTransfer(request.Zone!.Origin, new IPAddress(clientAddress), request.Tsig.Key))
                    request.Error = DnsRcode.Refused;
            }
            if (request.Error is not null) return request.WriteError(response, now);
            var records = ListedRecords.CurrentSoa(request.Zone!);
            bool more = records.MoveNext();
            return FillMessage(request, records, response[..Math.Min(response.Length, overTcp ? ushort.MaxValue : udpLimit)], first: true, ref more);
        }

        // A signed ordinary query: answer it without its TSIG, in the room its signature leaves, then sign.
        var tsig = request.Tsig.Record!;
        var unsigned = message[..tsig.Start].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(unsigned.AsSpan(10), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(unsigned.AsSpan(10)) - 1));
        int limit = Math.Min(overTcp ? ushort.MaxValue : udpLimit, response.Length) - TsigSigner.RecordLength(request.Signer!.Key);
        int length = answerer.Handle(unsigned, response[..limit], clientAddress, overTcp);
        if (length <= 0) return length;
        return request.Sign(response, length, now);
    }
}
