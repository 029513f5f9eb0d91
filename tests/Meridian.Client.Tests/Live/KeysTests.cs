using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>A partner's own keys: issued with fewer scopes, used, rotated, revoked.</summary>
[Collection(LiveCollection.Name)]
public sealed class PartnerKeysTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task A_partner_issues_a_read_only_key_rotates_it_and_the_revoked_key_stops_working()
    {
        using var partner = PartnerClient();
        var name = $"sdk read {Guid.NewGuid():N}";

        var issued = await partner.Keys.CreateAsync(new CreatePartnerKeyRequest { Name = name, Scopes = ["dns:read"] });
        Assert.StartsWith("mk_live_", issued.Token, StringComparison.Ordinal);
        Assert.Equal(["dns:read"], issued.Scopes);
        var listed = await ToListAsync(partner.Keys.ListAsync());
        Assert.Contains(listed, key => key.Id == issued.Id && key.Token is null);   // never the secret again

        using (var readOnly = new MeridianClient(new MeridianClientOptions { ApiKey = issued.Token, BaseUrl = Fixture.BaseUrl }))
        {
            var refused = await Assert.ThrowsAsync<MeridianPermissionDeniedException>(() =>
                readOnly.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = "read-only" }));
            Assert.Equal(403, refused.Status);
        }

        var rotated = await partner.Keys.RotateAsync(issued.Id, new CreatePartnerKeyRequest { Name = name + " 2", Scopes = ["dns:read"] });
        Assert.NotEqual(issued.Token, rotated.Token);
        var afterRotation = await ToListAsync(partner.Keys.ListAsync());
        Assert.NotNull(afterRotation.Single(key => key.Id == issued.Id).RevokedAt);
        Assert.Null(afterRotation.Single(key => key.Id == rotated.Id).RevokedAt);

        using var revoked = new MeridianClient(new MeridianClientOptions { ApiKey = issued.Token, BaseUrl = Fixture.BaseUrl });
        await Assert.ThrowsAsync<MeridianAuthenticationException>(() => ToListAsync(revoked.Users.ListDomainsAsync("anyone")));
        await partner.Keys.RevokeAsync(rotated.Id);
    }
}
