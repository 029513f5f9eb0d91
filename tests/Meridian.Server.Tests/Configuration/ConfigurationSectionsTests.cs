using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Meridian.Dns.Server.Hosting;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Meridian.Server.Configuration;
using Meridian.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Configuration;

/// <summary>No configuration section is left to the framework's own data-annotation check, whose message names a class
/// member ("DataAnnotation validation failed for 'FollowingOptions' members: 'PollInterval'") instead of the key: every
/// section <c>meridian serve</c> binds has a validator, and one with annotations goes through <c>SectionValidator</c>.</summary>
public sealed class ConfigurationSectionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-sections-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Every options class of a section: those that declare their section's name, and the three whose name
    /// lives with their registration.</summary>
    public static TheoryData<Type> Sections()
    {
        var data = new TheoryData<Type>();
        foreach (var type in SectionTypes()) data.Add(type);
        return data;
    }

    private static IEnumerable<Type> SectionTypes() =>
        new[] { typeof(ServeOptions), typeof(Meridian.Api.Auth.PartnerOptions), typeof(Meridian.Platform.Following.FollowingOptions),
                typeof(Meridian.Providers.ProvidersOptions), typeof(Meridian.Web.Interface.InterfaceOptions) }
            .Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .Concat([typeof(StorageOptions), typeof(ZoneOptions), typeof(DnsServerOptions)])
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void The_sections_found_include_those_the_review_named()
    {
        var names = SectionTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string name in new[] { "FollowingOptions", "TransferOptions", "ProvidersOptions", "InterfaceOptions", "SimpleApiOptions", "EmailDnsOptions" })
            Assert.Contains(name, names);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Every_section_is_validated_and_annotations_name_their_key(Type options)
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--dns", "127.0.0.1:0"]);

        var validators = ((IEnumerable<object>)app.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(options))!).ToList();
        Assert.NotEmpty(validators);
        Assert.DoesNotContain(validators, v => v.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(DataAnnotationValidateOptions<>));
        if (HasAnnotations(options, depth: 0))
            Assert.Contains(validators, v => v.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(SectionValidator<>));
    }

    private static bool HasAnnotations(Type type, int depth) =>
        typeof(IValidatableObject).IsAssignableFrom(type)
        || type.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>().Any()
            || (depth < 3 && p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("Meridian", StringComparison.Ordinal) == true
                && HasAnnotations(p.PropertyType, depth + 1)));
}
