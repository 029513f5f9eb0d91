namespace Meridian.Dns.Rdata;

/// <summary>The protocol and service names WKS records may use. BIND asks the host's /etc/protocols and
/// /etc/services; we carry the common entries of those files (IANA numbers), so results do not depend on
/// the machine. Protocol names match case-sensitively (their upper-case aliases are listed), service
/// names case-insensitively.</summary>
internal static class WellKnownServices
{
    public const byte Tcp = 6;
    public const byte Udp = 17;

    private static readonly Dictionary<string, byte> s_protocols = new(StringComparer.Ordinal)
    {
        ["ip"] = 0, ["IP"] = 0, ["hopopt"] = 0, ["HOPOPT"] = 0, ["icmp"] = 1, ["ICMP"] = 1, ["igmp"] = 2,
        ["IGMP"] = 2, ["ggp"] = 3, ["GGP"] = 3, ["ipencap"] = 4, ["IP-ENCAP"] = 4, ["st"] = 5, ["ST"] = 5,
        ["tcp"] = 6, ["TCP"] = 6, ["egp"] = 8, ["EGP"] = 8, ["igp"] = 9, ["IGP"] = 9, ["pup"] = 12,
        ["PUP"] = 12, ["udp"] = 17, ["UDP"] = 17, ["hmp"] = 20, ["HMP"] = 20, ["xns-idp"] = 22,
        ["XNS-IDP"] = 22, ["rdp"] = 27, ["RDP"] = 27, ["iso-tp4"] = 29, ["ISO-TP4"] = 29, ["dccp"] = 33,
        ["DCCP"] = 33, ["xtp"] = 36, ["XTP"] = 36, ["ddp"] = 37, ["DDP"] = 37, ["idpr-cmtp"] = 38,
        ["IDPR-CMTP"] = 38, ["ipv6"] = 41, ["IPv6"] = 41, ["ipv6-route"] = 43, ["IPv6-Route"] = 43,
        ["ipv6-frag"] = 44, ["IPv6-Frag"] = 44, ["idrp"] = 45, ["IDRP"] = 45, ["rsvp"] = 46, ["RSVP"] = 46,
        ["gre"] = 47, ["GRE"] = 47, ["esp"] = 50, ["IPSEC-ESP"] = 50, ["ah"] = 51, ["IPSEC-AH"] = 51,
        ["skip"] = 57, ["SKIP"] = 57, ["ipv6-icmp"] = 58, ["IPv6-ICMP"] = 58, ["ipv6-nonxt"] = 59,
        ["IPv6-NoNxt"] = 59, ["ipv6-opts"] = 60, ["IPv6-Opts"] = 60, ["rspf"] = 73, ["RSPF"] = 73,
        ["CPHB"] = 73, ["vmtp"] = 81, ["VMTP"] = 81, ["eigrp"] = 88, ["EIGRP"] = 88, ["ospf"] = 89,
        ["OSPFIGP"] = 89, ["ax.25"] = 93, ["AX.25"] = 93, ["ipip"] = 94, ["IPIP"] = 94, ["etherip"] = 97,
        ["ETHERIP"] = 97, ["encap"] = 98, ["ENCAP"] = 98, ["pim"] = 103, ["PIM"] = 103, ["ipcomp"] = 108,
        ["IPCOMP"] = 108, ["vrrp"] = 112, ["VRRP"] = 112, ["l2tp"] = 115, ["L2TP"] = 115, ["isis"] = 124,
        ["ISIS"] = 124, ["sctp"] = 132, ["SCTP"] = 132, ["fc"] = 133, ["FC"] = 133,
        ["mobility-header"] = 135, ["Mobility-Header"] = 135, ["udplite"] = 136, ["UDPLite"] = 136,
        ["mpls-in-ip"] = 137, ["MPLS-in-IP"] = 137, ["manet"] = 138, ["hip"] = 139, ["HIP"] = 139,
        ["shim6"] = 140, ["Shim6"] = 140, ["wesp"] = 141, ["WESP"] = 141, ["rohc"] = 142, ["ROHC"] = 142,
        ["ethernet"] = 143, ["Ethernet"] = 143,
    };

    [Flags]
    private enum On : byte
    {
        Tcp = 1,
        Udp = 2,
        Both = Tcp | Udp,
    }

    // name (and aliases) -> port, transports
    private static readonly (string[] Names, ushort Port, On On)[] s_services =
    [
        (["tcpmux"], 1, On.Tcp), (["echo"], 7, On.Both), (["discard", "sink", "null"], 9, On.Both),
        (["systat", "users"], 11, On.Tcp), (["daytime"], 13, On.Both), (["netstat"], 15, On.Tcp),
        (["qotd", "quote"], 17, On.Tcp), (["chargen", "ttytst", "source"], 19, On.Both),
        (["ftp-data"], 20, On.Tcp), (["ftp"], 21, On.Tcp), (["fsp", "fspd"], 21, On.Udp), (["ssh"], 22, On.Tcp),
        (["telnet"], 23, On.Tcp), (["smtp", "mail"], 25, On.Tcp), (["time", "timserver"], 37, On.Both),
        (["whois", "nicname"], 43, On.Tcp), (["tacacs"], 49, On.Both), (["domain"], 53, On.Both),
        (["bootps"], 67, On.Udp), (["bootpc"], 68, On.Udp), (["tftp"], 69, On.Udp), (["gopher"], 70, On.Tcp),
        (["finger"], 79, On.Tcp), (["http", "www"], 80, On.Tcp),
        (["kerberos", "kerberos5", "krb5", "kerberos-sec"], 88, On.Both), (["iso-tsap", "tsap"], 102, On.Tcp),
        (["acr-nema", "dicom"], 104, On.Tcp), (["poppassd"], 106, On.Tcp), (["pop3", "pop-3"], 110, On.Tcp),
        (["sunrpc", "portmapper"], 111, On.Both), (["auth", "authentication", "tap", "ident"], 113, On.Tcp),
        (["nntp", "readnews", "untp"], 119, On.Tcp), (["ntp"], 123, On.Udp), (["epmap", "loc-srv"], 135, On.Tcp),
        (["netbios-ns"], 137, On.Udp), (["netbios-dgm"], 138, On.Udp), (["netbios-ssn"], 139, On.Tcp),
        (["imap2", "imap"], 143, On.Tcp), (["snmp"], 161, On.Both), (["snmp-trap", "snmptrap"], 162, On.Both),
        (["cmip-man"], 163, On.Both), (["cmip-agent"], 164, On.Both), (["mailq"], 174, On.Tcp),
        (["xdmcp"], 177, On.Udp), (["bgp"], 179, On.Tcp), (["smux"], 199, On.Tcp), (["qmtp"], 209, On.Tcp),
        (["z3950", "wais"], 210, On.Tcp), (["ipx"], 213, On.Udp), (["ptp-event"], 319, On.Udp),
        (["ptp-general"], 320, On.Udp), (["pawserv"], 345, On.Tcp), (["zserv"], 346, On.Tcp),
        (["rpc2portmap"], 369, On.Both), (["codaauth2"], 370, On.Both), (["clearcase"], 371, On.Udp),
        (["ldap"], 389, On.Both), (["svrloc"], 427, On.Both), (["https"], 443, On.Both), (["snpp"], 444, On.Tcp),
        (["microsoft-ds"], 445, On.Tcp), (["kpasswd"], 464, On.Both),
        (["submissions", "ssmtp", "smtps", "urd"], 465, On.Tcp), (["saft"], 487, On.Tcp),
        (["isakmp"], 500, On.Udp), (["exec"], 512, On.Tcp), (["biff", "comsat"], 512, On.Udp),
        (["login"], 513, On.Tcp), (["who", "whod"], 513, On.Udp), (["shell", "cmd", "syslog"], 514, On.Tcp),
        (["syslog"], 514, On.Udp), (["printer", "spooler"], 515, On.Tcp), (["talk"], 517, On.Udp),
        (["ntalk"], 518, On.Udp), (["route", "router", "routed"], 520, On.Udp), (["gdomap"], 538, On.Both),
        (["uucp", "uucpd"], 540, On.Tcp), (["klogin"], 543, On.Tcp), (["kshell", "krcmd"], 544, On.Tcp),
        (["dhcpv6-client"], 546, On.Udp), (["dhcpv6-server"], 547, On.Udp), (["afpovertcp"], 548, On.Tcp),
        (["rtsp"], 554, On.Both), (["nntps", "snntp"], 563, On.Tcp), (["submission"], 587, On.Tcp),
        (["nqs"], 607, On.Tcp), (["asf-rmcp"], 623, On.Udp), (["qmqp"], 628, On.Tcp), (["ipp"], 631, On.Tcp),
        (["ldaps"], 636, On.Both), (["ldp"], 646, On.Both), (["tinc"], 655, On.Both), (["silc"], 706, On.Tcp),
        (["kerberos-adm"], 749, On.Tcp), (["kerberos4", "kerberos-iv", "kdc"], 750, On.Both),
        (["kerberos-master"], 751, On.Both), (["passwd-server", "passwd_server"], 752, On.Udp),
        (["krb-prop", "krb_prop", "krb5_prop", "hprop"], 754, On.Tcp), (["moira-db", "moira_db"], 775, On.Tcp),
        (["moira-update", "moira_update"], 777, On.Tcp), (["moira-ureg", "moira_ureg"], 779, On.Udp),
        (["spamd"], 783, On.Tcp), (["domain-s"], 853, On.Both), (["supfilesrv"], 871, On.Tcp),
        (["rsync"], 873, On.Tcp), (["ftps-data"], 989, On.Tcp), (["ftps"], 990, On.Tcp),
        (["telnets"], 992, On.Tcp), (["imaps"], 993, On.Tcp), (["pop3s"], 995, On.Tcp),
    ];

    public static bool TryGetProtocol(string name, out byte protocol) => s_protocols.TryGetValue(name, out protocol);

    /// <summary>Finds a service by name for TCP or UDP, or for any transport with other protocols.</summary>
    public static bool TryGetPort(string name, byte protocol, out ushort port)
    {
        On wanted = protocol switch { Tcp => On.Tcp, Udp => On.Udp, _ => On.Both };
        foreach (var (names, servicePort, on) in s_services)
        {
            if ((on & wanted) == 0) continue;
            foreach (string candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    port = servicePort;
                    return true;
                }
            }
        }
        port = 0;
        return false;
    }
}
