namespace Meridian.Server.Following;

/// <summary>What a `meridian serve` node does (<c>--role</c>, configuration <c>Meridian:Role</c>): <c>all</c> (the
/// default) serves the HTTP APIs and DNS; <c>edge</c> serves DNS only, following the database, with HTTP left to
/// <c>/healthz</c> (and metrics).</summary>
public sealed class NodeRole
{
    public const string All = "all";
    public const string Edge = "edge";

    public static readonly IReadOnlyList<string> Known = [All, Edge];

    private NodeRole(string name) => Name = name;

    public string Name { get; }

    /// <summary>False on edge nodes: no API, interface or documentation endpoints, and no admin account made at first start.</summary>
    public bool ServesApis => Name == All;

    public static NodeRole Of(string? configured) => new(string.IsNullOrWhiteSpace(configured) ? All : configured.Trim().ToLowerInvariant());

    public IReadOnlyList<string> Validate() =>
        Known.Contains(Name) ? [] : [$"Meridian:Role: '{Name}' is not a role; roles are {string.Join(", ", Known)}"];
}
