using Meridian.Dns.Text;

namespace Meridian.Dns.ZoneFiles;

/// <summary>What <see cref="ZoneFileLexer.ReadLine"/> found.</summary>
internal enum LexOutcome
{
    /// <summary>A logical line with at least one token.</summary>
    Line,

    /// <summary>No more input.</summary>
    End,

    /// <summary>Malformed input; the rest of the physical line has been skipped.</summary>
    Error,
}

/// <summary>Splits zone-file octets into logical lines of tokens the way BIND's master-file lexer does:
/// white space separates tokens, <c>;</c> starts a comment, parentheses join physical lines, double quotes
/// make one token of anything but an unescaped newline, and a backslash makes the next octet ordinary.
/// Tokens point into the source; nothing is copied or decoded here.</summary>
internal sealed class ZoneFileLexer
{
    // Octet classes; everything not listed is part of a word.
    private const byte Ordinary = 0, Space = 1, Newline = 2, Return = 3, Comment = 4, Open = 5, Close = 6, Quote = 7, Escape = 8;

    private static readonly byte[] s_classes = BuildClasses();

    private readonly byte[] _text;
    private readonly int _length;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _parens;
    private TextToken[] _tokens = new TextToken[16];

    public ZoneFileLexer(byte[] text, int length, string fileName)
    {
        _text = text;
        _length = length;
        FileName = fileName;
    }

    public string FileName { get; }

    /// <summary>The source octets the tokens point into.</summary>
    public ReadOnlySpan<byte> Text => _text.AsSpan(0, _length);

    /// <summary>Tokens of the line last read.</summary>
    public ReadOnlySpan<TextToken> Tokens => _tokens.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>The line began with a space or tab: its owner is the previous record's.</summary>
    public bool InitialWhitespace { get; private set; }

    /// <summary>The line was ended by the end of the input rather than a newline.</summary>
    public bool EndedAtEof { get; private set; }

    /// <summary>Where the last line ended (for errors about missing tokens).</summary>
    public int EndLine { get; private set; }

    public int EndColumn { get; private set; }

    public string? ErrorMessage { get; private set; }

    public int ErrorLine { get; private set; }

    public int ErrorColumn { get; private set; }

    /// <summary>The text of one token.</summary>
    public ReadOnlySpan<byte> TextOf(in TextToken token) => _text.AsSpan(token.Start, token.Length);

    /// <summary>Reads the next logical line that has tokens, skipping blank and comment-only lines.</summary>
    public LexOutcome ReadLine()
    {
        while (true)
        {
            var outcome = ReadOneLine();
            if (outcome != LexOutcome.Line || Count > 0) return outcome;
        }
    }

    private LexOutcome ReadOneLine()
    {
        Count = 0;
        EndedAtEof = false;
        if (_pos >= _length) return LexOutcome.End;
        InitialWhitespace = s_classes[_text[_pos]] == Space;
        var classes = s_classes;
        while (true)
        {
            if (_pos >= _length)
            {
                if (_parens > 0)
                {
                    _parens = 0;
                    return Fail("unbalanced parentheses", _line, Column(_pos));
                }
                EndedAtEof = true;
                MarkEnd();
                return LexOutcome.Line;
            }
            byte c = _text[_pos];
            switch (classes[c])
            {
                case Space:
                    _pos++;
                    break;
                case Newline:
                    MarkEnd();
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    if (_parens == 0) return LexOutcome.Line;
                    break;
                case Return:
                    // CR LF is one line end; a lone CR also ends a line (BIND's lexer agrees).
                    if (_pos + 1 < _length && _text[_pos + 1] == (byte)'\n')
                    {
                        _pos++;
                        break;
                    }
                    MarkEnd();
                    _pos++;
                    if (_parens == 0) return LexOutcome.Line;
                    break;
                case Comment:
                    int newline = _text.AsSpan(_pos, _length - _pos).IndexOfAny((byte)'\n', (byte)'\r');
                    _pos = newline < 0 ? _length : _pos + newline;
                    break;
                case Open:
                    _parens++;
                    _pos++;
                    break;
                case Close:
                    if (_parens == 0) return Fail("unbalanced parentheses", _line, Column(_pos));
                    _parens--;
                    _pos++;
                    break;
                case Quote:
                    if (!ReadQuoted()) return LexOutcome.Error;
                    break;
                default:
                    if (!ReadWord()) return LexOutcome.Error;
                    break;
            }
        }
    }

    private bool ReadWord()
    {
        int start = _pos;
        int column = Column(_pos);
        var classes = s_classes;
        bool escaped = false;
        while (_pos < _length)
        {
            byte c = _text[_pos];
            if (escaped)
            {
                // A newline cannot be escaped outside quotes: it ends the word, backslash and all.
                if (c == (byte)'\n' || c == (byte)'\r') break;
                escaped = false;
            }
            else if (classes[c] != Ordinary)
            {
                if (c != (byte)'\\') break;
                escaped = true;
            }
            _pos++;
        }
        if (escaped && _pos >= _length)
        {
            Fail("unexpected end of input", _line, Column(_pos));
            return false;
        }
        Add(new TextToken(start, _pos - start, false, _line, column));
        return true;
    }

    private bool ReadQuoted()
    {
        int line = _line;
        int column = Column(_pos);
        int start = ++_pos;
        bool escaped = false;
        while (true)
        {
            if (_pos >= _length)
            {
                Fail("unexpected end of input", _line, Column(_pos));
                return false;
            }
            byte c = _text[_pos];
            if (escaped)
            {
                escaped = false;
                if (c == (byte)'\n')
                {
                    _line++;
                    _lineStart = _pos + 1;
                }
            }
            else if (c == (byte)'\\')
            {
                escaped = true;
            }
            else if (c == (byte)'"')
            {
                Add(new TextToken(start, _pos - start, true, line, column));
                _pos++;
                return true;
            }
            else if (c == (byte)'\n')
            {
                Fail("unbalanced quotes", line, column);
                return false;
            }
            _pos++;
        }
    }

    private void Add(in TextToken token)
    {
        if (Count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[Count++] = token;
    }

    private void MarkEnd()
    {
        EndLine = _line;
        EndColumn = Column(_pos);
    }

    private int Column(int position) => position - _lineStart + 1;

    /// <summary>Records an error and skips to the end of the physical line so reading can go on.</summary>
    private LexOutcome Fail(string message, int line, int column)
    {
        ErrorMessage = message;
        ErrorLine = line;
        ErrorColumn = column;
        Count = 0;
        _parens = 0;
        int newline = _text.AsSpan(_pos, _length - _pos).IndexOf((byte)'\n');
        _pos = newline < 0 ? _length : _pos + newline;
        return LexOutcome.Error;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[256];
        classes[' '] = Space;
        classes['\t'] = Space;
        classes['\n'] = Newline;
        classes['\r'] = Return;
        classes[';'] = Comment;
        classes['('] = Open;
        classes[')'] = Close;
        classes['"'] = Quote;
        classes['\\'] = Escape;
        return classes;
    }
}
