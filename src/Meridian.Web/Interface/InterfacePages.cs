using System.Text.Encodings.Web;
using Meridian.Platform.Model;

namespace Meridian.Web.Interface;

/// <summary>The interface's pages that are shown without a session: the sign-in link's outcomes and the "session
/// ended" page. They carry the partner's frame origins so that the script can tell the partner's frame
/// (<c>meridian:session-expired</c>). Every value from users or partners is HTML-encoded.</summary>
internal static class InterfacePages
{
    private static readonly HtmlEncoder s_html = HtmlEncoder.Default;

    public static string LinkUsed(InterfaceSettings? settings = null) => Message("This sign-in link has already been used",
        "Each sign-in link works once. Go back to the application you came from and open DNS management again to get a new link.", settings, expired: true);

    public static string LinkExpired(InterfaceSettings? settings = null) => Message("This sign-in link has expired",
        "Sign-in links work for 24 hours. Go back to the application you came from and open DNS management again to get a new link.", settings, expired: true);

    public static string LinkUnknown() => Message("This sign-in link is not valid",
        "Check that the whole link was opened, or go back to the application you came from and open DNS management again.", null, expired: false);

    public static string ReadOnly(InterfaceSettings? settings) => Message("This is a read-only view",
        "It was opened from the partner dashboard for support: it shows the user's domains and records but changes nothing.", settings, expired: false);

    public static string NotFound() => Message("Not found", "There is no such domain among yours.", null, expired: false);

    public static string SignedOut(InterfaceSettings? settings = null) => Message("You are not signed in",
        "Open DNS management from the application you came from to sign in.", settings, expired: true);

    public static string SessionExpired(InterfaceSettings? settings = null) => Message("Your session has ended",
        "For your security, sessions end after 24 hours or when you sign out. Open DNS management again from the application you came from to continue.",
        settings, expired: true);

    private static string Message(string title, string text, InterfaceSettings? settings, bool expired)
    {
        string origins = string.Join(' ', settings?.FrameOrigins ?? []);
        string brand = settings?.DisplayName is { } name ? Encode(name) : "DNS management";
        string support = settings?.SupportUrl is { } url ? $"<p><a href=\"{Encode(url)}\">Get help</a></p>" : "";
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="meridian-frame-origins" content="{Encode(origins)}">
            {(expired ? "<meta name=\"meridian-event\" content=\"session-expired\">" : "")}
            <title>{Encode(title)}</title>
            <link rel="stylesheet" href="/ui/assets/meridian.css">
            <script src="/ui/assets/meridian.js" defer></script>
            </head>
            <body>
            <header class="brand"><span class="brand-name">{brand}</span></header>
            <main id="main" class="message">
            <h1>{Encode(title)}</h1>
            <p>{Encode(text)}</p>
            {support}
            </main>
            </body>
            </html>
            """;
    }

    private static string Encode(string text) => s_html.Encode(text);
}
