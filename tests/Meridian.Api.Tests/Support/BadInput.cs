using System.Net.Http.Headers;

namespace Meridian.Api.Tests.Support;

/// <summary>One malformed or hostile request and the refusal it must get: the status and a fragment of the
/// error (empty: any message). Paths and bodies may name the caller's {domain}, {record} and {zone}, and
/// {unknown} (a UUID nobody has).</summary>
public sealed record BadInput(string Method, string Path, string ContentType, Func<BadInputTarget, byte[]> Body, int Status, string Fragment,
    bool Chunked = false)
{
    public string PathFor(BadInputTarget target) => target.Fill(Path);

    public HttpContent? ContentFor(BadInputTarget target)
    {
        if (Method is "GET" or "DELETE") return null;
        var bytes = Body(target);
        HttpContent content = Chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        if (ContentType.Length > 0) content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }
}

/// <summary>The caller's own objects a bad request is aimed at.</summary>
public sealed record BadInputTarget(Guid DomainId, Guid RecordId, string Zone)
{
    public Guid Unknown { get; } = Guid.NewGuid();

    public string Fill(string text) => text
        .Replace("{domain}", DomainId.ToString(), StringComparison.Ordinal)
        .Replace("{record}", RecordId.ToString(), StringComparison.Ordinal)
        .Replace("{zone}", Zone, StringComparison.Ordinal)
        .Replace("{unknown}", Unknown.ToString(), StringComparison.Ordinal);
}
