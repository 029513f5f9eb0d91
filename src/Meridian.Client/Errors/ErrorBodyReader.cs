using System.Globalization;
using System.Text.Json;

namespace Meridian.Client;

/// <summary>Reads the problems out of any surface's error body.</summary>
internal static class ErrorBodyReader
{
    public static IReadOnlyList<MeridianProblem> Problems(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return [];
        var problems = new List<MeridianProblem>();

        // Partner API: details carry field and code for each entry of errors.
        if (body.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
                problems.Add(new MeridianProblem(Text(detail, "message") ?? "", Text(detail, "field"), Text(detail, "code")));
            if (problems.Count > 0) return problems;
        }
        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.String) problems.Add(new MeridianProblem(error.GetString()!));
                else if (Text(error, "title") is { } title) problems.Add(new MeridianProblem(title));   // Simple API
            }
        }
        // Email DNS API: {"Errors": [{"Code": n, "Message": "…", "Detail": "…"}]}
        if (body.TryGetProperty("Errors", out var emailErrors) && emailErrors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in emailErrors.EnumerateArray())
            {
                var message = Text(error, "Message") ?? "";
                if (Text(error, "Detail") is { } detail) message = $"{message} ({detail})";
                problems.Add(new MeridianProblem(message, null, Text(error, "Code")));
            }
        }
        if (problems.Count == 0 && Text(body, "error") is { } single) problems.Add(new MeridianProblem(single));
        return problems;
    }

    private static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
