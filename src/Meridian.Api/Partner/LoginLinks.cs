using Microsoft.Extensions.Options;

namespace Meridian.Api.Partner;

/// <summary>Builds the <c>login_url</c> handed to partners: <c>{Meridian:PublicUrl}/ui/login/{token}</c>.</summary>
public sealed class LoginLinks(IOptions<PublicUrlOptions> options)
{
    public const string LoginPath = "/ui/login/";

    public string LoginUrl(string token) => options.Value.PublicUrl.TrimEnd('/') + LoginPath + token;
}

/// <summary>Where people and partners reach this deployment (<c>Meridian:PublicUrl</c>); by default the HTTP
/// listen address.</summary>
public sealed class PublicUrlOptions
{
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";
}
