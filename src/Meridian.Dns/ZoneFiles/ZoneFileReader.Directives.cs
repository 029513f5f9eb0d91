using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.ZoneFiles;

/// <summary>The <c>$</c> directives.</summary>
public sealed partial class ZoneFileReader
{
    private long _dateOffset;
    private Generation? _generation;
    private byte[]? _ownerBuffer;
    private byte[]? _dataBuffer;

    private bool ProcessDirective()
    {
        var lexer = _frame.Lexer;
        var tokens = lexer.Tokens;
        var name = lexer.TextOf(tokens[0]);
        if (Ascii.EqualsIgnoreCase(name, "$ORIGIN"u8)) return ProcessOrigin(tokens);
        if (Ascii.EqualsIgnoreCase(name, "$TTL"u8)) return ProcessTtl(tokens);
        if (Ascii.EqualsIgnoreCase(name, "$INCLUDE"u8)) return ProcessInclude(tokens);
        if (Ascii.EqualsIgnoreCase(name, "$DATE"u8)) return ProcessDate(tokens);
        if (Ascii.EqualsIgnoreCase(name, "$GENERATE"u8)) return ProcessGenerate(tokens);
        return Fail(tokens[0], $"unknown $ directive '{Latin1(name)}'");
    }

    private bool ProcessOrigin(ReadOnlySpan<TextToken> tokens)
    {
        int next = 1;
        if (!TryTake(tokens, ref next, out var token)) return false;
        if (!DnsName.TryParse(_frame.Lexer.TextOf(token), _frame.Origin, out var origin, out string? error))
            return Fail(token, BindNameError(error));
        _frame.Origin = origin;
        _frame.OriginChanged = true;
        return ExpectEndOfLine(tokens, next);
    }

    private bool ProcessTtl(ReadOnlySpan<TextToken> tokens)
    {
        int next = 1;
        if (!TryTake(tokens, ref next, out var token)) return false;
        switch (RecordTtl.Parse(_frame.Lexer.TextOf(token), out uint ttl))
        {
            case TtlParse.Bad: return Fail(token, "bad ttl");
            case TtlParse.OutOfRange: return Fail(token, "out of range");
        }
        _ttl = LimitTtl(ttl, token);
        _defaultTtl = _ttl;
        _defaultTtlKnown = true;
        return ExpectEndOfLine(tokens, next);
    }

    private bool ProcessInclude(ReadOnlySpan<TextToken> tokens)
    {
        var lexer = _frame.Lexer;
        _groups.CommitAll();
        if (!_options.AllowInclude) return Fail(tokens[0], "$INCLUDE not allowed");
        if (_dateOffset != 0) return Fail(tokens[0], "$INCLUDE may not be used with $DATE");
        if (tokens.Length < 2) return Fail(lexer.EndLine, lexer.EndColumn, "unexpected end of input");
        var fileToken = tokens[1];
        string file = Latin1(lexer.TextOf(fileToken));
        var origin = _frame.Origin;
        bool originGiven = tokens.Length > 2;
        if (originGiven)
        {
            int next = 2;
            if (!TryTake(tokens, ref next, out var originToken)) return false;
            if (!DnsName.TryParse(lexer.TextOf(originToken), _frame.Origin, out origin, out string? error))
                return Fail(originToken, BindNameError(error));
            if (!ExpectEndOfLine(tokens, next)) return false;
        }
        else if (lexer.EndedAtEof)
        {
            Warn(fileToken, "unexpected end of file");
        }
        if (_parents.Count >= _options.MaxIncludeDepth) return Fail(fileToken, $"{file}: too many nested $INCLUDE files");
        string path = Path.IsPathFullyQualified(file)
            ? file
            : Path.Combine(_options.IncludeDirectory ?? Directory.GetCurrentDirectory(), file);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(fileToken, $"{file}: file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(fileToken, $"{file}: {e.Message}");
        }
        var frame = new IncludeFrame(new ZoneFileLexer(content, content.Length, file), origin)
        {
            // The included file starts with the includer's current owner; the includer gets its own
            // owner and origin back when the included file ends.
            Current = _frame.Current,
            Drop = _frame.Drop,
            OriginChanged = originGiven || _frame.OriginChanged,
        };
        _parents.Push(_frame);
        _frame = frame;
        return true;
    }

    /// <summary><c>$DATE YYYYMMDDHHMMSS</c> (BIND): when the file was dumped. TTLs are only aged by it
    /// when loading a cache, so for a zone it matters only in forbidding <c>$INCLUDE</c>.</summary>
    private bool ProcessDate(ReadOnlySpan<TextToken> tokens)
    {
        int next = 1;
        if (!TryTake(tokens, ref next, out var token)) return false;
        var text = _frame.Lexer.TextOf(token);
        if (text.Length != 14 || text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0) return Fail(token, "syntax error");
        int year = DecimalField(text, 0, 4), month = DecimalField(text, 4, 2), day = DecimalField(text, 6, 2);
        int hour = DecimalField(text, 8, 2), minute = DecimalField(text, 10, 2), second = DecimalField(text, 12, 2);
        if (year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 60)
            return Fail(token, "out of range");
        long dumped = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeSeconds() + second;
        if (dumped > uint.MaxValue) return Fail(token, "$DATE outside epoch");
        long now = (_options.Now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        if (dumped > now)
        {
            Warn(token, "$DATE in future, using current date");
            dumped = now;
        }
        _dateOffset = now - dumped;
        return ExpectEndOfLine(tokens, next);
    }

    private static int DecimalField(ReadOnlySpan<byte> text, int start, int length)
    {
        int value = 0;
        foreach (byte d in text.Slice(start, length)) value = value * 10 + (d - '0');
        return value;
    }

    /// <summary><c>$GENERATE range owner [TTL] [class] type data</c> (TTL and class in either order).</summary>
    private bool ProcessGenerate(ReadOnlySpan<TextToken> tokens)
    {
        var lexer = _frame.Lexer;
        int next = 1;
        if (!TryTake(tokens, ref next, out var rangeToken) || !TryTake(tokens, ref next, out var ownerToken)) return false;
        if (!TryTake(tokens, ref next, out var token)) return false;
        if (!TryTakeClassAndTtl(lexer, tokens, ref next, ref token, out var dnsClass, out var classToken, out bool explicitTtl)) return false;
        var typeToken = token;
        if (next >= tokens.Length) return Fail(lexer.EndLine, lexer.EndColumn, "unexpected end of input");
        var dataToken = tokens[next++];
        if (!_ttlKnown && !_defaultTtlKnown) return Fail(tokens[0], "no TTL specified");
        if (!explicitTtl && _defaultTtlKnown) _ttl = _defaultTtl;
        if (dnsClass is { } given && given != _options.Class)
            return Fail(classToken, $"class '{DnsTypeNames.ToName(given)}' != zone class '{DnsTypeNames.ToName(_options.Class)}'");
        return Generate(rangeToken, ownerToken, typeToken, dataToken) && ExpectEndOfLine(tokens, next);
    }

    private bool Generate(in TextToken rangeToken, in TextToken ownerToken, in TextToken typeToken, in TextToken dataToken)
    {
        var lexer = _frame.Lexer;
        var range = lexer.TextOf(rangeToken);
        if (!GenerateTemplate.TryParseRange(range, out int start, out int stop, out int step))
            return Fail(rangeToken, $"invalid range '{Latin1(range)}'");
        var typeText = lexer.TextOf(typeToken);
        if (!DnsTypeNames.TryParse(typeText, out var type)) return Fail(typeToken, $"unknown RR type '{Latin1(typeText)}'");
        if (ClassSpecificTypes.IsMeta(type)) return Fail(typeToken, $"meta RR type '{Latin1(typeText)}'");

        _generation = new Generation(lexer, _frame.Origin, ownerToken, dataToken, type, start, stop, step, PositionOf(rangeToken));
        return true;
    }

    /// <summary>Produces the next record of the <c>$GENERATE</c> in progress. Records are made one at a
    /// time as they are read, so a range of millions costs no memory here; each is its own commit group,
    /// as BIND commits each one at once. False on an error, which ends the generation.</summary>
    private bool GenerateNext()
    {
        var generation = _generation!;
        if (generation.Next > generation.Stop)
        {
            _generation = null;
            return true;
        }
        int iteration = (int)generation.Next;
        generation.Next += generation.Step;
        _ownerBuffer ??= new byte[GenerateTemplate.MaxOwnerLength];
        _dataBuffer ??= new byte[GenerateTemplate.MaxDataLength];
        var source = generation.Source;
        string? error = GenerateTemplate.Expand(source.TextOf(generation.OwnerToken), iteration, _ownerBuffer, out int ownerLength);
        if (error is not null) return StopGenerating(generation.OwnerToken, error);
        error = GenerateTemplate.Expand(source.TextOf(generation.DataToken), iteration, _dataBuffer, out int dataLength);
        if (error is not null) return StopGenerating(generation.DataToken, error);
        if (!DnsName.TryParse(_ownerBuffer.AsSpan(0, ownerLength), generation.Origin, out var owner, out error))
            return StopGenerating(generation.OwnerToken, BindNameError(error));
        if (!owner.IsSubdomainOf(_options.Origin))
        {
            Warn(generation.OwnerToken, $"ignoring out-of-zone data ({Bind(owner)})");
            return true;
        }
        if (!TryParseGeneratedData(generation.Type, generation.Origin, dataLength, out error)) return StopGenerating(generation.DataToken, error);
        _groups.AddAlone(new ResourceRecord(owner, generation.Type, _options.Class, _ttl, _rdata.ToArray()), generation.Position);
        return true;
    }

    private bool StopGenerating(in TextToken token, string error)
    {
        _generation = null;
        return Fail(token, error);
    }

    /// <summary>Lexes and parses one expansion of the data template (it may hold quotes, parentheses and
    /// comments of its own, as BIND re-reads it with its lexer).</summary>
    private bool TryParseGeneratedData(DnsType type, DnsName origin, int length, [NotNullWhen(false)] out string? error)
    {
        _rdata.Clear();
        var lexer = new ZoneFileLexer(_dataBuffer!, length, _frame.Lexer.FileName);
        ReadOnlySpan<TextToken> tokens = [];
        switch (lexer.ReadLine())
        {
            case LexOutcome.Error:
                error = lexer.ErrorMessage!;
                return false;
            case LexOutcome.Line:
                tokens = lexer.Tokens;
                break;
        }
        var reader = new RdataTextReader(lexer.Text, tokens, origin);
        if (!TryParseData(type, ref reader, out error))
        {
            error ??= "syntax error";
            return false;
        }
        if (_rdata.Overflowed)
        {
            error = "ran out of space";
            return false;
        }
        if (reader.HasMore || lexer.ReadLine() != LexOutcome.End)
        {
            error = "extra input text";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>BIND wants a newline after a directive's arguments; even the end of the file is "extra input text".</summary>
    private bool ExpectEndOfLine(ReadOnlySpan<TextToken> tokens, int used)
    {
        if (tokens.Length > used) return Fail(tokens[used], "extra input text");
        if (_frame.Lexer.EndedAtEof) return Fail(_frame.Lexer.EndLine, _frame.Lexer.EndColumn, "extra input text");
        return true;
    }

    /// <summary>A <c>$GENERATE</c> being expanded: its templates stay in the source they were read from.</summary>
    private sealed class Generation(ZoneFileLexer source, DnsName origin, TextToken owner, TextToken data, DnsType type,
        long next, int stop, int step, ZoneFilePosition position)
    {
        public ZoneFileLexer Source { get; } = source;

        public DnsName Origin { get; } = origin;

        public TextToken OwnerToken { get; } = owner;

        public TextToken DataToken { get; } = data;

        public DnsType Type { get; } = type;

        public long Next { get; set; } = next;

        public int Stop { get; } = stop;

        public int Step { get; } = step;

        public ZoneFilePosition Position { get; } = position;
    }
}
