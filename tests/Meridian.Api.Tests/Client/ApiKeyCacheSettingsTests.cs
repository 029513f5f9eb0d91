using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Tests.Client;

/// <summary>The key cache's bound is an operator setting of `meridian serve` (section "ApiKeys").</summary>
public sealed class ApiKeyCacheSettingsTests
{
    [Fact]
    public async Task The_revalidation_bound_is_read_from_configuration()
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-api-tests-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var factory = new MeridianApiFactory(new Dictionary<string, string>
            {
                ["Meridian:DataDirectory"] = directory,
                ["ApiKeys:RevalidateAfter"] = "00:00:07",
            });
            var options = factory.Services.GetRequiredService<IOptions<ApiKeyCacheOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(7), options.RevalidateAfter);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
