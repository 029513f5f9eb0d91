using System.Security.Cryptography;
using System.Text;

namespace Meridian.Api.Tests.Simple;

/// <summary>Tokens at the API: the original's HS512 and HS256 tokens are accepted; everything else is 401 "Unauthorized"
/// in the envelope and changes nothing.</summary>
public sealed partial class SimpleApiTests
{
    public static TheoryData<string, string?> BadAuthorizations()
    {
        byte[] secret = SimpleApiHost.SecretBytes;
        string good = SimpleTokensTests.OriginalToken(secret, "alice", "HS512");
        string[] parts = good.Split('.');
        string B64(string json) => SimpleTokensTests.Base64Url(Encoding.UTF8.GetBytes(json));
        // An RS256 token for alice: a real RSA signature, which no HMAC key may verify.
        using var rsa = RSA.Create(2048);
        string rsInput = B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1];
        string rs256 = rsInput + "." + SimpleTokensTests.Base64Url(rsa.SignData(Encoding.ASCII.GetBytes(rsInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new TheoryData<string, string?>
        {
            { "no header", null },
            { "empty bearer", "Bearer " },
            { "garbage", "Bearer not-a-token" },
            { "alg none", "Bearer " + B64("{\"alg\":\"none\"}") + "." + parts[1] + "." },
            { "RS256", "Bearer " + rs256 },
            { "HS512 header over an HS256 signature", "Bearer " + parts[0] + "." + parts[1] + "." +
                SimpleTokensTests.OriginalToken(secret, "alice", "HS256").Split('.')[2] },
            { "tampered signature", "Bearer " + parts[0] + "." + parts[1] + "." + (parts[2][0] == 'A' ? "B" : "A") + parts[2][1..] },
            { "another secret", "Bearer " + SimpleTokensTests.OriginalToken(Encoding.UTF8.GetBytes(SimpleApiHost.Secret + "!"), "alice", "HS512") },
            { "unknown user", "Bearer " + SimpleTokensTests.OriginalToken(secret, "mallory", "HS512") },
            { "extra segment", "Bearer " + good + ".x" },
            { "bad base64", "Bearer " + good.Replace('-', '+').Replace('_', '/') + "=" },
            { "Basic scheme", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("alice:" + SimpleApiHost.Secret)) },
        };
    }

    [Theory]
    [MemberData(nameof(BadAuthorizations))]
    public async Task Bad_tokens_are_401_and_change_nothing(string why, string? authorization)
    {
        using var caller = host.Anonymous(authorization);
        var before = await host.SnapshotAsync();
        var serials = await SerialsAsync();

        ExpectTitle(await caller.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/intruder/192.0.2.66"), 401, "Unauthorized");
        ExpectTitle(await caller.SendAsync(HttpMethod.Post, "/simple/records",
            new StringContent("""{"domain_type":"A","domain":"example.com","subdomain":"intruder","to":"192.0.2.66"}""")), 401, "Unauthorized");
        ExpectTitle(await caller.DeleteAsync("/simple/records/A/example.com/intruder"), 401, "Unauthorized");
        ExpectTitle(await caller.GetAsync("/simple/whoami"), 401, "Unauthorized");
        ExpectTitle(await caller.GetAsync("/simple/records"), 401, "Unauthorized");

        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Equal(serials, await SerialsAsync());
        Assert.True("NXDOMAIN" == (await DigAsync("intruder.example.com", "A")).Status, why);
    }

    [Theory]
    [InlineData("HS512")]
    [InlineData("HS256")]
    public async Task Tokens_computed_the_original_way_are_accepted(string algorithm)
    {
        using var caller = host.Anonymous("Bearer " + SimpleTokensTests.OriginalToken(SimpleApiHost.SecretBytes, "bob", algorithm));
        Assert.Equal("bob", Envelope(await caller.GetAsync("/simple/whoami")).GetProperty("data").GetProperty("id").GetString());
    }
}
