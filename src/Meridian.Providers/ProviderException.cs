namespace Meridian.Providers;

/// <summary>A provider refused or failed a call. <see cref="Reason"/> is the provider's own words (its error message
/// and code), safe to show the customer: adapters never put credentials in it.</summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string provider, string reason, int? status = null, bool credentialsRefused = false)
        : base($"{provider}: {reason}")
    {
        Provider = provider;
        Reason = reason;
        Status = status;
        CredentialsRefused = credentialsRefused;
    }

    public ProviderException()
        : this("provider", "failed")
    {
    }

    public ProviderException(string message)
        : this("provider", message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Provider = "provider";
        Reason = message;
    }

    public string Provider { get; } = "provider";

    public string Reason { get; } = "";

    /// <summary>The provider's HTTP status, when it answered with one.</summary>
    public int? Status { get; }

    /// <summary>The provider said the credentials are wrong, expired or lack access.</summary>
    public bool CredentialsRefused { get; }
}
