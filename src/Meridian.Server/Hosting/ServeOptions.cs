namespace Meridian.Server.Hosting;

/// <summary>The "Meridian" configuration section: where data lives and where HTTP listens.</summary>
public sealed class ServeOptions
{
    public const string Section = "Meridian";

    /// <summary>Folder for the SQLite database and the geo database.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>A PostgreSQL connection string; empty means SQLite under <see cref="DataDirectory"/>.</summary>
    public string Database { get; set; } = "";

    /// <summary>HTTP listen address, ADDR:PORT.</summary>
    public string Http { get; set; } = "127.0.0.1:8080";

    /// <summary><c>all</c> or <c>edge</c> (Following/NodeRole).</summary>
    public string Role { get; set; } = Following.NodeRole.All;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) problems.Add("Meridian:DataDirectory must not be empty");
        if (!System.Net.IPEndPoint.TryParse(Http, out var endpoint) || endpoint.Port == 0)
            problems.Add($"Meridian:Http: '{Http}' is not ADDRESS:PORT");
        problems.AddRange(Following.NodeRole.Of(Role).Validate());
        return problems;
    }
}
