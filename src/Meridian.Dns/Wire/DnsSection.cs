namespace Meridian.Dns.Wire;

/// <summary>The four sections of a message, in wire order.</summary>
public enum DnsSection : byte
{
    Question = 0,
    Answer = 1,
    Authority = 2,
    Additional = 3,
}
