using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>Validates one configuration section's options on start: the data annotations on its properties, then the
/// section's own rules (cross-field checks, parsing). Every problem names its key (<c>Section:Property</c>) and what is
/// allowed, so a refusal to start says what to change.</summary>
internal sealed class SectionValidator<T>(string section, Func<T, IEnumerable<string>>? rules = null, string? optionsName = null)
    : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        // Named options (the sandbox's DNS server) have validators of their own.
        if (!string.Equals(name ?? Options.DefaultName, optionsName ?? Options.DefaultName, StringComparison.Ordinal)) return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            string member = result.MemberNames.FirstOrDefault() ?? "";
            object? value = typeof(T).GetProperty(member)?.GetValue(options);
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{member}: {result.ErrorMessage} (got '{value}')"));
        }
        if (rules is not null) problems.AddRange(rules(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
