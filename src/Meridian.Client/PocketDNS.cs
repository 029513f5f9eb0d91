namespace Meridian.Client;

/// <summary>The name the Partner API spec's examples use: code written from them (<c>new PocketDNS(options)</c>)
/// runs against Meridian after changing only its using line. Exactly a <see cref="MeridianClient"/>.</summary>
public sealed class PocketDNS : MeridianClient
{
    public PocketDNS(MeridianClientOptions options) : base(options) { }

    public PocketDNS(MeridianClientOptions options, HttpClient? httpClient) : base(options, httpClient) { }
}
