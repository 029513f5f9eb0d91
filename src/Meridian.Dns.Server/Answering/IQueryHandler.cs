namespace Meridian.Dns.Server.Answering;

/// <summary>Turns one query message into one response message. A handler instance belongs to one
/// worker thread and may keep scratch state; listeners create one per worker.</summary>
internal interface IQueryHandler
{
    /// <summary>Writes the response to <paramref name="query"/> into <paramref name="response"/> and
    /// returns its length, or 0 when the query is to be dropped without an answer.</summary>
    /// <param name="clientAddress">The source address octets (4 for IPv4, 16 for IPv6; empty when unknown).</param>
    /// <param name="overTcp">TCP answers may be up to 65,535 octets and are never truncated for size.</param>
    int Handle(ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> clientAddress, bool overTcp);
}
