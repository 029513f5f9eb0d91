using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>Validates one configuration section's options on start: the data annotations on its properties (and on the
/// properties of its nested settings objects, such as <c>Providers:Detection</c>), then the section's own rules
/// (cross-field checks, parsing). Every problem names its key (<c>Section:Property</c>) and what is allowed, so a
/// refusal to start says what to change.</summary>
internal sealed class SectionValidator<T>(string section, Func<T, IEnumerable<string>>? rules = null, string? optionsName = null)
    : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        // Named options (the sandbox's DNS server) have validators of their own.
        if (!string.Equals(name ?? Options.DefaultName, optionsName ?? Options.DefaultName, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        AnnotationProblems(options, section, problems);
        if (rules is not null) problems.AddRange(rules(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>What <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/>
    /// checks (every property's attributes, then <see cref="IValidatableObject"/> when they pass), phrased with the key.</summary>
    private static void AnnotationProblems(object settings, string prefix, List<string> problems)
    {
        int before = problems.Count;
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            object? value = property.GetValue(settings);
            string key = $"{prefix}:{property.Name}";
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = key };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is { } failure)
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {Allowed(attribute, failure)} (got '{value}')"));
            }
            if (value is not null && IsSettingsObject(value.GetType())) AnnotationProblems(value, key, problems);
        }
        if (problems.Count > before || settings is not IValidatableObject validatable) return;
        foreach (var result in validatable.Validate(new ValidationContext(settings)))
        {
            string message = result.ErrorMessage ?? "is not valid";
            // Rules that already name their key ("Following:KeyTrustWindow must be …") are kept as they are.
            problems.Add(message.StartsWith(prefix.Split(':')[0] + ":", StringComparison.Ordinal)
                ? message
                : $"{prefix}:{result.MemberNames.FirstOrDefault() ?? ""}: {message}");
        }
    }

    /// <summary>An attribute's own message when it was given one, else the allowed range in the configuration's terms
    /// rather than the framework's "The field X must be between …".</summary>
    private static string Allowed(ValidationAttribute attribute, ValidationResult failure) => attribute switch
    {
        { ErrorMessage: not null } => failure.ErrorMessage ?? attribute.ErrorMessage,
        RangeAttribute range => $"allowed: {Bound(range.Minimum)} to {Bound(range.Maximum)}",
        RequiredAttribute => "a value is required",
        _ => failure.ErrorMessage ?? "is not valid",
    };

    /// <summary>A bound as it would be written in configuration (durations without trailing zeros: 00:00:00.1).</summary>
    private static string Bound(object bound) => bound switch
    {
        TimeSpan duration => duration.ToString(duration.Days > 0 ? @"d\.hh\:mm\:ss\.FFFFFFF" : @"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        _ => Convert.ToString(bound, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A nested settings object bound from a sub-section (one of Meridian's own classes, not a list or a string).</summary>
    private static bool IsSettingsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Meridian", StringComparison.Ordinal) == true;
}
