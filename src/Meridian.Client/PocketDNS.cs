namespace Meridian.Client;

/// <summary>The name the Partner API spec's examples use: code written from them (<c>new PocketDNS(options)</c>)
/// runs against Meridian after changing only its using line. Exactly a <see cref="MeridianClient"/>.</summary>
#pragma warning disable CA1707, IDE1006 // the spec's name, spelled as it spells it
public sealed class PocketDNS : MeridianClient
#pragma warning restore CA1707, IDE1006
{
    public PocketDNS(MeridianClientOptions options) : base(options) { }

    public PocketDNS(MeridianClientOptions options, HttpClient? httpClient) : base(options, httpClient) { }
}
