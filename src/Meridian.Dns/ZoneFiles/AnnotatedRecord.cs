using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>A record for <see cref="ZoneFileWriter"/> with a comment to write beside it. When
/// <paramref name="CommentedOut"/> is set the whole line is a comment (<c>; COMMENT RECORD</c>), so other
/// readers skip the record while a reader that knows the comment can still take it.</summary>
public readonly record struct AnnotatedRecord(ResourceRecord Record, string? Comment = null, bool CommentedOut = false);
