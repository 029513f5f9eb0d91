using Meridian.Platform.Model;

namespace Meridian.Web.Tests;

public sealed class InterfacePagesTests
{
    [Fact]
    public void Domains_page_encodes_what_users_and_partners_wrote()
    {
        var user = new User { UserIdentifier = "<script>alert(1)</script>", Email = null };
        var html = InterfacePages.Domains(user, [new Zone { Id = Guid.NewGuid(), Name = "example.com." }]);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">example.com</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_page_says_so_when_the_user_has_none()
    {
        var html = InterfacePages.Domains(new User { UserIdentifier = "u1", Email = "u1@example.net" }, []);
        Assert.Contains("id=\"no-domains\"", html, StringComparison.Ordinal);
        Assert.Contains("u1@example.net", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Used_and_expired_link_pages_tell_the_user_to_ask_the_application_for_a_new_link()
    {
        Assert.Contains("already been used", InterfacePages.LinkUsed(), StringComparison.Ordinal);
        Assert.Contains("expired", InterfacePages.LinkExpired(), StringComparison.Ordinal);
        Assert.Contains("new link", InterfacePages.LinkUsed(), StringComparison.Ordinal);
        Assert.Contains("new link", InterfacePages.LinkExpired(), StringComparison.Ordinal);
    }
}
