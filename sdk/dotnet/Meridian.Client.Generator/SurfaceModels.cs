namespace Meridian.Client.Generator;

/// <summary>One served OpenAPI document and where its models go in Meridian.Client.</summary>
/// <param name="DocumentName">The name in <c>/openapi/{name}.json</c>.</param>
/// <param name="Namespace">The C# namespace of the document's records.</param>
/// <param name="ContextName">The System.Text.Json source-generated context that serialises them.</param>
public sealed record SurfaceModels(string DocumentName, string Namespace, string ContextName)
{
    public string FileName => $"{Namespace["Meridian.Client.".Length..]}.g.cs";

    /// <summary>Every surface the client speaks. One namespace per surface, because the documents reuse names
    /// (each has its own <c>CreateDomainRequest</c>, <c>ChangesResponse</c>, error body).</summary>
    public static IReadOnlyList<SurfaceModels> All { get; } =
    [
        new("partner-api", "Meridian.Client.PartnerApi", "PartnerApiJsonContext"),
        new("client-api", "Meridian.Client.ClientApi", "ClientApiJsonContext"),
        new("email-dns-api", "Meridian.Client.EmailDnsApi", "EmailDnsApiJsonContext"),
        new("simple-api", "Meridian.Client.SimpleApi", "SimpleApiJsonContext"),
    ];
}
