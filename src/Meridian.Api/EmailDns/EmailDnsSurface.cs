using System.Text.Json.Serialization;
using Meridian.Api.Surfaces;
using Meridian.Platform.EmailDns;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.EmailDns;

/// <summary>The Email DNS API (<c>/api/v1/dns.*</c>, <c>/api/v1/user.login</c> and the legacy <c>/api.php</c>):
/// refusals are <c>{"Errors":[{"Code":n,"Message":"…"}]}</c> as its spec shows, with the provider's own reason in an
/// added <c>"Detail"</c>. A command's failures carry the spec's code for that command; a refusal of the request as a
/// whole (authentication, scope, rate limit, unknown command, malformed body) is code 0.</summary>
public sealed class EmailDnsSurface : ApiSurface
{
    public static EmailDnsSurface Instance { get; } = new();

    public override string Name => "email-dns-api";

    /// <summary>The legacy endpoint; the <c>/api/v1</c> routes are mapped beside it with the same surface.</summary>
    public override PathString BasePath => "/api.php";

    public override object Body(int status, IReadOnlyList<Problem> problems) =>
        new EmailDnsErrorBody([.. problems.Select(p => new EmailDnsError(int.TryParse(p.Code, out int code) ? code : 0, p.Message, null))]);

    public static IResult Failure(EmailDnsFailure failure) =>
        TypedResults.Json(new EmailDnsErrorBody([new EmailDnsError(failure.Code, failure.Message, failure.Detail)]), statusCode: StatusOf(failure.Kind));

    public static int StatusOf(EmailDnsFailureKind kind) => kind switch
    {
        EmailDnsFailureKind.BadParameter => StatusCodes.Status400BadRequest,
        EmailDnsFailureKind.UnsupportedProvider or EmailDnsFailureKind.Refused => StatusCodes.Status422UnprocessableEntity,
        EmailDnsFailureKind.ProviderFailed => StatusCodes.Status502BadGateway,
        EmailDnsFailureKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status500InternalServerError,
    };

    public override string Unauthenticated(AuthFailure failure) => failure switch
    {
        AuthFailure.Missing => "Missing authentication: send 'Authorization: Bearer <key>', the APIKey parameter or a SessionID",
        AuthFailure.WrongEnvironment => "Invalid API key for this environment",
        _ => "Invalid API key or session",
    };

    public override string Forbidden(bool suspended) =>
        suspended ? "Insufficient permissions: the account is suspended" : "Insufficient permissions: the key needs the User.Update scope";
}

/// <summary>The Email DNS API's error body.</summary>
public sealed record EmailDnsErrorBody([property: JsonPropertyName("Errors")] IReadOnlyList<EmailDnsError> Errors);

/// <summary>One error: the spec's code and message, and the provider's reason when there is one.</summary>
public sealed record EmailDnsError(
    [property: JsonPropertyName("Code")] int Code,
    [property: JsonPropertyName("Message")] string Message,
    [property: JsonPropertyName("Detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail);
