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

    /// <summary>HTTPS listen address, ADDR:PORT; empty = no HTTPS listener.</summary>
    public string Https { get; set; } = "";

    /// <summary>The HTTPS certificate: a PEM file (certificate, and the key unless <see cref="CertificateKey"/> names
    /// another file) or a PKCS#12 file. Reloaded when replaced.</summary>
    public string Certificate { get; set; } = "";

    /// <summary>The PEM private key, when it is not in <see cref="Certificate"/>'s file.</summary>
    public string CertificateKey { get; set; } = "";

    /// <summary>The password of a PKCS#12 certificate file, if it has one.</summary>
    public string CertificatePassword { get; set; } = "";

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) problems.Add("Meridian:DataDirectory must not be empty");
        if (!System.Net.IPEndPoint.TryParse(Http, out var endpoint) || endpoint.Port == 0)
            problems.Add($"Meridian:Http: '{Http}' is not ADDRESS:PORT");
        problems.AddRange(Following.NodeRole.Of(Role).Validate());
        if (!string.IsNullOrWhiteSpace(Https))
        {
            if (!System.Net.IPEndPoint.TryParse(Https, out var https) || https.Port == 0)
                problems.Add($"Meridian:Https: '{Https}' is not ADDRESS:PORT");
            if (string.IsNullOrWhiteSpace(Certificate))
                problems.Add("Meridian:Https needs a certificate: --certificate FILE (Meridian:Certificate), PEM or PKCS#12");
        }
        return problems;
    }
}
