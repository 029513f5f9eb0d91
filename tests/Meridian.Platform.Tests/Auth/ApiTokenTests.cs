using Meridian.Platform.Auth;
using Meridian.Platform.Model;

namespace Meridian.Platform.Tests.Auth;

public sealed class ApiTokenTests
{
    [Theory]
    [InlineData(ApiEnvironment.Production, "mk_live_")]
    [InlineData(ApiEnvironment.Sandbox, "mk_test_")]
    public void Created_tokens_parse_back_to_their_parts(ApiEnvironment environment, string prefix)
    {
        var (keyId, secret, token) = ApiToken.Create(environment);
        Assert.StartsWith(prefix, token, StringComparison.Ordinal);
        Assert.Equal(ApiToken.KeyIdLength, keyId.Length);
        Assert.Equal(ApiToken.SecretLength, secret.Length);
        Assert.True(ApiToken.TryParse(token, out var parsedEnvironment, out string? parsedKey, out string? parsedSecret));
        Assert.Equal((environment, keyId, secret), (parsedEnvironment, parsedKey, parsedSecret));
        Assert.True(ApiToken.Verify(secret, ApiToken.HashSecret(secret)));
        Assert.False(ApiToken.Verify(secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'), ApiToken.HashSecret(secret)));
    }

    [Fact]
    public void Two_tokens_never_share_a_secret() =>
        Assert.NotEqual(ApiToken.Create(ApiEnvironment.Production).Secret, ApiToken.Create(ApiEnvironment.Production).Secret);

    [Theory]
    [InlineData("mk_prod_aaaaaaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("mk_live_aaaaaaaaaaaaaaaa-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("mk_live_AAAAAAAAAAAAAAAA_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("mk_live_aaaaaaaaaaaaaaaa_aaaa")]
    public void Malformed_tokens_do_not_parse(string token) => Assert.False(ApiToken.TryParse(token, out _, out _, out _));
}
