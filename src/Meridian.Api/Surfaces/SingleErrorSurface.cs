using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Surfaces;

/// <summary>The surfaces whose refusals are <c>{"error": "…"}</c>: the Client API (its spec's shape) and the
/// operator's admin API. The first problem is the message; that is all the shape can carry.</summary>
public sealed class SingleErrorSurface(string name, PathString basePath) : ApiSurface
{
    public static SingleErrorSurface Client { get; } = new("client-api", "/api/client");

    public static SingleErrorSurface Admin { get; } = new("admin-api", "/api/admin");

    public override string Name => name;

    public override PathString BasePath => basePath;

    public override object Body(int status, IReadOnlyList<Problem> problems) => new ErrorBody(problems[0].Message);

    // The Client API spec words its 401 this way; keep it.
    public override string Unauthenticated(AuthFailure failure) => failure switch
    {
        AuthFailure.Missing => "Missing API token: send 'Authorization: Bearer <token>'",
        AuthFailure.WrongEnvironment => "Invalid API token for this environment",
        _ => "Invalid API token",
    };
}

/// <summary>The <c>{"error": "…"}</c> body.</summary>
public sealed record ErrorBody(string Error);
