using System.ComponentModel.DataAnnotations;
using Meridian.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Observability;

/// <summary><c>Logging:Format</c>: <c>simple</c> (the console's readable lines, the default) or <c>json</c> (one JSON
/// object per line, for log shippers).</summary>
internal static class LogFormat
{
    public static WebApplicationBuilder UseMeridianLogFormat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogFormatOptions>().BindConfiguration(LogFormatOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LogFormatOptions>>(new SectionValidator<LogFormatOptions>(LogFormatOptions.Section));
        // The provider is chosen before the container exists; the value is validated with the other sections.
        if (string.Equals(builder.Configuration[LogFormatOptions.Section + ":Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            });
        }
        return builder;
    }
}

/// <summary>The "Logging" section's <c>Format</c>.</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";

    [RegularExpression("^(?i:simple|json)$", ErrorMessage = "allowed: simple or json")]
    public string Format { get; set; } = "simple";
}
