using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Theory]
    [MemberData(nameof(BadInputs.Names), MemberType = typeof(BadInputs))]
    public async Task Bad_input_gets_its_documented_status_and_changes_nothing(string row)
    {
        var input = BadInputs.All[row];
        var (client, domainId, zone) = await ClientWithDomainAsync("bad");
        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        var target = new BadInputTarget(domainId, IdOf(record), zone);
        var before = await Host.SnapshotAsync();

        var response = await client.Api.SendAsync(new HttpMethod(input.Method), input.PathFor(target), input.ContentFor(target));

        response.ExpectError(input.Status, input.Fragment);
        Assert.True(response.Error.Length < 2000, $"the error message is {response.Error.Length} characters long");
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }
}
