using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Platform.Import;

/// <summary>Reads an uploaded BIND zone file with the DNS engine's zone-file reader: standard files and the
/// hosting providers' export style (absolute owners, "IN 1d CNAME"), TTL units, <c>$GENERATE</c>.
/// <c>$TTL</c> defaults to 3600; <c>$INCLUDE</c> is refused. SOA and apex NS records are skipped (the platform
/// serves its own); NS records below the apex are delegations and are kept. A record line the reader refuses is one
/// per-record error; a directive or a broken quote/parenthesis (after which nothing can be trusted) fails
/// the whole file with its line number. The GeoDNS targets a Meridian export carries in comments are read back
/// (<see cref="GeoComments"/>).</summary>
internal static class BindFileReader
{
    /// <summary>Most records one import may hold (the file is read into memory and stored in one transaction).</summary>
    public const int MaxRecords = 250_000;

    private static readonly byte[] s_defaultTtl = "$TTL 3600\n"u8.ToArray();

    /// <summary>The zone a file is for, when it says so: its first <c>$ORIGIN</c>, else the owner of a leading
    /// SOA record. Otherwise <paramref name="firstOwner"/> is the first record's owner (a hint), or null.</summary>
    public static DnsName? FindDeclaredOrigin(byte[] file, out DnsName? firstOwner)
    {
        firstOwner = null;
        if (FindOriginDirective(file) is { } origin) return origin;
        var reader = new ZoneFileReader(WithDefaultTtl(file), new ZoneFileReaderOptions { Origin = DnsName.Root, FileName = "zone file" });
        if (!reader.TryReadNext(out var first)) return null;
        if (first.Type == DnsType.SOA) return first.Owner.ToLower();
        firstOwner = first.Owner.ToLower();
        return null;
    }

    /// <summary>Every record of the file for <paramref name="origin"/>, or the syntax error that makes the file unreadable.</summary>
    public static bool TryRead(byte[] file, DnsName origin, [NotNullWhen(true)] out ZoneFileContents? contents, [NotNullWhen(false)] out string? error)
    {
        contents = null;
        var errors = new List<string>();
        var records = new List<ImportCandidate>();
        int skipped = 0;
        // GeoDNS variants a Meridian export wrote as comments become records again (GeoComments).
        var source = GeoComments.Uncover(WithDefaultTtl(file), out var codesByLine);
        string zone = origin.ToString();
        var reader = new ZoneFileReader(source, new ZoneFileReaderOptions
        {
            Origin = origin,
            FileName = "zone file",
            Warning = warning =>
            {
                const string outside = "ignoring out-of-zone data (";
                if (warning.Message.StartsWith(outside, StringComparison.Ordinal))
                {
                    string name = warning.Message[outside.Length..^1] + ".";
                    errors.Add($"Line {warning.Line - 1}: Record {name} does not belong to domain {zone}");
                }
            },
        });
        int[]? lineStarts = null;
        while (true)
        {
            if (reader.TryReadNext(out var record))
            {
                // A few lines of $GENERATE can describe millions of records: stop reading at the cap.
                if (records.Count + skipped >= MaxRecords)
                {
                    error = $"Invalid zone file: more than {MaxRecords:N0} records; import it in several parts";
                    return false;
                }
                // The platform serves its own SOA and apex NS, which is why the spec ignores NS records. NS below
                // the apex are delegations the customer made: they are kept, so export -> import is exact.
                if (record.Type == DnsType.SOA || (record.Type == DnsType.NS && record.Owner.Equals(origin))) skipped++;
                else records.Add(new ImportCandidate(record.Owner.ToLower(), record.Type, record.Ttl, record.Data, reader.Position.Line - 1,
                    codesByLine.GetValueOrDefault(reader.Position.Line)));
                continue;
            }
            if (reader.Error is not { } failure) break;
            string message = $"Line {failure.Line - 1}: {failure.Message}";
            lineStarts ??= LineStarts(source);
            if (IsFatal(source, lineStarts, failure))
            {
                error = "Invalid zone file: " + message;
                return false;
            }
            errors.Add(message);
        }
        contents = new ZoneFileContents(records, errors, skipped);
        error = null;
        return true;
    }

    /// <summary>Directives and broken quoting/parentheses stop the import; a bad record line does not.</summary>
    private static bool IsFatal(byte[] source, int[] lineStarts, ZoneFileError failure)
    {
        if (failure.Message.StartsWith("unbalanced", StringComparison.Ordinal)) return true;
        int line = failure.Line - 1;
        return line >= 0 && line < lineStarts.Length && lineStarts[line] < source.Length && source[lineStarts[line]] == (byte)'$';
    }

    private static int[] LineStarts(byte[] source)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] == (byte)'\n') starts.Add(i + 1);
        }
        return [.. starts];
    }

    private static byte[] WithDefaultTtl(byte[] file) => [.. s_defaultTtl, .. file];

    /// <summary>The name after the first <c>$ORIGIN</c> at the start of a line (relative names are taken
    /// from the root, as at the top of a file).</summary>
    private static DnsName? FindOriginDirective(byte[] file)
    {
        var text = file.AsSpan();
        int start = 0;
        while (start < text.Length)
        {
            int end = text[start..].IndexOf((byte)'\n');
            var line = end < 0 ? text[start..] : text.Slice(start, end);
            start = end < 0 ? text.Length : start + end + 1;
            if (line.Length < 8 || !Ascii.EqualsIgnoreCase(line[..7], "$ORIGIN"u8) || line[7] is not ((byte)' ' or (byte)'\t')) continue;
            var rest = line[8..].TrimStart(" \t"u8);
            int stop = rest.IndexOfAny(" \t\r;"u8);
            var token = stop < 0 ? rest : rest[..stop];
            if (token.IsEmpty) return null;
            return DnsName.TryParse(token, DnsName.Root, out var name, out _) ? name.ToLower() : null;
        }
        return null;
    }
}
