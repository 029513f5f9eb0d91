using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Meridian.Api.Tests.Support;

/// <summary>HTTP/1.1 written by hand over a socket, for requests no HTTP client will send: malformed framing, a body
/// that stalls.</summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Head, JsonElement? Body);

    /// <summary>Sends <paramref name="head"/> (its lines end in CRLF on the wire) and then <paramref name="body"/> as it is, and
    /// reads the answer until the server closes the connection. A body shorter than its Content-Length stalls.</summary>
    public static async Task<Response> SendAsync(Uri server, string head, string body = "", TimeSpan? timeout = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port));
        await socket.SendAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n" + body));
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0) received.Write(buffer, 0, read);
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static Response Parse(string text)
    {
        int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headEnd > 0, $"no HTTP response: '{text}'");
        string head = text[..headEnd];
        int status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        // The body may be chunked: the JSON object is what lies between its first '{' and last '}'.
        string rest = text[(headEnd + 4)..];
        int open = rest.IndexOf('{', StringComparison.Ordinal);
        int close = rest.LastIndexOf('}');
        JsonElement? body = open >= 0 && close > open ? JsonDocument.Parse(rest[open..(close + 1)]).RootElement.Clone() : null;
        return new Response(status, head, body);
    }
}
