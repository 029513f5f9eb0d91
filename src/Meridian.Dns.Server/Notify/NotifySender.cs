using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Microsoft.Extensions.Logging;

namespace Meridian.Dns.Server.Notify;

/// <summary>Tells secondaries that a zone changed (NOTIFY, RFC 1996) over UDP: one conversation per zone and secondary,
/// which sends the newest serial, waits for the answer and sends again until one comes (RFC 1996 §3.6), the wait
/// doubling up to a minute. A change that comes while a NOTIFY is out is announced once that one is answered, and no
/// more often than the minimum interval per zone and secondary, so a burst of writes is one or two NOTIFY messages.</summary>
/// <param name="key">The key to sign with, asked before each message (keys may be made after start); null: unsigned.</param>
public sealed partial class NotifySender(Func<TsigKey?>? key, TimeSpan retry, TimeSpan minInterval, ILogger<NotifySender> logger, TimeProvider? time = null) : IDisposable
{
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(DnsName Zone, IPEndPoint Target), Conversation> _conversations = new();
    private readonly CancellationTokenSource _stopping = new();

    private sealed class Conversation
    {
        public uint Serial;
        public ZoneRecord? Soa;
        public bool Running;
        public long LastSent = long.MinValue;
        public readonly Lock Gate = new();
    }

    /// <summary>Messages acknowledged so far (for tests and metrics).</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    private long _acknowledged;

    /// <summary>Announces <paramref name="serial"/> of <paramref name="zone"/> to each target; returns at once.</summary>
    /// <param name="soa">The zone's SOA at that serial: sent in the answer section (RFC 1996 §3.7), so the secondary
    /// reads the new serial from the NOTIFY itself. Null: the question alone.</param>
    public void ZoneChanged(DnsName zone, uint serial, IReadOnlyList<IPEndPoint> targets, ZoneRecord? soa = null)
    {
        if (_stopping.IsCancellationRequested) return;
        foreach (var target in targets)
        {
            var conversation = _conversations.GetOrAdd((zone.ToLower(), target), _ => new Conversation());
            bool start;
            lock (conversation.Gate)
            {
                conversation.Serial = serial;
                conversation.Soa = soa;
                start = !conversation.Running;
                conversation.Running = true;
            }
            if (start) _ = Task.Run(() => ConverseAsync(zone, target, conversation));
        }
    }

    private async Task ConverseAsync(DnsName zone, IPEndPoint target, Conversation conversation)
    {
        var wait = retry;
        uint acknowledged = 0;
        bool any = false;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                uint serial;
                ZoneRecord? soa;
                lock (conversation.Gate)
                {
                    serial = conversation.Serial;
                    soa = conversation.Soa;
                    if (any && serial == acknowledged)
                    {
                        conversation.Running = false;
                        return;
                    }
                }
                if (conversation.LastSent != long.MinValue)
                {
                    var since = _time.GetElapsedTime(conversation.LastSent);
                    if (since < minInterval) await Task.Delay(minInterval - since, _time, _stopping.Token);
                }
                conversation.LastSent = _time.GetTimestamp();
                var outcome = await SendOnceAsync(zone, soa, target, wait);
                if (outcome is DnsRcode rcode)
                {
                    any = true;
                    acknowledged = serial;
                    wait = retry;
                    Interlocked.Increment(ref _acknowledged);
                    if (rcode != DnsRcode.NoError) LogRefused(logger, zone.ToString(), target, rcode);
                    continue;
                }
                LogUnanswered(logger, zone.ToString(), target, serial, wait);
                wait = wait * 2 > MaxRetry ? MaxRetry : wait * 2;
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, zone.ToString(), target, e);
            lock (conversation.Gate) conversation.Running = false;
        }
    }

    /// <summary>Sends one NOTIFY and waits for its answer: the answer's rcode, or null when none came in time (or its TSIG did not verify).</summary>
    private async Task<DnsRcode?> SendOnceAsync(DnsName zone, ZoneRecord? soa, IPEndPoint target, TimeSpan wait)
    {
        var buffer = new byte[512 + TsigSigner.MaxRecordLength];
        ushort id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        int length = Write(buffer, id, zone, soa);
        byte[]? mac = null;
        TsigKey? signingKey = null;
        if (key is not null)
        {
            signingKey = key();
            if (signingKey is null)
            {
                LogMissingKey(logger, zone.ToString());
                await Task.Delay(wait, _time, _stopping.Token);
                return null;
            }
            length = TsigSigner.SignRequest(buffer, length, signingKey, (ulong)_time.GetUtcNow().ToUnixTimeSeconds(), out mac);
        }

        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        await socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, target, _stopping.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(wait);
        var answer = new byte[65535];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveFromAsync(answer, SocketFlags.None, new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), timeout.Token);
                if (!target.Equals(received.RemoteEndPoint)) continue;
                var message = answer.AsSpan(0, received.ReceivedBytes);
                if (!DnsHeader.TryRead(message, out var header) || header.Id != id || !header.IsResponse || header.Opcode != DnsOpcode.Notify) continue;
                if (signingKey is not null && !TsigVerifier.VerifyResponse(message, signingKey, mac!)) continue;
                return header.Rcode;
            }
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return null;
        }
    }

    private static int Write(Span<byte> buffer, ushort id, DnsName zone, ZoneRecord? soa)
    {
        var writer = new DnsMessageWriter(buffer[..512]);
        var header = new DnsHeader { Id = id, Opcode = DnsOpcode.Notify, IsAuthoritative = true };
        writer.SetHeader(header);
        writer.TryWriteQuestion(zone.Wire, DnsType.SOA, DnsClass.IN);
        // The SOA is a hint; one whose names do not fit in 512 octets is left out (nothing is written then).
        if (soa is { } record) writer.TryWriteRecord(DnsSection.Answer, zone.Wire, DnsType.SOA, DnsClass.IN, record.Ttl, record.Data);
        return writer.Length;
    }

    public void Dispose()
    {
        // Not disposed: conversations still running read its token as they end.
        _stopping.Cancel();
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} serial {Serial} to {Target} not answered; sending again in {Wait}")]
    private static partial void LogUnanswered(ILogger logger, string zone, IPEndPoint target, uint serial, TimeSpan wait);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} answered {Rcode} by {Target}")]
    private static partial void LogRefused(ILogger logger, string zone, IPEndPoint target, DnsRcode rcode);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} is to be signed, but its TSIG key does not exist")]
    private static partial void LogMissingKey(ILogger logger, string zone);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "NOTIFY for {Zone} to {Target} stopped")]
    private static partial void LogFailed(ILogger logger, string zone, IPEndPoint target, Exception exception);
}
