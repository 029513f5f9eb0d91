using Meridian.Api.Surfaces;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Http;

/// <summary>Refusals of the surfaces whose shape is <c>{"error": "…"}</c> (Client and admin APIs), for their
/// endpoints and for <see cref="JsonBody"/>.</summary>
public static class ApiErrors
{
    private static readonly SingleErrorSurface s_shape = SingleErrorSurface.Client;

    public static IResult From(ServiceError error) => s_shape.From(error);

    public static int StatusOf(ServiceErrorKind kind) => s_shape.StatusOf(kind);

    public static IResult Result(int status, string message) => s_shape.Error(status, message);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);
}
