namespace Meridian.Client;

/// <summary>The client's settings cannot work (no key, no server address, a sandbox key for production); thrown
/// before any request is sent.</summary>
public sealed class MeridianConfigurationException : Exception
{
    public MeridianConfigurationException(string message) : base(message) { }

    public MeridianConfigurationException() { }

    public MeridianConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
