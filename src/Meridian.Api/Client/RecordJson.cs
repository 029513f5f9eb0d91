using System.Buffers;
using System.Text.Json;
using Meridian.Api.Http;
using Meridian.Platform.Model;
using Meridian.Platform.Records;

namespace Meridian.Api.Client;

/// <summary>Writes records in the shape of <see cref="RecordResponse"/> straight to a JSON writer, for the
/// answers that carry many of them (a listing, an import's 100,000 records): no response object per record,
/// and the field names, domain id and country-code lists that repeat are encoded once. The output is the
/// same bytes the serializer makes of <see cref="RecordResponse"/> with <see cref="JsonBody.Options"/>.</summary>
internal static class RecordJson
{
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_domainId = JsonEncodedText.Encode("domain_id");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_ttl = JsonEncodedText.Encode("ttl");
    private static readonly JsonEncodedText s_countryCodes = JsonEncodedText.Encode("country_codes");
    private static readonly JsonEncodedText s_priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText s_value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText s_createdAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText s_updatedAt = JsonEncodedText.Encode("updated_at");

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JsonBody.Options.Encoder, SkipValidation = true };

    /// <summary>The JSON array of <paramref name="records"/> as UTF-8 bytes.</summary>
    public static byte[] ArrayOf(IReadOnlyList<Record> records)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + records.Count * 320);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var names = new RepeatedValues();
            writer.WriteStartArray();
            foreach (var record in records) Write(writer, record, names);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One record object; <paramref name="repeated"/> carries the encodings reused from record to record.</summary>
    public static void Write(Utf8JsonWriter writer, Record record, RepeatedValues repeated)
    {
        var (priority, value) = RecordValueRules.SplitPriority(record.Type, record.Data);
        writer.WriteStartObject();
        writer.WriteString(s_id, record.Id);
        writer.WriteString(s_domainId, repeated.ZoneId(record.ZoneId));
        writer.WriteString(s_name, record.Name);
        writer.WriteString(s_type, record.Type);
        writer.WriteNumber(s_ttl, record.Ttl);
        writer.WritePropertyName(s_countryCodes);
        writer.WriteRawValue(repeated.CountryCodes(record.CountryCodes), skipInputValidation: true);
        writer.WriteNumber(s_priority, priority);
        writer.WriteString(s_value, value);
        writer.WriteString(s_createdAt, record.CreatedAt);
        writer.WriteString(s_updatedAt, record.UpdatedAt);
        writer.WriteEndObject();
    }

    /// <summary>The last zone id and country-code list encoded, reused while they repeat (they nearly always do).</summary>
    internal sealed class RepeatedValues
    {
        private Guid _zoneId;
        private JsonEncodedText _zoneIdText;
        private string[]? _codes;
        private byte[] _codesJson = [];

        public JsonEncodedText ZoneId(Guid zoneId)
        {
            if (zoneId != _zoneId || _zoneIdText.EncodedUtf8Bytes.IsEmpty) (_zoneId, _zoneIdText) = (zoneId, JsonEncodedText.Encode(zoneId.ToString()));
            return _zoneIdText;
        }

        public ReadOnlySpan<byte> CountryCodes(string[] codes)
        {
            if (!ReferenceEquals(codes, _codes) && (_codes is null || !codes.AsSpan().SequenceEqual(_codes)))
                (_codes, _codesJson) = (codes, JsonSerializer.SerializeToUtf8Bytes(codes, JsonBody.Options));
            return _codesJson;
        }
    }
}
