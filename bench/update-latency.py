#!/usr/bin/env python3
"""RFC 2136 UPDATE latency against a real `meridian serve` (driven by bench/update-latency.sh).

Starts `meridian serve` on a fresh data directory (SQLite, or --database for PostgreSQL) with a TSIG key made by
`meridian tsig create --update-zone`, imports a zone through the Client API, then times nsupdate -y round trips:
  session  one nsupdate process sending update after update (each `send` waits for the server's answer), over UDP
           and over TCP (-v): the server's round trip for one signed UPDATE, with nsupdate's own work per message;
  process  one nsupdate process per update, as a hook script runs it: the above plus starting nsupdate.
Each update replaces one name's A record (delete + add in one message), so the zone's serial moves every time.
Prints p50 / p90 / p99 / max in milliseconds, and checks that the last value of every name is served.
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ZONE = "upd.bench."


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def meridian(server, *args, **kw):
    return subprocess.run(["dotnet", os.path.join(server, "meridian.dll"), *args], capture_output=True, text=True, check=True, **kw)


def http(url, token, body=None, content_type="application/json"):
    request = urllib.request.Request(url, data=body.encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {token}", "content-type": content_type})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def percentiles(samples):
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return f"p50 {pick(0.50):.2f}  p90 {pick(0.90):.2f}  p99 {pick(0.99):.2f}  max {ordered[-1]:.2f} ms  (n={len(ordered)}, mean {statistics.mean(ordered):.2f})"


def session(nsupdate_key, dns_port, names, round_no, tcp):
    """One nsupdate process; returns the milliseconds from writing each `send` to reading its answer's status line."""
    args = ["stdbuf", "-oL", "nsupdate", "-y", nsupdate_key] + (["-v"] if tcp else [])
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    proc.stdin.write(f"server 127.0.0.1 {dns_port}\nzone {ZONE}\n")
    samples = []
    for i, name in enumerate(names):
        script = (f"update delete {name}.{ZONE} A\nupdate add {name}.{ZONE} 300 A 10.{round_no}.{i // 256}.{i % 256}\n")
        proc.stdin.write(script)
        proc.stdin.flush()
        start = time.perf_counter()
        proc.stdin.write("send\nanswer\n")
        proc.stdin.flush()
        while True:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit("nsupdate stopped: " + proc.stderr.read() if proc.stderr else "nsupdate stopped")
            if "status:" in line:
                if "NOERROR" not in line:
                    raise SystemExit(f"update refused: {line.strip()}")
                break
        samples.append((time.perf_counter() - start) * 1000)
    proc.stdin.close()
    proc.wait(timeout=30)
    return samples


def processes(nsupdate_key, dns_port, names, round_no):
    samples = []
    for i, name in enumerate(names):
        script = (f"server 127.0.0.1 {dns_port}\nzone {ZONE}\nupdate delete {name}.{ZONE} A\n"
                  f"update add {name}.{ZONE} 300 A 10.{round_no}.{i // 256}.{i % 256}\nsend\n")
        start = time.perf_counter()
        done = subprocess.run(["nsupdate", "-y", nsupdate_key], input=script, capture_output=True, text=True)
        samples.append((time.perf_counter() - start) * 1000)
        if done.returncode != 0:
            raise SystemExit("nsupdate failed: " + done.stdout + done.stderr)
    return samples


def served(dns_port, name):
    out = subprocess.run(["kdig", "@127.0.0.1", "-p", str(dns_port), f"{name}.{ZONE}", "A", "+short"], capture_output=True, text=True)
    return out.stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--processes", type=int, default=100, help="updates timed one nsupdate process each")
    parser.add_argument("--database", help="a PostgreSQL connection string (default: SQLite in the data directory)")
    args = parser.parse_args()
    for tool in ("nsupdate", "kdig", "stdbuf"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (bind9-dnsutils, knot-dnsutils, coreutils)")

    data = tempfile.mkdtemp(prefix="meridian-update-bench-")
    serve = None
    try:
        database = ["--database", args.database] if args.database else []
        created = meridian(args.server, "tsig", "create", "--name", "bench-update", "--update-zone", ZONE, "--data", data, *database)
        secret = created.stdout.strip().splitlines()[-1].strip()
        key = f"hmac-sha256:bench-update:{secret}"
        http_port, dns_port = free_port(), free_port()
        log = open(os.path.join(data, "serve.log"), "w")
        serve = subprocess.Popen(["dotnet", os.path.join(args.server, "meridian.dll"), "serve", "--data", data, *database,
                                  "--http", f"127.0.0.1:{http_port}", "--dns", f"127.0.0.1:{dns_port}", "--Dns:SandboxListen=off"],
                                 stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{http_port}"
        admin = None
        for _ in range(600):
            if serve.poll() is not None:
                raise SystemExit("meridian serve exited:\n" + open(log.name).read())
            lines = [l.strip() for l in open(log.name) if l.startswith("mk_")]
            if lines:
                try:
                    urllib.request.urlopen(base + "/readyz", timeout=2)
                    admin = lines[0]
                    break
                except OSError:
                    pass
            time.sleep(0.2)
        if admin is None:
            raise SystemExit("meridian serve did not become ready")
        account = http(base + "/api/admin/accounts", admin, '{"kind":"client","name":"bench","email":"bench@example.net"}')
        token = http(f"{base}/api/admin/accounts/{account['id']}/keys", admin, '{"name":"bench"}')["token"]
        zone_file = f"$ORIGIN {ZONE}\n$TTL 3600\n" + "".join(f"h{i} A 192.0.2.{i % 250 + 1}\n" for i in range(1000))
        http(base + "/api/client/import/bind", token, zone_file, "text/plain")

        names = [f"n{i}" for i in range(args.updates)]
        session(key, dns_port, [f"w{i}" for i in range(args.warmup)], 0, tcp=False)
        udp = session(key, dns_port, names, 1, tcp=False)
        tcp = session(key, dns_port, names, 2, tcp=True)
        per_process = processes(key, dns_port, names[:args.processes], 3)
        # Every name holds the value of the last round that wrote it.
        for i, name in enumerate(names):
            want = f"10.{3 if i < args.processes else 2}.{i // 256}.{i % 256}"
            if served(dns_port, name) != want:
                raise SystemExit(f"{name}.{ZONE} answers {served(dns_port, name)!r}, not {want}")
        store = "PostgreSQL" if args.database else "SQLite"
        print(f"UPDATE round trips, meridian serve on {store}, zone of 1,000 records, each a signed delete+add of one name:")
        print(f"  nsupdate session, UDP : {percentiles(udp)}")
        print(f"  nsupdate session, TCP : {percentiles(tcp)}")
        print(f"  one nsupdate per update: {percentiles(per_process)}")
    finally:
        if serve is not None:
            serve.terminate()
            try:
                serve.wait(timeout=15)
            except subprocess.TimeoutExpired:
                serve.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
