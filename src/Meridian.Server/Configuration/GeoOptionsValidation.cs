using Meridian.Server.Geo;
using Meridian.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>The "Geo" section: overrides that parse, and a database to start with unless <c>Geo:Required=false</c>.</summary>
internal sealed class GeoOptionsValidation(IOptionsFactory<ServeOptions> serve) : IValidateOptions<GeoOptions>
{
    public ValidateOptionsResult Validate(string? name, GeoOptions options)
    {
        var problems = new List<string>();
        if (!options.TryCreateOverrides(out _, out var error)) problems.Add(error);
        ServeOptions? data = null;
        try
        {
            data = serve.Create(Options.DefaultName);
        }
        catch (OptionsValidationException)
        {
            // The Meridian section reports its own problems; the database is looked for once they are fixed.
        }
        if (data is not null && options.MissingDatabaseProblem(data.DataDirectory) is { } missing) problems.Add(missing);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
