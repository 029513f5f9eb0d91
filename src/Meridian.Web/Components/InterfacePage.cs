using Meridian.Platform.Services;
using Meridian.Web.Interface;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Components;

/// <summary>What every page of the embedded interface shares: the request's session (set by the session middleware),
/// the form that was posted, the session's last change (announced once to the partner's frame, and offered for
/// undo), and how a page answers "not found".</summary>
public abstract class InterfacePage : ComponentBase
{
    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;

    [Inject] protected LastChanges Changes { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected InterfaceSession Session => HttpContext.Features.Get<InterfaceSession>()
        ?? throw new InvalidOperationException("interface page without a session: the session middleware did not run");

    /// <summary>The <c>meridian:changed</c> event this page announces, if a change was made since the last page.</summary>
    protected string? Announcement { get; private set; }

    /// <summary>Set when the page's object is not the user's (or does not exist): the page shows "not found", 404.</summary>
    protected bool IsNotFound { get; private set; }

    protected override void OnInitialized()
    {
        var change = Changes.Find(Session.SessionId);
        if (change is not null && change.TakeAnnouncement()) Announcement = change.EventName;
    }

    protected IFormCollection Form => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form : FormCollection.Empty;

    protected void NotFound()
    {
        IsNotFound = true;
        HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>Remembers a change for undo and for the announcement on the next page.</summary>
    protected void Remember(LastChange change) => Changes.Record(Session.SessionId, change);

    /// <summary>Remembers a change and announces it on this very page (no redirect follows).</summary>
    protected void RememberAndAnnounce(LastChange change)
    {
        Remember(change);
        if (change.TakeAnnouncement()) Announcement = change.EventName;
    }

    /// <summary>Validation problems by field, for a failed service call; a problem without a field goes under "".</summary>
    protected static Dictionary<string, string> ByField(ServiceError error)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in error.Problems)
        {
            string key = problem.Field ?? "";
            fields[key] = fields.TryGetValue(key, out string? earlier) ? earlier + " " + problem.Message : problem.Message;
        }
        return fields;
    }
}
