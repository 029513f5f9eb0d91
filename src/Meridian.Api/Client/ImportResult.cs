using System.Text.Json;
using Meridian.Api.Http;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Client;

/// <summary>The answer to a BIND import (the shape of <see cref="ImportResponse"/>), streamed to the response
/// as it is written: the spec lists every created record, which for a large zone is tens of megabytes that
/// are never held whole in memory.</summary>
internal sealed class ImportResult(ImportOutcome outcome) : IResult
{
    /// <summary>Bytes gathered before they are handed to the connection.</summary>
    private const int FlushEvery = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        bool partial = outcome.PartialSuccess;
        response.StatusCode = partial ? StatusCodes.Status206PartialContent : StatusCodes.Status201Created;
        response.ContentType = ClientApiEndpoints.JsonContentType;
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, RecordJson.WriterOptions);
        writer.WriteStartObject();
        writer.WritePropertyName("domain");
        JsonSerializer.Serialize(writer, DomainResponse.From(outcome.Zone), JsonBody.Options);
        writer.WriteNumber("records_created", outcome.Records.Count);
        if (partial)
        {
            writer.WriteBoolean("partial_success", true);
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, outcome.Errors, JsonBody.Options);
        }
        writer.WriteStartArray("records");
        var repeated = new RecordJson.RepeatedValues();
        foreach (var record in outcome.Records)
        {
            RecordJson.Write(writer, record, repeated);
            if (writer.BytesPending >= FlushEvery)
            {
                writer.Flush();
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
