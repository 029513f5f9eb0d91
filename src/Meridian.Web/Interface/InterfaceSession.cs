using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Web.Interface;

/// <summary>The signed-in user of an interface request and their partner's interface settings; set by
/// <see cref="InterfaceSessionMiddleware"/> before a page renders.</summary>
public sealed record InterfaceSession(SignedInUser SignedIn, InterfaceSettings Settings)
{
    public Platform.Auth.Actor Actor => SignedIn.Actor;

    /// <summary>The session's id: what the interface keeps per session (the last change, for undo) is keyed by it.</summary>
    public Guid SessionId => SignedIn.Actor.SessionId ?? Guid.Empty;

    /// <summary>Who the user is, as shown in the header.</summary>
    public string UserLabel => SignedIn.User.Email ?? SignedIn.User.UserIdentifier;

    /// <summary>A partner's support view: pages show, forms do not, and every post is refused.</summary>
    public bool ReadOnly => SignedIn.ReadOnly;
}
