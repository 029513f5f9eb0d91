namespace Meridian.Dns.Wire;

/// <summary>The 4-bit OPCODE of the header (IANA "DNS OpCodes").</summary>
public enum DnsOpcode : byte
{
    Query = 0,
    IQuery = 1,
    Status = 2,
    Notify = 4,
    Update = 5,
    Dso = 6,
}
