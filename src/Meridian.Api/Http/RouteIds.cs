namespace Meridian.Api.Http;

/// <summary>Path identifiers are taken as strings and parsed here, so a bad one gets the surface's own
/// 400 message instead of the router's 404.</summary>
public static class RouteIds
{
    public static bool TryParse(string? text, out Guid id) => Guid.TryParse(text, out id);
}
