using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>Turns what configuration binding and validation throw into the one line <c>meridian serve</c> prints before
/// it exits: every problem, each naming its key.</summary>
internal static partial class ConfigurationProblems
{
    /// <summary>The problems <paramref name="exception"/> reports, or null when it is not about configuration.</summary>
    public static IReadOnlyList<string>? Of(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                return [.. validation.Failures];
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => Of(e) is not null):
                return [.. aggregate.InnerExceptions.SelectMany(e => Of(e)!).Distinct()];
            case InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match:
                return [match.Groups["value"].Success
                    ? $"{match.Groups["key"].Value}: '{match.Groups["value"].Value}' is not {Describe(match.Groups["type"].Value)}"
                    : $"{match.Groups["key"].Value}: the value is not {Describe(match.Groups["type"].Value)}"];
            default:
                return exception.InnerException is { } inner ? Of(inner) : null;
        }
    }

    /// <summary>"configuration: problem; problem" on one line.</summary>
    public static string OneLine(IEnumerable<string> problems) => "configuration: " + string.Join("; ", problems).ReplaceLineEndings(" ");

    private static string Describe(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration ([d.]hh:mm:ss)",
        "System.Double" => "a number",
        _ => "a " + type,
    };

    // The binder's message: "Failed to convert configuration value 'x' at 'Section:Key' to type 'System.Int32'."
    [GeneratedRegex(@"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
