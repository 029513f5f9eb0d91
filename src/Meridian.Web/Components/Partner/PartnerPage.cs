using Meridian.Web.Partner;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Components.Partner;

/// <summary>What the dashboard's pages share: the signed-in partner (set by <see cref="PartnerSessionMiddleware"/>)
/// and the posted form.</summary>
public abstract class PartnerPage : ComponentBase
{
    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected PartnerSession Session => HttpContext.Features.Get<PartnerSession>()
        ?? throw new InvalidOperationException("dashboard page without a partner session: the middleware did not run");

    protected IFormCollection Form => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form : FormCollection.Empty;

    protected string Field(string name) => Form[name].FirstOrDefault() ?? "";
}
