namespace Meridian.Api.Auth;

/// <summary>The "Partner" configuration section.</summary>
public sealed class PartnerOptions
{
    public const string Section = "Partner";

    /// <summary>Hosts whose requests are for the sandbox (besides any host starting with <c>api.sandbox.</c>).</summary>
    public List<string> SandboxHosts { get; set; } = ["sandbox.localhost"];

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (string host in SandboxHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal))
                problems.Add($"Partner:SandboxHosts: '{host}' is not a host name");
        }
        return problems;
    }
}
