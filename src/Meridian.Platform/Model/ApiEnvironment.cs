namespace Meridian.Platform.Model;

/// <summary>Where a key and the zones made with it live: real DNS (<c>mk_live_</c>) or a sandbox (<c>mk_test_</c>).</summary>
public enum ApiEnvironment
{
    Production,
    Sandbox,
}
