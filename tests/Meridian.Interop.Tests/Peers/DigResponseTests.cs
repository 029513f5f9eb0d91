using System.Net;
using System.Net.Sockets;

namespace Meridian.Interop.Tests.Peers;

/// <summary>The parser of dig's and kdig's output sees an echoed unknown EDNS option in either tool's form, so the Knot
/// differential (which runs kdig) compares options rather than two empty lists.</summary>
public sealed class DigResponseTests
{
    // Printed by kdig 3.2.6 and dig 9.18 for a responder that echoed the query's OPT (options 65001 = ab cd, 65002 empty).
    private const string KdigOutput = """
        ;; ->>HEADER<<- opcode: QUERY; status: NOERROR; id: 46014
        ;; Flags: qr aa rd ad; QUERY: 1; ANSWER: 0; AUTHORITY: 0; ADDITIONAL: 1

        ;; EDNS PSEUDOSECTION:
        ;; Version: 0; flags: ; UDP size: 4096 B; ext-rcode: NOERROR
        ;; Option (65001): ABCD
        ;; Option (65002): 

        ;; QUESTION SECTION:
        ;; example.com.        		IN	A
        """;

    private const string DigOutput = """
        ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 52066
        ;; flags: qr aa rd ad; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1

        ;; OPT PSEUDOSECTION:
        ; EDNS: version: 0, flags:; udp: 1232
        ; OPT=65001: ab cd ("..")
        ; OPT=65002:
        ;; QUESTION SECTION:
        ;example.com.			IN	A
        """;

    [Theory]
    [InlineData(KdigOutput)]
    [InlineData(DigOutput)]
    public void Echoed_unknown_options_read_the_same_from_dig_and_kdig(string output)
    {
        var response = DigResponse.Parse(output);

        Assert.True(response.HasEdns);
        Assert.Equal(["65001=abcd", "65002="], response.OtherOptions);
        Assert.Contains("options=[65001=abcd, 65002=]", response.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_the_tools_know_by_name_are_not_counted_as_unknown()
    {
        var response = DigResponse.Parse(KdigOutput.Replace(";; Option (65001): ABCD", ";; NSID: 6e7331 \"ns1\"", StringComparison.Ordinal)
            .Replace(";; Option (65002): ", ";; COOKIE: 0102030405060708", StringComparison.Ordinal));

        Assert.Empty(response.OtherOptions);
        Assert.True(response.HasCookie);
    }

    [Fact]
    public void An_option_line_outside_the_EDNS_section_is_not_an_option()
    {
        var response = DigResponse.Parse(";; ->>HEADER<<- opcode: QUERY; status: NOERROR; id: 1\n;; Option (65001): ABCD\n");

        Assert.False(response.HasEdns);
        Assert.Empty(response.OtherOptions);
    }

    /// <summary>Against a live responder that echoes every query with its OPT (what an unknown-option-echoing server
    /// does), the tools installed here print what the parser reads: a kdig or dig upgrade that changed the format fails
    /// here rather than silently emptying the differential's options.</summary>
    [Theory]
    [InlineData("kdig")]
    [InlineData("dig")]
    public async Task The_installed_tools_output_of_an_echoed_option_is_read(string tool)
    {
        Assert.True(ExternalTool.Exists(tool), $"{tool} must be installed (./test.sh installs dnsutils and knot-dnsutils)");
        using var echo = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = (IPEndPoint)echo.Client.LocalEndPoint!;
        var responder = Task.Run(async () =>
        {
            var query = await echo.ReceiveAsync();
            byte[] answer = query.Buffer.ToArray();
            answer[2] |= 0x84;   // QR and AA; the question and the OPT record go back as they came
            await echo.SendAsync(answer, query.RemoteEndPoint);
        });

        var response = Dig.Query(tool, server, "example.com.", "A", "+ednsopt=65001:abcd", "+ednsopt=65002");
        await responder.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["65001=abcd", "65002="], response.OtherOptions);
    }
}
