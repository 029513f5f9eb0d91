namespace Meridian.Client;

/// <summary>The server could not be reached, or did not answer within the timeout, still after the retries.</summary>
public sealed class MeridianConnectionException : Exception
{
    public MeridianConnectionException(string message, Exception innerException) : base(message, innerException) { }

    public MeridianConnectionException() { }

    public MeridianConnectionException(string message) : base(message) { }

    /// <summary>Whether the last attempt ran out of time (rather than failing to connect).</summary>
    public bool TimedOut { get; init; }
}
