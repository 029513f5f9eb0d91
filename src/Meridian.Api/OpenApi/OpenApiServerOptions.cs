namespace Meridian.Api.OpenApi;

/// <summary>Where the documents say the sandbox is. <c>Meridian:SandboxPublicUrl</c> when set; otherwise derived
/// from <c>Meridian:PublicUrl</c> by <see cref="DocumentServersTransformer.SandboxUrl"/>.</summary>
public sealed class OpenApiServerOptions
{
    public const string SandboxPublicUrlKey = "Meridian:SandboxPublicUrl";

    public string? SandboxPublicUrl { get; set; }
}
