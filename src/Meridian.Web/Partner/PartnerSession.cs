using Meridian.Platform.Model;

namespace Meridian.Web.Partner;

/// <summary>The partner signed in to the dashboard, as read for this request.</summary>
public sealed record PartnerSession(Account Account);
