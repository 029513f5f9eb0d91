using Meridian.Api.Surfaces;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Simple;

/// <summary>The Simple API (<c>/simple</c>, and <c>/</c> on <c>SimpleApi:Listen</c>): the original dns-api's envelope.
/// Refusals are <c>{"errors": [{"title": "…"}], "meta": {"status": N}}</c> with the original's titles ("Unauthorized",
/// "Route not found", "Method not allowed", …); invalid input is 400.</summary>
public sealed class SimpleSurface : ApiSurface
{
    public static SimpleSurface Instance { get; } = new();

    public override string Name => "simple-api";

    public override PathString BasePath => "/simple";

    public override string RouteNotFound => "Route not found";

    public override object Body(int status, IReadOnlyList<Problem> problems) =>
        new SimpleErrorBody([.. problems.Select(p => new SimpleErrorTitle(p.Message))], new SimpleMeta(status));

    // The original answered every authentication failure with one title.
    public override string Unauthenticated(AuthFailure failure) => "Unauthorized";

    public override string Forbidden(bool suspended) => "Forbidden";
}
