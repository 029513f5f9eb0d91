using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.EmailDns;
using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;

// dns.set end to end against each stand-in provider (real HTTP on loopback): for each provider, ROUNDS fresh
// domains get a first run (everything written) and a second run (nothing to write); prints the provider requests
// per call and the median latency of each. Usage: dotnet run -c Release --project bench/Meridian.EmailDnsBench [ROUNDS]
int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var host = new EmailDnsHost();
await host.StartAsync();
try
{
    var caller = await host.NewCallerAsync();
    Console.WriteLine($"dns.set, {rounds} domains per provider (first run writes SPF, DKIM, DMARC; second run finds them)");
    Console.WriteLine("| provider | requests, first run | median, first run | requests, second run | median, second run |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (string provider in new[] { "cloudflare", "godaddy", "namecheap", "dnsimple", "meridian" })
    {
        var first = new List<double>();
        var second = new List<double>();
        int firstRequests = 0, secondRequests = 0;
        for (int i = 0; i < rounds + 3; i++)
        {
            string domain = TestNames.Domain("bench");
            var (credentials, requests) = await PrepareAsync(host, caller, provider, domain);
            for (int run = 0; run < 2; run++)
            {
                int before = requests();
                var body = new JsonObject { ["Domain"] = domain, ["Provider"] = provider, ["RecordType"] = "campaign" };
                foreach (var (name, value) in credentials) body[name] = value;
                var watch = Stopwatch.StartNew();
                var response = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.set", ApiClient.Json(body.ToJsonString()));
                watch.Stop();
                if (response.Status != 200) throw new InvalidOperationException($"{provider}: {response.Status} {response.Body}");
                if (i < 3) continue; // warm-up
                (run == 0 ? first : second).Add(watch.Elapsed.TotalMilliseconds);
                if (run == 0) firstRequests = requests() - before;
                else secondRequests = requests() - before;
            }
            // The limit of 100 requests a minute per key would stop the run; each round uses a fresh key.
            caller = await host.NewCallerAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {firstRequests} | {Median(first):0.0} ms | {secondRequests} | {Median(second):0.0} ms |"));
    }
}
finally
{
    await host.DisposeAsync();
}

static double Median(List<double> values)
{
    values.Sort();
    return values.Count == 0 ? 0 : values[values.Count / 2];
}

static async Task<((string, string)[] Credentials, Func<int> Requests)> PrepareAsync(EmailDnsHost host, EmailDnsCaller caller, string provider, string domain)
{
    switch (provider)
    {
        case "cloudflare":
            host.Cloudflare.AddZone(domain);
            return ([("ApiKey", CloudflareStandIn.Token)], () => host.Cloudflare.Requests.Count);
        case "godaddy":
            host.GoDaddy.Domains.Add(domain);
            return ([("ApiKey", GoDaddyStandIn.Key), ("ApiSecret", GoDaddyStandIn.Secret)], () => host.GoDaddy.Requests.Count);
        case "namecheap":
            host.Namecheap.AddDomain(domain);
            return ([("ApiKey", NamecheapStandIn.ApiKey), ("ApiUser", NamecheapStandIn.ApiUser), ("Username", NamecheapStandIn.Username)],
                () => host.Namecheap.Requests.Count);
        case "dnsimple":
            host.Dnsimple.AddZone(domain);
            return ([("ApiKey", DnsimpleStandIn.Token)], () => host.Dnsimple.Requests.Count);
        default:
            await caller.Zones.CreateDomainAsync(domain);
            return ([], () => 0);
    }
}
