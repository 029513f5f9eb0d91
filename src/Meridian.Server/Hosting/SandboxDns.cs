using Meridian.Dns.Server.Hosting;

namespace Meridian.Server.Hosting;

/// <summary>The DNS server that answers sandbox zones (<c>Dns:SandboxListen</c>, default <c>127.0.0.1:5301</c>), so
/// partners can test resolution of what they build in the sandbox without it ever reaching production's
/// listeners. An empty list, or the single value <c>off</c>, serves no sandbox DNS.</summary>
public sealed class SandboxDns(DnsServer? server) : IDisposable
{
    public const string ListenKey = "Dns:SandboxListen";

    /// <summary>The name of the sandbox server's <c>DnsServerOptions</c> (the "Dns" section with these addresses).</summary>
    public const string OptionsName = "sandbox";

    public static readonly IReadOnlyList<string> DefaultListen = ["127.0.0.1:5301"];

    public DnsServer? Server { get; } = server;

    /// <summary>The configured sandbox addresses; empty when the sandbox is not served over DNS.</summary>
    public static IReadOnlyList<string> ListenFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(ListenKey);
        // A plain value ("off", or one address) or a list ("Dns:SandboxListen:0", …).
        var listed = section.Get<string[]>();
        var listen = listed is { Length: > 0 } ? listed : section.Value is { } single ? [single] : [.. DefaultListen];
        return listen.Length == 1 && (string.IsNullOrWhiteSpace(listen[0]) || listen[0] == "off") ? [] : listen;
    }

    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (string item in ListenFrom(configuration))
        {
            if (!DnsServerOptions.TryParseEndpoint(item, out _)) problems.Add($"{ListenKey}: '{item}' is not ADDRESS:PORT");
        }
        return problems;
    }

    public void Dispose() => Server?.Dispose();
}
