using System.Net;

namespace Meridian.Interop.Tests.Peers;

/// <summary>Queries a server with BIND's dig or Knot's kdig, as a person would.</summary>
internal static class Dig
{
    public static DigResponse Query(string tool, IPEndPoint server, string name, string type, params string[] options)
    {
        var args = new List<string> { "@" + server.Address, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        args.AddRange(tool == "kdig"
            ? ["+nocookie", "+nostats", "+timeout=2", "+retry=0"]
            : ["+nocookie", "+nostats", "+time=2", "+tries=1"]);
        args.AddRange(options);
        args.Add(name);
        args.Add(type);
        var (_, stdout, stderr) = ExternalTool.Run(tool, args);
        return DigResponse.Parse(stdout + stderr);
    }
}
