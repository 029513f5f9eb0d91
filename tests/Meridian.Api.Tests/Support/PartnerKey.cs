using System.Net.Http.Headers;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Support;

/// <summary>One production API key of a partner account and an HTTP client that sends that key.</summary>
public sealed record PartnerKey(Guid AccountId, Guid KeyId, string Token, ApiClient Api)
{
    private static int s_partners;

    /// <summary>A new partner account with one production key, made through the platform's services.</summary>
    public static async Task<PartnerKey> CreateAsync(ApiHost host)
    {
        int n = Interlocked.Increment(ref s_partners);
        var account = await host.Service<AccountService>().CreateAsync(AccountKind.Partner, $"partner {n}", $"partner{n}@example.net", null);
        Assert.True(account.Succeeded, account.ToString());
        return await KeyOfAsync(host, account.Value.Id, "tests");
    }

    /// <summary>Another production key of the same account.</summary>
    public Task<PartnerKey> AnotherKeyAsync(ApiHost host, string name) => KeyOfAsync(host, AccountId, name);

    private static async Task<PartnerKey> KeyOfAsync(ApiHost host, Guid accountId, string name)
    {
        var key = await host.Service<ApiKeyService>().IssueAsync(accountId, name, ApiEnvironment.Production);
        Assert.True(key.Succeeded, key.ToString());
        var client = host.Anonymous(new AuthenticationHeaderValue("Bearer", key.Value.Token).ToString());
        return new PartnerKey(accountId, key.Value.Key.Id, key.Value.Token, client);
    }
}
