using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>A request or response body the Partner API's spec files show. <see cref="Body"/> is null for a response
/// the spec says is empty.</summary>
public abstract record SpecExample(string Where, JsonNode? Body);

/// <summary>A request body sent to one endpoint (an endpoint's "Request Body", a curl <c>-d</c>, a fetch body).</summary>
public sealed record RequestExample(string Where, string Method, string Path, JsonNode Body) : SpecExample(Where, Body);

/// <summary>What one endpoint answers with one status.</summary>
public sealed record ResponseExample(string Where, string Method, string Path, string Status, JsonNode? Body) : SpecExample(Where, Body);

/// <summary>An error body the spec gives for refusals in general: for authentication failures (401, 403) when
/// <paramref name="Authentication"/>, else for every other refusal.</summary>
public sealed record ErrorExample(string Where, bool Authentication, JsonNode Body) : SpecExample(Where, Body);

/// <summary>Finds every example body in the spec files (<c>partner-api.txt</c>, <c>partner-auth.txt</c>) by the marks
/// the prose puts before them: "Endpoint: METHOD PATH" then "Request Body:" and "Response (NNN …):", a curl command's
/// <c>-d '…'</c>, "Standard Error Response", "Example Error Response", and a fetch call's <c>JSON.stringify({…})</c>
/// body. A mark whose JSON cannot be read throws, so no example is passed over silently.</summary>
public static partial class PartnerSpecExamples
{
    public static IReadOnlyList<SpecExample> Read(string fileName, string text)
    {
        var examples = new List<SpecExample>();
        (string Method, string Path)? endpoint = null;
        var marks = Marks().Matches(text).ToList();
        for (int m = 0; m < marks.Count; m++)
        {
            var mark = marks[m];
            int next = m + 1 < marks.Count ? marks[m + 1].Index : text.Length;
            string where = $"{fileName}:{LineOf(text, mark.Index)} {mark.Value.Trim()}";
            if (mark.Groups["endpoint"].Success)
            {
                endpoint = (mark.Groups["endpointMethod"].Value, mark.Groups["endpointPath"].Value);
            }
            else if (mark.Groups["request"].Success)
            {
                var (method, path) = endpoint ?? throw new FormatException($"{where}: no Endpoint before it");
                examples.Add(new RequestExample($"{where} of {method} {path}", method, path, ObjectAfter(text, mark, next, where)!));
            }
            else if (mark.Groups["response"].Success)
            {
                var (method, path) = endpoint ?? throw new FormatException($"{where}: no Endpoint before it");
                examples.Add(new ResponseExample($"{where} of {method} {path}", method, path, mark.Groups["status"].Value,
                    ObjectAfter(text, mark, next, where, optional: true)));
            }
            else if (mark.Groups["curl"].Success)
            {
                var data = CurlData().Match(text[mark.Index..next]);
                if (data.Success)
                {
                    string path = new Uri(mark.Groups["curlUrl"].Value).AbsolutePath;
                    examples.Add(new RequestExample(where, mark.Groups["curlMethod"].Value, path, ProseJson.ReadObject(text, mark.Index + data.Index + data.Length - 1)));
                }
            }
            else if (mark.Groups["fetch"].Success)
            {
                string call = text[mark.Index..next];
                var body = FetchBody().Match(call);
                if (!body.Success) continue;   // no body, or one built from a variable: not an example
                string method = FetchMethod().Match(call) is { Success: true } found ? found.Groups[1].Value : "GET";
                string path = new Uri(new Uri("https://partner.invalid"), mark.Groups["fetchUrl"].Value).AbsolutePath;
                examples.Add(new RequestExample(where, method, path, ProseJson.ReadObject(text, mark.Index + body.Index + body.Length - 1)));
            }
            else
            {
                bool authentication = mark.Groups["authError"].Success;
                examples.Add(new ErrorExample(where, authentication, ObjectAfter(text, mark, next, where)!));
            }
        }
        return examples;
    }

    /// <summary>The object between the mark and the next mark: null when an optional one is absent (an empty body).</summary>
    private static JsonNode? ObjectAfter(string text, Match mark, int next, string where, bool optional = false)
    {
        int brace = text.IndexOf('{', mark.Index + mark.Length);
        if (brace >= 0 && brace < next) return ProseJson.ReadObject(text, brace);
        return optional ? null : throw new FormatException($"{where}: no JSON object follows");
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex("""
        (?<endpoint>Endpoint:\s*(?<endpointMethod>GET|POST|PUT|PATCH|DELETE)\s+(?<endpointPath>/\S+))
        |(?<request>Request\ Body:)
        |(?<response>Response\ \((?<status>\d{3})[^)]*\):)
        |(?<curl>curl\ -X\ (?<curlMethod>GET|POST|PUT|PATCH|DELETE)\ (?<curlUrl>https?://[^\s\\]+))
        |(?<fetch>fetch\('(?<fetchUrl>[^']+)')
        |(?<standardError>Standard\ Error\ Response)
        |(?<authError>Example\ Error\ Response)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Marks();

    [GeneratedRegex(@"-d\s+'\s*\{")]
    private static partial Regex CurlData();

    [GeneratedRegex(@"body:\s*JSON\.stringify\(\s*\{")]
    private static partial Regex FetchBody();

    [GeneratedRegex(@"method:\s*'(\w+)'")]
    private static partial Regex FetchMethod();
}
