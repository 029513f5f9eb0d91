using System.Text.Json.Serialization;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Surfaces;

/// <summary>The Partner API (<c>/api/v1</c>): refusals are <c>{"errors": ["…", …]}</c>, every problem listed, each also
/// as <c>{field, code, message}</c> under <c>details</c>; a 401 or 403 also carries <c>"error"</c> as the
/// authentication guide shows. Validation is 422, a malformed request 400.</summary>
public sealed class PartnerSurface : ApiSurface
{
    public static PartnerSurface Instance { get; } = new();

    public override string Name => "partner-api";

    public override PathString BasePath => "/api/v1";

    public override object Body(int status, IReadOnlyList<Problem> problems) => new PartnerErrorBody(
        [.. problems.Select(p => p.Message)],
        [.. problems.Select(p => new PartnerErrorDetail(p.Field, p.Code, p.Message))],
        status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? problems[0].Message : null);

    public override int StatusOf(ServiceErrorKind kind) =>
        kind == ServiceErrorKind.Validation ? StatusCodes.Status422UnprocessableEntity : base.StatusOf(kind);
}

/// <summary>The Partner API's error body.</summary>
public sealed record PartnerErrorBody(
    IReadOnlyList<string> Errors,
    IReadOnlyList<PartnerErrorDetail> Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>One problem of a Partner API refusal, for programs.</summary>
public sealed record PartnerErrorDetail(string? Field, string Code, string Message);
