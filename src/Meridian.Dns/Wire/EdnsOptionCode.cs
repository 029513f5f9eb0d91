namespace Meridian.Dns.Wire;

/// <summary>EDNS option codes (IANA "DNS EDNS0 Option Codes") that Meridian knows by name.</summary>
public enum EdnsOptionCode : ushort
{
    Nsid = 3,
    ClientSubnet = 8,
    Expire = 9,
    Cookie = 10,
    TcpKeepalive = 11,
    Padding = 12,
    ExtendedError = 15,
}
