using System.Text;
using System.Text.Json;
using Meridian.Api.Client;
using Meridian.Api.Http;
using Meridian.Platform.Model;
using Record = Meridian.Platform.Model.Record;

namespace Meridian.Api.Tests.Client;

/// <summary>The hand-written record JSON (listings, import answers) is byte for byte what the serializer makes
/// of the documented response types, for every kind of value that needs care.</summary>
public sealed class RecordJsonTests
{
    private static readonly Guid Zone = Guid.Parse("01a2076b-cfe7-7ae9-95ae-f17eb597fb7f");
    private static readonly DateTime Created = new(2026, 11, 23, 7, 57, 15, DateTimeKind.Utc);

    private static Record Make(string name, string type, string data, string[] codes, int ttl = 3600, Guid? zone = null, int extraTicks = 0) => new()
    {
        Id = Guid.CreateVersion7(), ZoneId = zone ?? Zone, Name = name, Type = type, Ttl = ttl, Data = data, CountryCodes = codes,
        CreatedAt = Created, UpdatedAt = Created.AddTicks(4_479_390 + extraTicks),
    };

    private static IReadOnlyList<Record> Awkward()
    {
        string[] global = ["disabled"];
        return
        [
            Make("example.com.", "A", "192.0.2.1", global),
            Make("example.com.", "MX", "10 mail.example.com.", global, 300),
            Make("_sip._tcp.example.com.", "SRV", "5 10 5060 sip.example.com.", ["US", "country:AS"]),
            Make("example.com.", "TXT", "\"v=spf1 include:_spf.example.net ~all\" \"<&'+>\"", ["EU"]),
            Make("xn--bcher-kva.example.com.", "TXT", "\"caf\\195\\169 \\\"quoted\\\" \\\\ back\"", global, extraTicks: 1),
            Make("*.example.com.", "CNAME", "target.example.org.", global, zone: Guid.NewGuid()),
            Make("x.example.com.", "TYPE65280", "\\# 2 abcd", [], 1),
        ];
    }

    [Fact]
    public void A_listing_is_the_bytes_the_serializer_makes_of_record_responses()
    {
        var records = Awkward();
        string expected = JsonSerializer.Serialize(records.Select(RecordResponse.From), JsonBody.Options);
        Assert.Equal(expected, Encoding.UTF8.GetString(RecordJson.ArrayOf(records)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_import_answer_is_the_bytes_the_serializer_makes_of_the_import_response(bool partial)
    {
        var zone = new Zone { Id = Zone, AccountId = Guid.NewGuid(), Name = "example.com.", Active = true, CreatedAt = Created, UpdatedAt = Created };
        // Enough records to cross the writer's flush threshold several times.
        var records = Enumerable.Range(0, 2000).SelectMany(_ => Awkward()).ToList();
        string[] errors = partial ? ["Line 3: Failed to create record a.example.com. A: duplicate record", "Line 9: \"quoted\" <bad>"] : [];
        var outcome = new Meridian.Platform.Services.ImportOutcome(zone, true, records, errors, 2);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await new ImportResult(outcome).ExecuteAsync(http);

        var expected = new ImportResponse(DomainResponse.From(zone), records.Count, partial ? true : null, partial ? errors : null,
            records.Select(RecordResponse.From).ToList());
        Assert.Equal(partial ? 206 : 201, http.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal(JsonSerializer.Serialize(expected, JsonBody.Options), Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public void An_empty_listing_is_an_empty_array()
    {
        Assert.Equal("[]", Encoding.UTF8.GetString(RecordJson.ArrayOf([])));
    }
}
