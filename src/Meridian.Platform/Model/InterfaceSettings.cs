namespace Meridian.Platform.Model;

/// <summary>A partner's settings for the embedded interface its users see: the origins allowed to frame it (none =
/// not frameable) and its branding. One row per account; no row means the defaults.</summary>
public sealed class InterfaceSettings
{
    public Guid AccountId { get; set; }

    /// <summary>Origins ("https://app.example.com") that may embed the interface in an iframe and receive its
    /// postMessage events.</summary>
    public string[] FrameOrigins { get; set; } = [];

    /// <summary>The name shown in the interface's header instead of "DNS".</summary>
    public string? DisplayName { get; set; }

    /// <summary>An https URL of the partner's logo.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>"#RRGGBB", the colour of buttons and links.</summary>
    public string? AccentColour { get; set; }

    /// <summary>Where the interface sends users who need help (https URL or mailto:).</summary>
    public string? SupportUrl { get; set; }

    public DateTime UpdatedAt { get; set; }
}
