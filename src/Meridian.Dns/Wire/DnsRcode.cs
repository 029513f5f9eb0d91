namespace Meridian.Dns.Wire;

/// <summary>Response codes (IANA "DNS RCODEs"). Values above 15 need EDNS: the low 4 bits go in the
/// header, the high 8 bits in the OPT record's extended RCODE field (RFC 6891 §6.1.3).</summary>
public enum DnsRcode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
    YXDomain = 6,
    YXRRSet = 7,
    NXRRSet = 8,
    NotAuth = 9,
    NotZone = 10,
    DsoTypeNI = 11,

    /// <summary>Unsupported EDNS version (RFC 6891). TSIG uses the same value for BADSIG (RFC 8945).</summary>
    BadVers = 16,
    BadKey = 17,
    BadTime = 18,
    BadMode = 19,
    BadName = 20,
    BadAlg = 21,
    BadTrunc = 22,
    BadCookie = 23,
}
