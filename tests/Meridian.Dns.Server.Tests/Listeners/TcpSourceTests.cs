using System.Net;
using Meridian.Dns.Server.Listeners;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>What one "source" is for the per-source TCP limit.</summary>
public sealed class TcpSourceTests
{
    [Fact]
    public void IPv6_addresses_of_one_64_are_one_source()
    {
        Assert.Equal(Source("2001:db8:1:2::1"), Source("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.NotEqual(Source("2001:db8:1:2::1"), Source("2001:db8:1:3::1"));
    }

    [Fact]
    public void IPv4_addresses_are_each_a_source_and_mapped_ones_count_as_IPv4()
    {
        Assert.NotEqual(Source("192.0.2.1"), Source("192.0.2.2"));
        Assert.Equal(Source("192.0.2.1"), Source("::ffff:192.0.2.1"));
        // ::/64 holds ::1 and an IPv4-looking prefix value; the family keeps them apart.
        Assert.NotEqual(Source("0.0.0.0"), Source("::1"));
    }

    private static TcpSource Source(string address) => TcpSource.Of(IPAddress.Parse(address));
}
