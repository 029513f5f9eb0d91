using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary><c>dotnet pack</c> makes the package users install.</summary>
public sealed class PackageTests
{
    [Fact]
    public async Task Dotnet_pack_makes_a_Meridian_Client_nupkg_with_its_README_and_no_other_Meridian_dependency()
    {
        var output = Directory.CreateTempSubdirectory("meridian-client-pack-");
        try
        {
            var project = Path.Combine(LiveFixture.RepositoryRoot, "src", "Meridian.Client", "Meridian.Client.csproj");
            var pack = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "--no-build", "-nologo", "-o", output.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var process = Process.Start(pack)!)
            {
                var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, log);
            }

            var package = Assert.Single(output.GetFiles("Meridian.Client.*.nupkg"));
            using var zip = ZipFile.OpenRead(package.FullName);
            Assert.Contains(zip.Entries, entry => entry.FullName == "README.md");
            Assert.Contains(zip.Entries, entry => entry.FullName == "lib/net10.0/Meridian.Client.dll");

            var nuspecEntry = zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            await using var nuspecStream = nuspecEntry.Open();
            var nuspec = await XDocument.LoadAsync(nuspecStream, LoadOptions.None, CancellationToken.None);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("Meridian.Client", metadata.Element(ns + "id")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            var dependencies = metadata.Descendants(ns + "dependency").Select(dependency => dependency.Attribute("id")!.Value).ToList();
            Assert.DoesNotContain(dependencies, id => id.StartsWith("Meridian.", StringComparison.Ordinal));
            Assert.Contains("Microsoft.Extensions.Http", dependencies);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
