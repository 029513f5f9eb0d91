using Meridian.Web.Components;
using Meridian.Web.Interface;
using Meridian.Web.Interface.Delegation;
using Meridian.Web.Partner;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Web.Hosting;

/// <summary>Registers and maps the web interface: server-rendered Razor components (static SSR, no framework script),
/// the session guard, antiforgery on every form, and the interface's own endpoints.</summary>
public static class MeridianWebExtensions
{
    public static IServiceCollection AddMeridianWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // The host validates the section on start (meridian serve: with every other section, naming the key).
        services.AddOptions<InterfaceOptions>().Bind(configuration.GetSection(InterfaceOptions.Section)).ValidateOnStart();
        services.AddSingleton<DelegationChecker>();
        services.AddSingleton<LastChanges>();
        services.AddRazorComponents();
        services.AddPartnerDashboardAuthentication();
        services.AddAntiforgery(options =>
        {
            options.Cookie = new FrameCookieBuilder { Name = "meridian_antiforgery", HttpOnly = true, IsEssential = true, Path = "/" };
            // The interface decides who may frame it (FramePolicy); the antiforgery default X-Frame-Options: SAMEORIGIN
            // would forbid every partner's iframe.
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>The session guards for <c>/ui/</c> and <c>/partner</c> pages, then antiforgery validation of posted forms.</summary>
    public static WebApplication UseMeridianWeb(this WebApplication app)
    {
        app.UseMiddleware<InterfaceSessionMiddleware>();
        app.UseMiddleware<PartnerSessionMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMeridianWeb(this WebApplication app)
    {
        app.MapInterfaceEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
