using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Reads an RFC 1035 §5 zone file the way BIND 9.18 does, one record per
/// <see cref="TryReadNext"/>. Directives: <c>$ORIGIN</c>, <c>$TTL</c>, <c>$INCLUDE</c> (only when allowed),
/// <c>$GENERATE</c>, <c>$DATE</c>. Records come out in the order BIND commits them to its database, each
/// with its <see cref="Group"/>; TTLs are the ones BIND gives. After an error the caller may keep
/// reading: the rest of the bad line is skipped, as BIND does when it reports several errors.
/// Everything refused here is a syntax refusal; zone content rules live in <see cref="ZoneValidator"/>.</summary>
public sealed partial class ZoneFileReader
{
    private readonly ZoneFileReaderOptions _options;
    private readonly RecordGroups _groups = new();
    private readonly RdataBuilder _rdata = new();
    private readonly Stack<IncludeFrame> _parents = new();
    private IncludeFrame _frame;
    private bool _done;

    // BIND's TTL state: the last TTL used, whether any TTL has been seen, and the $TTL default.
    private uint _ttl;
    private bool _ttlKnown;
    private uint _defaultTtl;
    private bool _defaultTtlKnown;
    private bool _warnedRfc1035;
    private bool _warnedOldDnssec;

    public ZoneFileReader(byte[] source, ZoneFileReaderOptions options)
    {
        _options = options;
        _frame = new IncludeFrame(new ZoneFileLexer(source, source.Length, options.FileName), options.Origin);
    }

    /// <summary>Reads the whole file into memory (zone files are octets, not text) and opens a reader on it.</summary>
    public static ZoneFileReader FromFile(string path, ZoneFileReaderOptions options) =>
        new(File.ReadAllBytes(path), options);

    /// <summary>Why the last <see cref="TryReadNext"/> returned false; null when the input simply ended.</summary>
    public ZoneFileError? Error { get; private set; }

    /// <summary>Where the last record returned was written.</summary>
    public ZoneFilePosition Position { get; private set; }

    /// <summary>The commit group of the last record returned. Groups number upward in commit order; a
    /// later group's TTL replaces an earlier one's for the same RRset.</summary>
    public long Group { get; private set; }

    /// <summary>The next record, or false at the end of input (<see cref="Error"/> null) or on an error.</summary>
    public bool TryReadNext([NotNullWhen(true)] out ResourceRecord? record)
    {
        Error = null;
        while (true)
        {
            if (_groups.TryTake(out var next))
            {
                record = next.Record;
                Position = next.Position;
                Group = next.Group;
                return true;
            }
            if (_generation is not null)
            {
                if (GenerateNext()) continue;
                record = null;
                return false;
            }
            if (_done || !ProcessLine())
            {
                record = null;
                return false;
            }
        }
    }

    /// <summary>Handles one logical line; false when it held an error (then <see cref="Error"/> is set).</summary>
    private bool ProcessLine()
    {
        var lexer = _frame.Lexer;
        switch (lexer.ReadLine())
        {
            case LexOutcome.End:
                _groups.CommitAll();
                if (_parents.Count > 0) _frame = _parents.Pop();
                else _done = true;
                return true;
            case LexOutcome.Error:
                return Fail(lexer.ErrorLine, lexer.ErrorColumn, lexer.ErrorMessage!);
        }
        var tokens = lexer.Tokens;
        // BIND reads the first token of a line with quoting allowed, so "$TTL" and "owner" work quoted too.
        if (!lexer.InitialWhitespace && lexer.TextOf(tokens[0]) is [(byte)'$', ..])
            return ProcessDirective();
        return ProcessRecord();
    }

    private bool ProcessRecord()
    {
        var lexer = _frame.Lexer;
        var tokens = lexer.Tokens;
        int next = 0;
        if (!lexer.InitialWhitespace)
        {
            if (!TryReadOwner(tokens[0], out var name, out string? error)) return Fail(tokens[0], error);
            ChangeOwner(name, tokens[0]);
            next = 1;
        }
        else
        {
            if (_frame.Current is null) return Fail(tokens[0], "no current owner name");
            if (_frame.OriginChanged)
                Warn(tokens[0], $"record with inherited owner ({Bind(_frame.Current)}) immediately after $ORIGIN ({Bind(_frame.Origin)})");
        }
        _frame.OriginChanged = false;

        // [class] [TTL] [class] type — TTL and class in either order.
        if (!TryTake(tokens, ref next, out var token)) return false;
        if (!TryTakeClassAndTtl(lexer, tokens, ref next, ref token, out var dnsClass, out var classToken, out bool explicitTtl)) return false;
        var typeToken = token;
        if (!DnsTypeNames.TryParse(lexer.TextOf(typeToken), out var type))
            return Fail(typeToken, $"unknown RR type '{Latin1(lexer.TextOf(typeToken))}'");
        if (dnsClass is { } given && given != _options.Class)
            return Fail(classToken, $"class '{DnsTypeNames.ToName(given)}' != zone class '{DnsTypeNames.ToName(_options.Class)}'");
        if (type == DnsType.NS && _frame.Glue is null) _groups.CurrentHasDelegation = true;
        if (type is DnsType.MD or DnsType.MF) return Fail(typeToken, $"type '{DnsTypeNames.ToName(type)}': obsolete");
        if (ClassSpecificTypes.IsMeta(type))
            return Fail(typeToken, $"type '{DnsTypeNames.ToName(type)}': invalid use of a meta type");

        if (!TryParseRdata(type, lexer, tokens[next..], typeToken)) return false;
        if (_frame.Drop) return true;

        var data = _rdata.ToArray();
        var position = PositionOf(tokens[0]);
        if (!_ttlKnown && !_defaultTtlKnown)
        {
            if (type != DnsType.SOA || data.Length < 4) return Fail(typeToken, "no TTL specified; zone rejected");
            Warn(typeToken, "no TTL specified; using SOA MINTTL instead");
            _ttl = LimitTtl(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4)), typeToken);
            _defaultTtl = _ttl;
            _defaultTtlKnown = true;
        }
        else if (!explicitTtl && _defaultTtlKnown)
        {
            _ttl = _defaultTtl;
        }
        else if (!explicitTtl && !_warnedRfc1035)
        {
            Warn(typeToken, "using RFC1035 TTL semantics");
            _warnedRfc1035 = true;
        }
        if (type is DnsType.SIG or DnsType.NXT && !_warnedOldDnssec)
        {
            Warn(typeToken, "old style DNSSEC  zone detected");
            _warnedOldDnssec = true;
        }

        bool glue = _frame.Glue is not null;
        if (_groups.TryGetGatheredTtl(glue, type, ResourceRecord.CoveredType(type, data), out uint prior) && prior != _ttl)
        {
            Warn(typeToken, $"TTL set to prior TTL ({prior})");
            _ttl = prior;
        }
        var owner = _frame.Glue ?? _frame.Current!;
        _groups.Add(glue, new ResourceRecord(owner, type, _options.Class, _ttl, data), position);
        return true;
    }

    /// <summary>BIND's owner bookkeeping: a name that differs (even only in case) from the current one
    /// commits the current gathering, unless it is glue for an NS record just read.</summary>
    private void ChangeOwner(DnsName owner, in TextToken token)
    {
        if (_frame.Glue is not null && !_frame.Glue.Wire.SequenceEqual(owner.Wire))
        {
            _groups.CommitGlue();
            _frame.Glue = null;
        }
        if (_frame.Glue is null && (_frame.Current is null || !_frame.Current.Wire.SequenceEqual(owner.Wire)))
        {
            if (_groups.CurrentHasDelegation && _groups.IsGlueName(owner))
            {
                _frame.Glue = owner;
            }
            else
            {
                _groups.CommitCurrent();
                _frame.Current = owner;
                _groups.CurrentHasDelegation = false;
            }
        }
        _frame.Drop = !owner.IsSubdomainOf(_options.Origin);
        if (_frame.Drop) Warn(token, $"ignoring out-of-zone data ({Bind(owner)})");
    }

    /// <summary>Parses the owner token, reusing the previous owner's name when the text repeats.</summary>
    private bool TryReadOwner(in TextToken token, [NotNullWhen(true)] out DnsName? owner, [NotNullWhen(false)] out string? error)
    {
        var lexer = _frame.Lexer;
        var text = lexer.TextOf(token);
        if (_frame.LastOwner is not null && ReferenceEquals(_frame.LastOwnerOrigin, _frame.Origin) &&
            text.SequenceEqual(lexer.TextOf(_frame.LastOwnerToken)))
        {
            owner = _frame.LastOwner;
            error = null;
            return true;
        }
        if (!DnsName.TryParse(text, _frame.Origin, out owner, out error))
        {
            error = BindNameError(error);
            return false;
        }
        _frame.LastOwner = owner;
        _frame.LastOwnerOrigin = _frame.Origin;
        _frame.LastOwnerToken = token;
        return true;
    }

    /// <summary>Parses the record data into <see cref="_rdata"/>; types that are unknown in the zone's
    /// class take only the generic form.</summary>
    private bool TryParseRdata(DnsType type, ZoneFileLexer lexer, ReadOnlySpan<TextToken> tokens, in TextToken typeToken)
    {
        _rdata.Clear();
        var reader = new RdataTextReader(lexer.Text, tokens, _frame.Origin);
        if (!TryParseData(type, ref reader, out string? error))
        {
            // Whatever the type, data that is missing altogether is BIND's "unexpected end of input".
            error = tokens.IsEmpty ? "unexpected end of input" : error ?? "syntax error";
            if (tokens.IsEmpty || (!reader.HasMore && error.Contains("end of input", StringComparison.Ordinal)))
                return Fail(lexer.EndLine, lexer.EndColumn, error);
            return Fail(reader.ErrorToken, error);
        }
        if (_rdata.Overflowed) return Fail(typeToken, "ran out of space");
        if (reader.HasMore) return Fail(tokens[reader.Position], "extra input text");
        return true;
    }

    /// <summary>The data in the type's own form or the generic one. Two BIND rules sit on top of
    /// <see cref="RdataText"/>: types unknown in the zone's class take only the generic form, and for TXT
    /// <c>\#</c> starts the generic form only when a number follows (otherwise it is the text "#").</summary>
    private bool TryParseData(DnsType type, ref RdataTextReader reader, out string? error)
    {
        if (ClassSpecificTypes.RequiresGenericForm(_options.Class, type))
            return GenericRdataFormat.Instance.TryParse(ref reader, _rdata, out error);
        if (type == DnsType.TXT && GenericRdataFormat.StartsGeneric(reader) && RdataFormats.Find(type) is { } txt)
        {
            int mark = reader.Position;
            reader.TryRead(out _);
            bool numberFollows = reader.TryPeek(out var length, out bool quoted) && !quoted && !length.IsEmpty &&
                length.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
            reader.Position = mark;
            if (!numberFollows) return txt.TryParse(ref reader, _rdata, out error);
        }
        return RdataText.TryParse(type, ref reader, _rdata, out error);
    }

    /// <summary>The next token of a record's head; a quoted token there is a syntax error in BIND.</summary>
    /// <summary>Reads what may stand between the owner and the type, "[class] [TTL] [class]" (TTL and class
    /// in either order, as BIND and the hosts' export style allow), starting at <paramref name="token"/>.
    /// On return <paramref name="token"/> is the type token. An explicit TTL becomes the current TTL.
    /// False (with the error set) when the line ends before the type.</summary>
    private bool TryTakeClassAndTtl(ZoneFileLexer lexer, ReadOnlySpan<TextToken> tokens, ref int next, ref TextToken token,
        out DnsClass? dnsClass, out TextToken classToken, out bool explicitTtl)
    {
        dnsClass = null;
        classToken = default;
        explicitTtl = false;
        if (DnsClassNames.TryParse(lexer.TextOf(token), out var parsedClass))
        {
            (dnsClass, classToken) = (parsedClass, token);
            if (!TryTake(tokens, ref next, out token)) return false;
        }
        if (RecordTtl.Parse(lexer.TextOf(token), out uint ttl) == TtlParse.Ok)
        {
            _ttl = LimitTtl(ttl, token);
            _ttlKnown = true;
            explicitTtl = true;
            if (!TryTake(tokens, ref next, out token)) return false;
        }
        if (dnsClass is null && DnsClassNames.TryParse(lexer.TextOf(token), out parsedClass))
        {
            (dnsClass, classToken) = (parsedClass, token);
            if (!TryTake(tokens, ref next, out token)) return false;
        }
        return true;
    }

    private bool TryTake(ReadOnlySpan<TextToken> tokens, ref int next, out TextToken token)
    {
        if (next >= tokens.Length)
        {
            token = default;
            return Fail(_frame.Lexer.EndLine, _frame.Lexer.EndColumn, "unexpected end of input");
        }
        token = tokens[next++];
        return !token.Quoted || Fail(token, "syntax error");
    }

    private uint LimitTtl(uint ttl, in TextToken token)
    {
        if (ttl <= RecordTtl.MaxTtl) return ttl;
        Warn(token, $"$TTL {ttl} > MAXTTL, setting $TTL to 0");
        return 0;
    }

    private ZoneFilePosition PositionOf(in TextToken token) => new(_frame.Lexer.FileName, token.Line, token.Column);

    private bool Fail(in TextToken token, string message) => Fail(token.Line, token.Column, message);

    private bool Fail(int line, int column, string message)
    {
        Error = new ZoneFileError(new ZoneFilePosition(_frame.Lexer.FileName, line, column), message);
        return false;
    }

    private void Warn(in TextToken token, string message) =>
        _options.Warning?.Invoke(new ZoneFileError(PositionOf(token), message));

    /// <summary>DnsName's parse errors in BIND's words.</summary>
    private static string BindNameError(string error) => error switch
    {
        "name too long" => "ran out of space",
        "bad \\DDD escape" => "bad escape",
        "bad escape at end of name" => "unexpected end of input",
        _ => error,
    };

    /// <summary>A name as BIND prints it in messages: absolute, without the final dot.</summary>
    private static string Bind(DnsName name)
    {
        string text = name.ToString();
        return text.Length > 1 ? text[..^1] : text;
    }

    private static string Latin1(ReadOnlySpan<byte> text) => Encoding.Latin1.GetString(text);

    /// <summary>Per-file state: BIND keeps origin, current owner and glue per included file.</summary>
    private sealed class IncludeFrame(ZoneFileLexer lexer, DnsName origin)
    {
        public ZoneFileLexer Lexer { get; } = lexer;

        public DnsName Origin { get; set; } = origin;

        public DnsName? Current { get; set; }

        public DnsName? Glue { get; set; }

        /// <summary>The current owner is outside the zone: its records are read but dropped.</summary>
        public bool Drop { get; set; }

        public bool OriginChanged { get; set; }

        public DnsName? LastOwner { get; set; }

        public DnsName? LastOwnerOrigin { get; set; }

        public TextToken LastOwnerToken { get; set; }
    }
}
