using System.Runtime.CompilerServices;
using Meridian.Platform.Reading;

namespace Meridian.Api.Client;

/// <summary>The Client API's JSON for a record listing, made once per listing: the platform hands out the
/// same <see cref="ZoneRecordListing"/> while a zone's serial stands, so the bytes live exactly as long as
/// the listing they were made from and can never outlast a change.</summary>
internal static class RecordListingJson
{
    private static readonly ConditionalWeakTable<ZoneRecordListing, byte[]> s_json = [];

    public static byte[] Of(ZoneRecordListing listing) => s_json.GetValue(listing, static l => RecordJson.ArrayOf(l.Records));
}
