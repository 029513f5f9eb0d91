using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Meridian.Web.Interface;

/// <summary>The "Interface" configuration section of the embedded domain interface.</summary>
public sealed class InterfaceOptions : IValidatableObject
{
    public const string Section = "Interface";

    /// <summary>The resolver asked for a domain's NS records when showing its delegation status, ADDRESS:PORT; empty =
    /// the system's resolvers (/etc/resolv.conf).</summary>
    public string Resolver { get; set; } = "";

    /// <summary>How long the delegation lookup may take before the status shows as unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ResolverTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The resolver as an endpoint, or null for the system's.</summary>
    public IPEndPoint? ResolverEndpoint => IPEndPoint.TryParse(Resolver, out var endpoint) && endpoint.Port != 0 ? endpoint : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Resolver) && ResolverEndpoint is null)
            yield return new ValidationResult($"Interface:Resolver: '{Resolver}' is not ADDRESS:PORT", [nameof(Resolver)]);
    }
}
