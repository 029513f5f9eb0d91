namespace Meridian.Platform.Publishing;

/// <summary>Where sandbox zones are answered (<c>Dns:SandboxListen</c>): an engine apart from production's, so a
/// partner's sandbox zone is never given to real resolvers and may share a name with a production zone.</summary>
public sealed class SandboxZonePublisher(IZonePublisher engine)
{
    public IZonePublisher Engine { get; } = engine;
}
