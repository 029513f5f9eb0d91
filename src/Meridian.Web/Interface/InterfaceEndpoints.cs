using System.Text;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Web.Interface;

/// <summary>The embedded interface's endpoints that are not pages: the <c>login_url</c> exchange (the link is
/// exchanged once for a session cookie and redirected to <c>/ui/</c>, so the token leaves the address bar and the
/// history; a used or expired link shows a page saying so (410) — unless the browser already holds a live session of
/// the same user, which goes straight in, so a reloaded iframe keeps working), the zone-file download, and the
/// pages' stylesheet and script.</summary>
public static class InterfaceEndpoints
{
    public const string HomePath = "/ui/";

    public static IEndpointRouteBuilder MapInterfaceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ui/login/{token}", SignInAsync).WithName("InterfaceLogin").ExcludeFromDescription();
        routes.MapGet("/ui/domains/{zoneId:guid}/export", ExportAsync).WithName("InterfaceExport").ExcludeFromDescription();
        routes.MapGet("/ui/assets/{name}", InterfaceAssets.Serve).WithName("InterfaceAsset").ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignInAsync(string token, HttpContext http, LoginService logins, UserService users, InterfaceSettingsService settings)
    {
        var current = await logins.AuthenticateAsync(SessionCookie.Read(http.Request), http.RequestAborted);
        var exchange = await logins.ExchangeAsync(token, http.RequestAborted);
        // The partner behind the link (when the link is known), whose origins may frame the answer.
        var user = exchange.UserId is { } userId ? await users.GetAsync(userId, http.RequestAborted) : ServiceError.UserNotFound;
        var partner = user.Succeeded ? await settings.GetAsync(user.Value!.AccountId, http.RequestAborted) : null;
        FramePolicy.Apply(http.Response, partner);
        switch (exchange.Outcome)
        {
            case LoginOutcome.SignedIn:
                SessionCookie.Set(http, exchange.SessionToken!, exchange.SessionExpiresAt!.Value);
                return Results.Redirect(HomePath, permanent: false, preserveMethod: false);
            case LoginOutcome.Used or LoginOutcome.Expired when current is not null && current.User.Id == exchange.UserId:
                return Results.Redirect(HomePath);
            case LoginOutcome.Used:
                return Html(InterfacePages.LinkUsed(partner), StatusCodes.Status410Gone);
            case LoginOutcome.Expired:
                return Html(InterfacePages.LinkExpired(partner), StatusCodes.Status410Gone);
            default:
                return Html(InterfacePages.LinkUnknown(), StatusCodes.Status404NotFound);
        }
    }

    /// <summary>The zone as a BIND file, as a download. The session middleware has checked the session.</summary>
    private static async Task<IResult> ExportAsync(Guid zoneId, HttpContext http, ExportService exports)
    {
        var session = http.Features.Get<InterfaceSession>();
        if (session is null) return Results.Unauthorized();
        var export = await exports.ExportBindAsync(session.Actor, zoneId, http.RequestAborted);
        if (!export.Succeeded) return Html(InterfacePages.NotFound(), StatusCodes.Status404NotFound);
        return Results.File(Encoding.UTF8.GetBytes(export.Value!.Text), "text/dns; charset=utf-8", export.Value.FileName);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
