using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Api.Observability;

/// <summary>Adds the API surface (<c>meridian.surface</c>) to ASP.NET Core's request metrics, so requests can be told
/// apart by surface as well as by route and status. A start-up filter, so it wraps the whole pipeline: the
/// authentication and authorization middleware that refuse a request run inside it.</summary>
public sealed class SurfaceMetricsTags : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            try
            {
                await inner(context);
            }
            finally
            {
                context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new("meridian.surface", ApiMetrics.SurfaceOf(context)));
            }
        });
        next(app);
    };
}
