using Meridian.Platform.Model;

namespace Meridian.Platform.Services;

/// <summary>What an import did: the zone (and whether it was created), the records created, and one
/// message per record that was refused. <see cref="Skipped"/> counts SOA and NS records, which the
/// platform makes itself.</summary>
public sealed record ImportOutcome(Zone Zone, bool ZoneCreated, IReadOnlyList<Record> Records, IReadOnlyList<string> Errors, int Skipped)
{
    public bool PartialSuccess => Errors.Count > 0;
}
