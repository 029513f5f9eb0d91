using Meridian.Dns.Names;

namespace Meridian.Dns.Text;

/// <summary>Hands the record-data tokens of one record to an rdata parser, in order. Names in the data
/// are relative to <see cref="Origin"/>.</summary>
public ref struct RdataTextReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly ReadOnlySpan<TextToken> _tokens;
    private int _next;

    public RdataTextReader(ReadOnlySpan<byte> source, ReadOnlySpan<TextToken> tokens, DnsName origin)
    {
        _source = source;
        _tokens = tokens;
        Origin = origin;
    }

    public DnsName Origin { get; }

    /// <summary>True while tokens remain.</summary>
    public readonly bool HasMore => _next < _tokens.Length;

    /// <summary>How many tokens remain.</summary>
    public readonly int Remaining => _tokens.Length - _next;

    /// <summary>Index of the next token; assignable, so a parser can look ahead and step back.</summary>
    public int Position
    {
        readonly get => _next;
        set => _next = Math.Clamp(value, 0, _tokens.Length);
    }

    /// <summary>The token most recently read (or the first, before any read): where an error points.</summary>
    public readonly TextToken ErrorToken => _tokens.IsEmpty ? default : _tokens[Math.Clamp(_next - 1, 0, _tokens.Length - 1)];

    /// <summary>Reads the next token's raw octets, quoted or not.</summary>
    public bool TryRead(out ReadOnlySpan<byte> text) => TryRead(out text, out _);

    /// <summary>Reads the next token's raw octets and whether it was quoted.</summary>
    public bool TryRead(out ReadOnlySpan<byte> text, out bool quoted)
    {
        if (_next >= _tokens.Length)
        {
            text = default;
            quoted = false;
            return false;
        }
        var token = _tokens[_next++];
        text = _source.Slice(token.Start, token.Length);
        quoted = token.Quoted;
        return true;
    }

    /// <summary>Looks at the next token without consuming it.</summary>
    public readonly bool TryPeek(out ReadOnlySpan<byte> text, out bool quoted)
    {
        if (_next >= _tokens.Length)
        {
            text = default;
            quoted = false;
            return false;
        }
        var token = _tokens[_next];
        text = _source.Slice(token.Start, token.Length);
        quoted = token.Quoted;
        return true;
    }
}
