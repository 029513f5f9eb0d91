using Microsoft.Extensions.Options;

namespace Meridian.Api.RateLimiting;

/// <summary>Refuses to start with rate limits that make no sense (see <see cref="RateLimitOptions.Validate"/>).</summary>
internal sealed class RateLimitOptionsValidation : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
