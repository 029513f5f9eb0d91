namespace Meridian.Dns.Rdata;

/// <summary>Rdata parse errors, worded as BIND words them so that people moving zones between the two
/// see familiar messages.</summary>
public static class RdataErrors
{
    public const string UnexpectedEnd = "unexpected end of input";
    public const string UnexpectedToken = "unexpected token";
    public const string BadNumber = "not a valid number";
    public const string OutOfRange = "out of range";
    public const string Syntax = "syntax error";
    public const string BadHex = "bad hex encoding";
    public const string BadBase64 = "bad base64 encoding";
    public const string BadBase32 = "bad base32 encoding";
    public const string UnknownMnemonic = "unknown class/type";
    public const string UnknownFlag = "unknown flag";
    public const string UnknownProtocol = "unknown protocol";
    public const string UnknownService = "unknown service";
    public const string TextTooLong = "text too long";
    public const string BadDottedQuad = "bad dotted quad";

    /// <summary>BIND's message for data its wire-format check refuses (e.g. an empty NSEC type map).</summary>
    public const string FormatError = "FORMERR";
}
