using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Tests.EmailDns.StandIns;

/// <summary>Namecheap's XML API at <c>/xml.response</c>, by GET or POST: <c>getHosts</c> lists every host with its
/// HostId, MXPref and TTL; <c>setHosts</c> replaces the whole list (a host not sent is deleted); errors are HTTP 200
/// with <c>Status="ERROR"</c>.</summary>
public sealed class NamecheapStandIn : StandInProvider
{
    public const string ApiUser = "api_user";
    public const string ApiKey = "namecheap-api-key";
    public const string Username = "username";
    public const string ClientIp = "192.0.2.10";

    private readonly Lock _gate = new();
    private int _nextId = 100;

    public Dictionary<string, List<HeldRecord>> Domains { get; } = [];

    public Dictionary<string, string> EmailTypes { get; } = [];

    private int _setHostsCalls;

    /// <summary>How many setHosts calls were served (each rewrites every host).</summary>
    public int SetHostsCalls => Volatile.Read(ref _setHostsCalls);

    protected override string Prefix => "/xml.response";

    public void AddDomain(string domain, string emailType = "MX")
    {
        lock (_gate)
        {
            Domains[domain] = [];
            EmailTypes[domain] = emailType;
        }
    }

    public void Add(string domain, string name, string type, string address, int ttl = 1800, int mxPref = 10)
    {
        lock (_gate) Domains[domain].Add(new HeldRecord(NextId(), name == "@" ? domain : name + "." + domain, type, address, ttl, mxPref));
    }

    public List<HeldRecord> RecordsOf(string domain)
    {
        lock (_gate) return [.. Domains[domain]];
    }

    protected override void Map(WebApplication app) => app.MapMethods(Prefix, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
    {
        var values = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (http.Request.HasFormContentType)
        {
            foreach (var (key, value) in await http.Request.ReadFormAsync()) values[key] = value.ToString();
        }
        string command = values.GetValueOrDefault("Command") ?? "";
        string Get(string name) => values.GetValueOrDefault(name) ?? "";
        if (Get("ApiUser") != ApiUser || Get("ApiKey") != ApiKey || Get("UserName") != Username)
            return Xml(Error(command, 1011102, "API Key is invalid or API access has not been enabled"));
        if (Get("ClientIp") != ClientIp) return Xml(Error(command, 1011150, $"Invalid request IP: {Get("ClientIp")}"));
        string domain = Get("SLD") + "." + Get("TLD");
        lock (_gate)
        {
            if (!Domains.TryGetValue(domain, out var hosts)) return Xml(Error(command, 2019166, "Domain not found"));
            if (command == "namecheap.domains.dns.getHosts") return Xml(GetHosts(domain, hosts));
            if (command != "namecheap.domains.dns.setHosts") return Xml(Error(command, 1010102, "Parameter Command is invalid"));
            var replaced = new List<HeldRecord>();
            for (int i = 1; values.ContainsKey("HostName" + i); i++)
            {
                string type = Get("RecordType" + i);
                if (type is not ("A" or "AAAA" or "CNAME" or "MX" or "MXE" or "TXT" or "URL" or "URL301" or "FRAME"))
                    return Xml(Error(command, 2015280, $"RecordType{i} is invalid"));
                string name = Get("HostName" + i);
                int ttl = int.TryParse(Get("TTL" + i), CultureInfo.InvariantCulture, out int t) ? t : 1800;
                int mxPref = int.TryParse(Get("MXPref" + i), CultureInfo.InvariantCulture, out int m) ? m : 10;
                replaced.Add(new HeldRecord(NextId(), name == "@" ? domain : name + "." + domain, type, Get("Address" + i), ttl, mxPref));
            }
            Domains[domain] = replaced;
            Interlocked.Increment(ref _setHostsCalls);
            if (values.TryGetValue("EmailType", out string? emailType)) EmailTypes[domain] = emailType;
            return Xml(Envelope(command, $"<DomainDNSSetHostsResult Domain=\"{domain}\" IsSuccess=\"true\"><Warnings /></DomainDNSSetHostsResult>"));
        }
    });

    protected override bool IsWrite(HttpRequest request) => request.Query["Command"] == "namecheap.domains.dns.setHosts"
        || (request.HasFormContentType && request.Form["Command"] == "namecheap.domains.dns.setHosts");

    // Every call is a POST form: the log line alone cannot tell; count setHosts by the adapter's own request counts.
    protected override bool IsRead(string line) => false;

    protected override Task TooManyRequestsAsync(HttpContext context) =>
        context.Response.WriteAsync(Error("", 500000, "Too many requests"));

    protected override Task ServerErrorAsync(HttpContext context) =>
        context.Response.WriteAsync(Error("", 5050900, "Unhandled exceptions"));

    private string GetHosts(string domain, List<HeldRecord> hosts)
    {
        var result = new StringBuilder($"<DomainDNSGetHostsResult Domain=\"{domain}\" EmailType=\"{EmailTypes[domain]}\" IsUsingOurDNS=\"true\">");
        foreach (var h in hosts)
        {
            string name = h.Name == domain ? "@" : h.Name[..^(domain.Length + 1)];
            result.Append(CultureInfo.InvariantCulture,
                $"<host HostId=\"{h.Id}\" Name=\"{SecurityElement.Escape(name)}\" Type=\"{h.Type}\" Address=\"{SecurityElement.Escape(h.Content)}\" MXPref=\"{h.Priority}\" TTL=\"{h.Ttl}\" AssociatedAppTitle=\"\" FriendlyName=\"\" IsActive=\"true\" IsDDNSEnabled=\"false\" />");
        }
        return Envelope("namecheap.domains.dns.getHosts", result.Append("</DomainDNSGetHostsResult>").ToString());
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static string Envelope(string command, string result) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ApiResponse Status=\"OK\" xmlns=\"http://api.namecheap.com/xml.response\"><Errors /><Warnings />" +
        $"<RequestedCommand>{command}</RequestedCommand><CommandResponse Type=\"{command}\">{result}</CommandResponse><Server>STANDIN</Server>" +
        "<GMTTimeDifference>--5:00</GMTTimeDifference><ExecutionTime>0.01</ExecutionTime></ApiResponse>";

    private static string Error(string command, int number, string message) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ApiResponse Status=\"ERROR\" xmlns=\"http://api.namecheap.com/xml.response\"><Errors>" +
        $"<Error Number=\"{number}\">{SecurityElement.Escape(message)}</Error></Errors><Warnings /><RequestedCommand>{command}</RequestedCommand>" +
        "<Server>STANDIN</Server><GMTTimeDifference>--5:00</GMTTimeDifference><ExecutionTime>0.01</ExecutionTime></ApiResponse>";

    private static IResult Xml(string body) => Results.Content(body, "text/xml; charset=utf-8");
}
