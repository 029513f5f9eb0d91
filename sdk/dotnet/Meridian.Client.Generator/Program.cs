using Meridian.Client.Generator;

// meridian-client-generator --server http://127.0.0.1:8080 [--out src/Meridian.Client/Generated]
string? server = null;
var output = Path.Combine("src", "Meridian.Client", "Generated");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--server" when i + 1 < args.Length: server = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'");
            return 2;
    }
}
if (server is null)
{
    await Console.Error.WriteLineAsync("usage: meridian-client-generator --server URL [--out DIR]");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/") };
Directory.CreateDirectory(output);
foreach (var surface in SurfaceModels.All)
{
    var document = await http.GetStringAsync($"openapi/{surface.DocumentName}.json");
    var path = Path.Combine(output, surface.FileName);
    await File.WriteAllTextAsync(path, ModelWriter.Write(surface, document));
    Console.WriteLine($"{surface.DocumentName} -> {path}");
}
return 0;
