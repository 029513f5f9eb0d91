namespace Meridian.Dns.Server.Listeners;

/// <summary>The budgets of one TCP listener (RFC 7766 §6.2.3): how long a connection may sit idle, how many
/// connections it holds, and how many of them one source may hold.</summary>
internal readonly record struct TcpLimits(TimeSpan IdleTimeout, int MaxConnections, int MaxConnectionsPerSource);
