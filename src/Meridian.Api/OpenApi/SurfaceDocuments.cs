using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.OpenApi;

/// <summary>The surfaces that have an OpenAPI document and a place in the Swagger UI. A new surface is documented
/// by adding its line to <see cref="All"/>.</summary>
public static class SurfaceDocuments
{
    public static SurfaceDocument Partner { get; } = new(
        PartnerSurface.Instance,
        "Meridian Partner API",
        "v1",
        """
        For resellers that embed DNS management in their own product: create your users, hand each one a
        `login_url` into the embedded domain interface, and manage their domains and DNS records.

        **Authentication.** Every request carries `Authorization: Bearer <key>`. Keys starting `mk_live_` work on
        the production server, keys starting `mk_test_` on the sandbox server; sandbox and production hold separate
        data, and a key sent to the other environment is refused with 401.

        **Errors.** A refusal is `{"errors": ["…"]}` listing every problem found; each problem is also under
        `details` as `{field, code, message}` for programs. 401 and 403 bodies also carry `error`.
        Validation problems are 422, a malformed request 400.

        **Paging.** Lists take `page` (from 1) and `per_page` (1–100) and report `pagination` totals.
        """,
        // The specs show {"errors": […]} for every refusal and {"error": "…"} for authentication failures; the body
        // carries both on 401 and 403, so what a client written against either example reads is always there.
        RequiredErrorFields: status => status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? ["error"] : ["errors"],
        RateLimited: true,
        MalformedIdStatus: StatusCodes.Status404NotFound);

    public static SurfaceDocument Client { get; } = new(
        SingleErrorSurface.Client,
        "Meridian Client API",
        "1.0",
        """
        For customers managing their own domains and records: GeoDNS targets per record (`country_codes`),
        BIND zone-file import and export, and each domain's change history.

        **Authentication.** Every request carries `Authorization: Bearer <token>`.

        **Errors.** A refusal is `{"error": "…"}`; invalid input is 400.
        """);

    public static SurfaceDocument Admin { get; } = new(
        SingleErrorSurface.Admin,
        "Meridian Admin API",
        "1.0",
        """
        For the operator of a Meridian deployment, with an admin account's key: accounts (client, partner, admin),
        their domain limits and suspension, and their API keys. The `meridian accounts` and `meridian keys`
        commands do the same.

        **Authentication.** Every request carries `Authorization: Bearer <admin key>`.

        **Errors.** A refusal is `{"error": "…"}`; invalid input is 400.
        """,
        HasSandbox: false);

    public static SurfaceDocument EmailDns { get; } = new(
        Meridian.Api.EmailDns.EmailDnsSurface.Instance,
        "Meridian Email DNS API",
        "v1",
        """
        For applications that send mail for their users: find who hosts a user's DNS (`dns.provider`), verify and keep
        the user's credentials for that provider (`dns.authorize`), and publish the SPF, DKIM and DMARC records that
        make the mail deliverable (`dns.set`). Providers: cloudflare, godaddy, namecheap, dnsimple, and meridian (domains
        hosted here). The legacy `/api.php` takes the same commands named by `Command`.

        **Authentication.** A key with the `User.Update` scope as `Authorization: Bearer <key>` or as the `APIKey`
        parameter, or a `SessionID` from `POST /api/v1/user.login`. `APIKey` (your key) and `ApiKey` (the DNS
        provider's key) differ only by case and are matched exactly; every other parameter name is matched in any case.

        **Errors.** A refusal is `{"Errors": [{"Code": n, "Message": "…"}]}` with the spec's code for the command, and
        the provider's own reason in `Detail` when it has one. Refusals of the request itself are code 0.

        **Rate limit.** 100 requests per 60 seconds per key.
        """,
        RateLimited: true);

    public static SurfaceDocument Simple { get; } = new(
        Meridian.Api.Simple.SimpleSurface.Instance,
        "Meridian Simple API",
        "1.0",
        """
        A drop-in for the original dns-api: shell scripts point names at hosts with one request, e.g.
        `POST /simple/records/A/example.com/api/192.0.2.10`. The same API answers at `/` on `SimpleApi:Listen`.
        `GET /simple/` is a health check that needs no token.

        **Authentication.** Every request carries `Authorization: Bearer <token>`, a token printed by
        `meridian token create --user NAME` (or by the original's generator with the same secret). A missing or bad
        token is 401.

        **Answers.** Every body is `{"data": …, "meta": {"status": N}}`; a refusal is
        `{"errors": [{"title": "…"}], "meta": {"status": N}}`. Invalid input is 400. A write for a suspended account is
        403; on the `dnsimple` backend a change DNSimple refused or failed is 502 and changes nothing. Each Simple API user
        has the request budget of the `RateLimits` section (429 with Retry-After beyond it).
        """,
        RateLimited: true,
        HasSandbox: false,
        MalformedIdStatus: StatusCodes.Status404NotFound);

    /// <summary>Every documented surface, in the order the Swagger UI lists them.</summary>
    public static IReadOnlyList<SurfaceDocument> All { get; } = [Partner, Client, Admin, EmailDns, Simple];
}
