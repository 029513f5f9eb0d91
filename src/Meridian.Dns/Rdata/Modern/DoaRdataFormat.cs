using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>DOA (draft-durand-doa-over-dns): enterprise, type, location, media type (a character-string)
/// and data in base64, or "-" for none.</summary>
public sealed class DoaRdataFormat : RdataFormat
{
    public static DoaRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, uint.MaxValue, out uint enterprise, out error)) return false;
        output.WriteUInt32(enterprise);
        if (!ModernFields.TryReadNumber(ref text, uint.MaxValue, out uint type, out error)) return false;
        output.WriteUInt32(type);
        if (!ModernFields.TryReadNumber(ref text, byte.MaxValue, out uint location, out error)) return false;
        output.WriteByte((byte)location);
        if (!text.TryRead(out var mediaType))
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        if (!CharacterStrings.TryAppend(mediaType, output, out error)) return false;
        if (!ModernFields.TryReadString(ref text, out var data, out error)) return false;
        if (data.SequenceEqual("-"u8)) return true;
        text.Position--;
        bool parsed = ModernBase64.TryReadTokens(ref text, output, requireData: false, out error);
        return ModernFields.CheckSpace(output, parsed, ref error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 10 || rdata[9] > rdata.Length - 10) return false;
        output.Append(BinaryPrimitives.ReadUInt32BigEndian(rdata).ToString(CultureInfo.InvariantCulture)).Append(' ');
        output.Append(BinaryPrimitives.ReadUInt32BigEndian(rdata[4..]).ToString(CultureInfo.InvariantCulture)).Append(' ');
        output.Append(rdata[8].ToString(CultureInfo.InvariantCulture)).Append(' ');
        CharacterStrings.AppendQuoted(output, rdata.Slice(10, rdata[9]));
        output.Append(' ');
        var data = rdata[(10 + rdata[9])..];
        if (data.IsEmpty) output.Append('-');
        else ModernBase64.Append(output, data);
        return true;
    }
}
