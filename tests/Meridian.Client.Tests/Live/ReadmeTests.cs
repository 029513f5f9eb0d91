using System.Text.RegularExpressions;
#pragma warning disable IDE0005 // the README's first block names it; the test holds the two equal
using Meridian.Client;
#pragma warning restore IDE0005
using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Client.Tests.Live;

/// <summary>The package README's quick start, run: each ```csharp block of src/Meridian.Client/README.md is one
/// README region of <see cref="The_quick_start_runs_against_a_live_server"/>, word for word (the second test holds
/// them equal), so the README shows code that ran.</summary>
[Collection(LiveCollection.Name)]
public sealed partial class ReadmeTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task The_quick_start_runs_against_a_live_server()
    {
        var apiKey = Fixture.Text("partner", "productionKey");
        var baseUrl = Fixture.BaseUrl.ToString();
        using var output = new StringWriter();
#pragma warning disable IDE1006 // named as the type it stands for, so the README's Console.WriteLine lines write here
        var Console = output;
#pragma warning restore IDE1006
        var userIdentifier = $"readme-{Guid.NewGuid():N}";
        var domainName = NewDomainName("readme");

        // README:begin
        using var client = new MeridianClient(new MeridianClientOptions
        {
            ApiKey = apiKey,                          // mk_live_… (or set MERIDIAN_API_KEY)
            Environment = MeridianEnvironment.Production,
            BaseUrl = new Uri(baseUrl),               // your server (or set MERIDIAN_BASE_URL)
        });

        var session = await client.Users.CreateSessionAsync(new CreateUserRequest
        {
            UserIdentifier = userIdentifier,
            Email = "user@example.com",
        });
        Console.WriteLine(session.LoginUrl);
        // README:end

        // README:begin
        var domain = await client.Users.AddDomainAsync(userIdentifier, new CreateDomainRequest { Name = domainName });

        var www = await client.Records.CreateAsync(new CreateRecordRequest
        {
            DomainId = domain.Id,
            Type = "A",
            Name = "www",
            Value = "192.0.2.10",
            Ttl = 300,
        });
        await client.Records.UpdateAsync(www.Id, new UpdateRecordRequest { Value = "192.0.2.11" });

        await foreach (var record in client.Records.ListAsync(domain.Id))   // every page, fetched as you read
            Console.WriteLine($"{record.Name} {record.Type} {record.Value}");
        // README:end

        // README:begin
        try
        {
            await client.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "bad", Value = "not-an-ip" });
        }
        catch (MeridianUnprocessableEntityException error)
        {
            foreach (var problem in error.Problems)
                Console.WriteLine($"{error.Status} {problem.Field}: {problem.Code} {problem.Message}");
        }
        // README:end

        // README:begin
        var services = new ServiceCollection();
        services.AddMeridianClient(options =>
        {
            options.ApiKey = apiKey;
            options.BaseUrl = new Uri(baseUrl);
            options.MaxRetries = 3;
        });
        // README:end

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(session.LoginUrl, lines[0]);
        Assert.Contains("www A 192.0.2.11", lines);
        Assert.Contains(lines, line => line.StartsWith("422 ", StringComparison.Ordinal));
        await using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<MeridianClient>());
    }

    [Fact]
    public async Task The_READMEs_csharp_blocks_are_the_code_that_runs()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(LiveFixture.RepositoryRoot, "src", "Meridian.Client", "README.md"));
        var source = await File.ReadAllTextAsync(Path.Combine(LiveFixture.RepositoryRoot, "tests", "Meridian.Client.Tests", "Live", "ReadmeTests.cs"));

        var blocks = CodeBlock().Matches(readme).Select(match => match.Groups[1].Value.TrimEnd('\n')).ToList();
        var regions = Region().Matches(source).Select(match => Dedent(match.Groups[1].Value)).ToList();

        Assert.NotEmpty(regions);
        Assert.Equal(regions.Count + 1, blocks.Count);
        // The first block is the using directives; this file has them too.
        foreach (var directive in blocks[0].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(directive + "\n", source, StringComparison.Ordinal);
        Assert.Equal(regions, blocks.Skip(1));
    }

    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"// README:begin\n(.*?)\n[ ]*// README:end", RegexOptions.Singleline)]
    private static partial Regex Region();
}
