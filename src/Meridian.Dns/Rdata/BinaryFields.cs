using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Hex filling the rest of the data, at least one octet (TLSA, EID, NIMLOC…). When
/// <paramref name="expectedLength"/> knows the length for the fields before it (DS digest type 2 is 32
/// octets), exactly that many are read and required, as BIND does; otherwise at least
/// <paramref name="minLength"/>.</summary>
internal sealed class HexField(Func<ReadOnlySpan<byte>, int>? expectedLength = null, int minLength = 1) : RdataField
{
    public static HexField Rest { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        int expected = expectedLength?.Invoke(output.Written[rdataStart..]) ?? -1;
        if (expected >= 0) return HexText.TryReadExact(ref text, output, expected, out error);
        int start = output.Length;
        if (!HexText.TryReadRest(ref text, output, out error)) return false;
        if (output.Length - start < minLength)
        {
            error = UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        int length = rdata.Length - offset;
        int expected = expectedLength?.Invoke(rdata[..offset]) ?? -1;
        if (length < minLength || (expected >= 0 && length != expected)) return false;
        TextEncodings.AppendHex(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}

/// <summary>Base64 filling the rest of the data; <paramref name="required"/> when it must hold at least
/// one octet (it may be empty only in SINK).</summary>
internal sealed class Base64Field(bool required = true) : RdataField
{
    public static Base64Field Required { get; } = new();
    public static Base64Field Optional { get; } = new(required: false);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        int start = output.Length;
        if (!Base64Text.TryRead(ref text, output, required, out error)) return false;
        if (required && output.Length == start)
        {
            error = UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (required && offset >= rdata.Length) return false;
        Base64Text.Append(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}

/// <summary>Public key material of KEY, DNSKEY, CDNSKEY and RKEY. A KEY whose flags say "no key"
/// (RFC 2535 §3.1.2) has none: BIND then reads no data and refuses any on the wire.</summary>
internal sealed class KeyDataField(bool noKeyAllowed) : RdataField
{
    private static bool SaysNoKey(ReadOnlySpan<byte> rdata) => rdata.Length >= 2 && (rdata[0] & 0xC0) == 0xC0;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (noKeyAllowed && SaysNoKey(output.Written[rdataStart..]))
        {
            error = null;
            return true;
        }
        return Base64Field.Required.TryParse(ref text, output, rdataStart, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (noKeyAllowed && SaysNoKey(rdata)) return offset == rdata.Length;
        return Base64Field.Required.TryFormat(rdata, ref offset, output);
    }
}

/// <summary>NSEC3 and NSEC3PARAM salt: a length octet and up to 255 octets, written as one hex token or
/// <c>-</c> when empty.</summary>
internal sealed class SaltField : RdataField
{
    public static SaltField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (token.SequenceEqual("-"u8)) return true;
        if (!HexText.TryDecodeToken(token, output))
        {
            error = BadHex;
            return false;
        }
        int length = output.Length - lengthAt - 1;
        if (length > byte.MaxValue)
        {
            error = TextTooLong;
            return false;
        }
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)length);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var salt)) return false;
        if (salt.IsEmpty) output.Append('-');
        else TextEncodings.AppendHex(output, salt);
        return true;
    }
}

/// <summary>NSEC3 next hashed owner name: a length octet and 1–39 octets (what fits a 63-character
/// label), exactly 20 for SHA-1; written as one base32hex token.</summary>
internal sealed class NextHashedOwnerField : RdataField
{
    private const int MaxLength = 39;
    private const int Sha1Length = 20;

    public static NextHashedOwnerField Instance { get; } = new();

    private static bool LengthFits(byte hashAlgorithm, int length) =>
        length is >= 1 and <= MaxLength && (hashAlgorithm != 1 || length == Sha1Length);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (!Base32HexText.TryDecode(token, output))
        {
            error = BadBase32;
            return false;
        }
        int length = output.Length - lengthAt - 1;
        if (output.Overflowed || !LengthFits(output.Written[rdataStart], length))
        {
            error = OutOfRange;
            return false;
        }
        output.PatchByte(lengthAt, (byte)length);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var hash) || !LengthFits(rdata[0], hash.Length)) return false;
        Base32HexText.Append(output, hash);
        return true;
    }
}

/// <summary>The type list that ends NSEC, NSEC3 and CSYNC; only NSEC's may not be empty.</summary>
internal sealed class TypeBitmapField(bool allowEmpty) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!allowEmpty && !text.HasMore)
        {
            error = FormatError;
            return false;
        }
        return TypeBitmaps.TryRead(ref text, output, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        var bitmap = rdata[offset..];
        if (!TypeBitmaps.IsValid(bitmap, allowEmpty)) return false;
        TypeBitmaps.Append(output, bitmap);
        offset = rdata.Length;
        return true;
    }
}

/// <summary>NXT's flat type bitmap.</summary>
internal sealed class NxtBitmapField : RdataField
{
    public static NxtBitmapField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error) =>
        TypeBitmaps.TryReadNxt(ref text, output, out error);

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        var bitmap = rdata[offset..];
        if (!TypeBitmaps.IsValidNxt(bitmap)) return false;
        TypeBitmaps.AppendNxt(output, bitmap);
        offset = rdata.Length;
        return true;
    }
}

/// <summary>Digest lengths fixed by a digest type, which BIND enforces.</summary>
internal static class DigestLengths
{
    /// <summary>DS, CDS, DLV, TA: SHA-1, SHA-256, SHA-384 (RFC 4034, 4509, 6605); the type is octet 3.</summary>
    public static int Delegation(ReadOnlySpan<byte> before) => before.Length < 4 ? -1 : before[3] switch
    {
        1 => 20,
        2 => 32,
        4 => 48,
        _ => -1,
    };

    /// <summary>SSHFP: SHA-1 and SHA-256 fingerprints (RFC 4255, 6594); the type is octet 1.</summary>
    public static int SshFingerprint(ReadOnlySpan<byte> before) => before.Length < 2 ? -1 : before[1] switch
    {
        1 => 20,
        2 => 32,
        _ => -1,
    };

    /// <summary>ZONEMD: SHA-384 and SHA-512 (RFC 8976 §2.2.4); the hash algorithm is octet 5.</summary>
    public static int ZoneDigest(ReadOnlySpan<byte> before) => before.Length < 6 ? -1 : before[5] switch
    {
        1 => 48,
        2 => 64,
        _ => -1,
    };

    /// <summary>RFC 8976 §2.2.4: a ZONEMD digest has at least 12 octets.</summary>
    public const int ZoneDigestMinimum = 12;
}
