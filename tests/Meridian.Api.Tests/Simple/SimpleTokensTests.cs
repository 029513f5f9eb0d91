using System.Security.Cryptography;
using System.Text;
using Meridian.Api.Simple;

namespace Meridian.Api.Tests.Simple;

/// <summary>The original service's tokens, computed here independently (HMAC over base64url header and payload), against
/// <see cref="SimpleTokens"/>; and every token the verifier must refuse.</summary>
public sealed class SimpleTokensTests
{
    private static readonly byte[] s_secret = Encoding.UTF8.GetBytes("a secret of the original deployment, 40 b");

    /// <summary>RFC 7515 base64url without padding, written out rather than taken from the code under test.</summary>
    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The token the original's generator prints: header and payload JSON without spaces, HMAC with the raw secret.</summary>
    internal static string OriginalToken(byte[] secret, string user, string algorithm, string? headerJson = null)
    {
        string signingInput = Base64Url(Encoding.UTF8.GetBytes(headerJson ?? $"{{\"alg\":\"{algorithm}\"}}")) + "." +
                              Base64Url(Encoding.UTF8.GetBytes($"{{\"username\":\"{user}\"}}"));
        byte[] input = Encoding.ASCII.GetBytes(signingInput);
        byte[] signature = algorithm == "HS256" ? HMACSHA256.HashData(secret, input) : HMACSHA512.HashData(secret, input);
        return signingInput + "." + Base64Url(signature);
    }

    [Theory]
    [InlineData("HS512")]
    [InlineData("HS256")]
    public void Token_equals_the_one_computed_the_original_way_and_is_accepted(string algorithm)
    {
        string expected = OriginalToken(s_secret, "alice", algorithm);

        Assert.Equal(expected, SimpleTokens.Create(s_secret, "alice", algorithm));
        Assert.True(SimpleTokens.TryVerify(s_secret, expected, out string user));
        Assert.Equal("alice", user);
    }

    [Fact]
    public void Default_token_has_exactly_the_HS512_header()
    {
        string token = SimpleTokens.Create(s_secret, "alice");
        Assert.Equal("eyJhbGciOiJIUzUxMiJ9", token.Split('.')[0]); // {"alg":"HS512"}
        Assert.Equal("eyJ1c2VybmFtZSI6ImFsaWNlIn0", token.Split('.')[1]); // {"username":"alice"}
    }

    [Fact]
    public void Short_secrets_of_existing_deployments_sign_and_verify()
    {
        byte[] weak = Encoding.UTF8.GetBytes("s3cret");
        string token = SimpleTokens.Create(weak, "deploy");
        Assert.Equal(OriginalToken(weak, "deploy", "HS512"), token);
        Assert.True(SimpleTokens.TryVerify(weak, token, out _));
    }

    [Fact]
    public void Non_ascii_user_names_are_escaped_as_python_json_does()
    {
        Assert.Equal("\"jos\\u00e9\"", SimpleTokens.PythonJsonString("josé"));
        Assert.Equal("\"a\\\"b\\\\c\\n\\u007f\"", SimpleTokens.PythonJsonString("a\"b\\c\n\u007f"));
        string token = SimpleTokens.Create(s_secret, "josé");
        Assert.Equal(Base64Url(Encoding.ASCII.GetBytes("{\"username\":\"jos\\u00e9\"}")), token.Split('.')[1]);
        Assert.True(SimpleTokens.TryVerify(s_secret, token, out string user));
        Assert.Equal("josé", user);
    }

    public static TheoryData<string, string> Refused()
    {
        string good = OriginalToken(s_secret, "alice", "HS512");
        string[] parts = good.Split('.');
        string payload = parts[1];
        char last = parts[2][^1];
        var data = new TheoryData<string, string>
        {
            { "alg none, no signature", Base64Url("{\"alg\":\"none\"}"u8.ToArray()) + "." + payload + "." },
            { "alg none, signature kept", Base64Url("{\"alg\":\"none\"}"u8.ToArray()) + "." + payload + "." + parts[2] },
            { "alg None", OriginalToken(s_secret, "alice", "HS512", "{\"alg\":\"None\"}") },
            { "RS256 header", OriginalToken(s_secret, "alice", "HS512", "{\"alg\":\"RS256\"}") },
            { "HS384", OriginalToken(s_secret, "alice", "HS512", "{\"alg\":\"HS384\"}") },
            { "lowercase hs512", OriginalToken(s_secret, "alice", "HS512", "{\"alg\":\"hs512\"}") },
            { "no alg", OriginalToken(s_secret, "alice", "HS512", "{\"typ\":\"JWT\"}") },
            { "header not an object", OriginalToken(s_secret, "alice", "HS512", "[\"HS512\"]") },
            { "extra segment", good + "." + parts[2] },
            { "JWE-like five segments", good + ".a.b" },
            { "two segments", parts[0] + "." + parts[1] },
            { "empty", "" },
            { "padding", good + "==" },
            { "standard base64 alphabet", parts[0] + "." + payload + "." + parts[2][..^1] + "+" },
            { "whitespace", parts[0] + ". " + payload + "." + parts[2] },
            { "impossible base64 length", parts[0] + "." + payload + "." + parts[2] + new string('A', (5 - parts[2].Length % 4) % 4) },
            { "tampered signature", parts[0] + "." + payload + "." + parts[2][..^1] + (last == 'A' ? 'B' : 'A') },
            { "truncated signature", parts[0] + "." + payload + "." + parts[2][..^4] },
            { "tampered payload", parts[0] + "." + Base64Url("{\"username\":\"mallory\"}"u8.ToArray()) + "." + parts[2] },
            { "another secret", OriginalToken("another secret, also long enough...!"u8.ToArray(), "alice", "HS512") },
            { "HS256 header, HS512 signature", Base64Url("{\"alg\":\"HS256\"}"u8.ToArray()) + "." + payload + "." + parts[2] },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Verifier_refuses(string why, string token)
    {
        Assert.False(SimpleTokens.TryVerify(s_secret, token, out _), why);
    }

    [Theory]
    [InlineData("{\"user\":\"alice\"}")]
    [InlineData("{\"username\":\"\"}")]
    [InlineData("{\"username\":42}")]
    [InlineData("\"alice\"")]
    [InlineData("not json")]
    public void Verifier_refuses_a_correctly_signed_token_without_a_username(string payloadJson)
    {
        string signingInput = Base64Url("{\"alg\":\"HS512\"}"u8.ToArray()) + "." + Base64Url(Encoding.UTF8.GetBytes(payloadJson));
        string token = signingInput + "." + Base64Url(HMACSHA512.HashData(s_secret, Encoding.ASCII.GetBytes(signingInput)));
        Assert.False(SimpleTokens.TryVerify(s_secret, token, out _));
    }
}
