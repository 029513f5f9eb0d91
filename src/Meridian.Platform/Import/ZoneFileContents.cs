namespace Meridian.Platform.Import;

/// <summary>What a zone file held: the records to try, one message per record the reader refused, and how
/// many SOA/NS records were skipped.</summary>
internal sealed record ZoneFileContents(List<ImportCandidate> Records, List<string> Errors, int Skipped);
