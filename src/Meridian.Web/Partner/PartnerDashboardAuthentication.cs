using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Web.Partner;

/// <summary>The dashboard's sign-in: after <c>AccountPasswordService</c> accepts the email and password, an encrypted
/// cookie (<c>meridian_partner</c>, ASP.NET Core Data Protection) names the account for 8 hours of use. It is
/// <c>SameSite=Strict</c>: the dashboard is never framed, so no other site's request ever carries it.</summary>
public static class PartnerDashboardAuthentication
{
    public const string Scheme = "PartnerDashboard";

    public const string CookieName = "meridian_partner";

    public static IServiceCollection AddPartnerDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/partner";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/partner/sign-in";
        });
        return services;
    }

    public static Task SignInAsync(HttpContext http, Guid accountId)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId.ToString())], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The account id of the request's dashboard cookie, or null.</summary>
    public static async Task<Guid?> AccountIdAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        string? id = result.Succeeded ? result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return Guid.TryParse(id, out var accountId) ? accountId : null;
    }
}
