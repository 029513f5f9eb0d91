using System.Net;
using System.Text.RegularExpressions;

namespace Meridian.Web.Tests.Support;

/// <summary>A signed-in interface session driven over plain HTTP (no browser): GET pages, post their forms with the
/// antiforgery token the page carried.</summary>
public sealed partial class InterfaceClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static async Task<InterfaceClient> SignInAsync(MeridianUnderTest meridian, string user)
    {
        var client = new InterfaceClient(meridian.NewBrowserlikeClient());
        string url = await meridian.LoginUrlAsync(user, meridian.HttpUrl);
        using var response = await client.Http.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a page's form: the token is read from the page first, unless <paramref name="withToken"/> is false.</summary>
    /// <param name="tokenFrom">The page to take the token from, when it is not <paramref name="path"/> itself.</param>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true,
        string? tokenFrom = null)
    {
        var values = new List<KeyValuePair<string, string>>(fields) { new("_handler", handler) };
        if (withToken)
        {
            var (_, page) = await GetAsync(tokenFrom ?? path);
            values.Add(new("__RequestVerificationToken", TokenField().Match(page).Groups[1].Value));
        }
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Adds a domain through the form; its id, from the redirect.</summary>
    public async Task<Guid> AddDomainAsync(string name)
    {
        using var response = await PostFormAsync("/ui/", "add-domain", [new("name", name)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
