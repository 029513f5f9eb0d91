using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Dns.Server.Update;

/// <summary>Answers RFC 2136 UPDATE messages, over TCP and UDP, off the query path: the TSIG is verified (an unsigned
/// update is REFUSED, a bad signature NOTAUTH with the RFC 8945 error), the message read, and the change handed to
/// <see cref="IDnsUpdateHandler"/>; the response echoes the zone section and is signed with the request's key.</summary>
internal sealed partial class DnsUpdateServer(TsigVerifier tsig, IDnsUpdateHandler handler, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>A cheap look at the raw header: a request (not a response) with opcode UPDATE.</summary>
    public static bool IsUpdate(ReadOnlySpan<byte> message) =>
        message.Length >= DnsHeader.Length && (message[2] & 0x80) == 0 && ((message[2] >> 3) & 0x0F) == (int)DnsOpcode.Update;

    public async Task<int> HandleAsync(ReadOnlyMemory<byte> message, Memory<byte> response, CancellationToken cancellationToken)
    {
        var request = TransferRequest.Read(message.Span, tsig);
        if (request.Error is null) request.Error = await DecideAsync(message, request, cancellationToken);
        return request.WriteError(response.Span, tsig.Now);
    }

    /// <summary>For the UDP workers, which answer synchronously: the worker waits for the write. Only messages signed
    /// with a known key get as far as the database, so an unauthenticated flood cannot hold the workers.</summary>
    public int Handle(ReadOnlySpan<byte> message, Span<byte> response)
    {
        var copy = message.ToArray();
        var buffer = new byte[Math.Min(response.Length, ushort.MaxValue)];
        int length = HandleAsync(copy, buffer, CancellationToken.None).GetAwaiter().GetResult();
        if (length <= 0) return length;
        buffer.AsSpan(0, length).CopyTo(response);
        return length;
    }

    private async Task<DnsRcode> DecideAsync(ReadOnlyMemory<byte> message, TransferRequest request, CancellationToken cancellationToken)
    {
        // RFC 2136 §3.3 leaves the policy to the server: ours is that only a TSIG key scoped to the zone may change it.
        if (request.Tsig.Status != TsigStatus.Valid) return DnsRcode.Refused;
        if (!UpdateMessage.TryRead(message.Span, out var update, out var error)) return error;
        try
        {
            return await handler.ApplyAsync(update!, request.Tsig.Key!, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, e, update!.Zone.ToString(), request.Tsig.Key!.Name.ToString());
            return DnsRcode.ServFail;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "DNS UPDATE of {Zone} signed with {Key} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string zone, string key);
}
