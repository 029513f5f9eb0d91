using System.Text;
using System.Text.Encodings.Web;
using Meridian.Platform.Model;

namespace Meridian.Web;

/// <summary>The HTML of the embedded interface's pages. Every value from users or partners is HTML-encoded.</summary>
internal static class InterfacePages
{
    private static readonly HtmlEncoder s_html = HtmlEncoder.Default;

    public static string Domains(User user, IReadOnlyList<Zone> zones)
    {
        var body = new StringBuilder();
        body.Append("<h1>Your domains</h1>");
        body.Append("<p class=\"who\">Signed in as ").Append(Encode(user.Email ?? user.UserIdentifier)).Append("</p>");
        if (zones.Count == 0)
        {
            body.Append("<p id=\"no-domains\">You have no domains yet.</p>");
        }
        else
        {
            body.Append("<ul id=\"domains\">");
            foreach (var zone in zones)
                body.Append("<li data-domain-id=\"").Append(zone.Id).Append("\">").Append(Encode(zone.Name.TrimEnd('.'))).Append("</li>");
            body.Append("</ul>");
        }
        return Page("Your domains", body.ToString());
    }

    public static string LinkUsed() => Message("This sign-in link has already been used",
        "Each sign-in link works once. Go back to the application you came from and open DNS management again to get a new link.");

    public static string LinkExpired() => Message("This sign-in link has expired",
        "Sign-in links work for 24 hours. Go back to the application you came from and open DNS management again to get a new link.");

    public static string LinkUnknown() => Message("This sign-in link is not valid",
        "Check that the whole link was opened, or go back to the application you came from and open DNS management again.");

    public static string SignedOut() => Message("You are not signed in",
        "Open DNS management from the application you came from to sign in.");

    private static string Message(string title, string text) =>
        Page(title, $"<h1>{Encode(title)}</h1><p>{Encode(text)}</p>");

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>body{"{"}font-family:system-ui,sans-serif;margin:2rem;color:#1d2733{"}"}h1{"{"}font-size:1.4rem{"}"}li{"{"}margin:.3rem 0{"}"}.who{"{"}color:#5b6776{"}"}</style>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static string Encode(string text) => s_html.Encode(text);
}
