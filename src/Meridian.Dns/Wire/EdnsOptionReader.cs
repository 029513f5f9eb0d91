using System.Buffers.Binary;

namespace Meridian.Dns.Wire;

/// <summary>Walks the options in OPT RDATA (RFC 6891 §6.1.2): code, length, data, repeated.</summary>
public ref struct EdnsOptionReader
{
    private const int OptionHeaderLength = 4;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public EdnsOptionReader(ReadOnlySpan<byte> optRdata) => _data = optRdata;

    /// <summary>True when an option's length ran past the end; reading stops there.</summary>
    public bool IsMalformed { readonly get; private set; }

    /// <summary>Reads the next option; false at the end or when the rest is malformed.</summary>
    public bool TryReadNext(out EdnsOptionCode code, out ReadOnlySpan<byte> data)
    {
        code = 0;
        data = default;
        if (IsMalformed || _position == _data.Length) return false;
        if (_position + OptionHeaderLength > _data.Length)
        {
            IsMalformed = true;
            return false;
        }
        code = (EdnsOptionCode)BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        int length = BinaryPrimitives.ReadUInt16BigEndian(_data[(_position + 2)..]);
        int start = _position + OptionHeaderLength;
        if (start + length > _data.Length)
        {
            IsMalformed = true;
            return false;
        }
        data = _data.Slice(start, length);
        _position = start + length;
        return true;
    }

    /// <summary>True when the options exactly fill <paramref name="optRdata"/>.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> optRdata)
    {
        var reader = new EdnsOptionReader(optRdata);
        while (reader.TryReadNext(out _, out _))
        {
        }
        return !reader.IsMalformed;
    }
}
