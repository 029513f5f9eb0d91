#!/usr/bin/env python3
"""One round of the idle-connection attack on a running `meridian serve` (bench/idle-connections.sh starts it).

Opens HTTP connections and DNS-over-TCP connections (from several loopback sources) and sends nothing on them,
holds them, and meanwhile asks the DNS server over UDP every 50 ms and over TCP from 127.0.0.1 every second.
Then closes them all and times how long HTTP (GET /healthz) and DNS over TCP take to work again.
Prints one line of JSON with what it saw. The server's CPU, memory and descriptors come from /proc.
"""
import argparse, json, os, random, socket, struct, threading, time

def proc_cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

def proc_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0

def alive(pid):
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except OSError:
        return False

def query(name):
    header = struct.pack(">HHHHHH", random.randint(0, 65535), 0, 1, 0, 0, 0)
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.strip(".").split(".")) + b"\0"
    return header + labels + struct.pack(">HH", 6, 1)  # SOA IN: any answer (REFUSED included) counts

def ask_udp(server, name, timeout=1.0):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(query(name), server)
        try:
            return len(s.recv(4096)) >= 12
        except OSError:
            return False

def ask_tcp(server, name, timeout=1.0):
    try:
        with socket.create_connection(server, timeout=timeout) as s:
            message = query(name)
            s.sendall(struct.pack(">H", len(message)) + message)
            return len(s.recv(4096)) >= 14
    except OSError:
        return False

def http_ok(server, timeout=1.0):
    try:
        with socket.create_connection(server, timeout=timeout) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False

def open_idle(server, count, sources):
    sockets = []
    for i in range(count):
        s = socket.socket()
        s.setblocking(False)
        s.bind((sources[i % len(sources)], 0))
        try:
            s.connect(server)
        except (BlockingIOError, OSError):
            pass  # in progress or refused: the server saw the attempt either way
        sockets.append(s)
    return sockets

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--http", required=True)
    p.add_argument("--dns", required=True)
    p.add_argument("--http-connections", type=int, default=3000)
    p.add_argument("--dns-connections", type=int, default=1500)
    p.add_argument("--dns-sources", type=int, default=30)
    p.add_argument("--seconds", type=float, default=20)
    a = p.parse_args()
    host, port = a.http.rsplit(":", 1); http = (host, int(port))
    host, port = a.dns.rsplit(":", 1); dns = (host, int(port))
    name = "example."

    result = {"rss_mb_before": proc_rss_mb(a.pid)}
    held = open_idle(http, a.http_connections, ["127.0.0.1"])
    held += open_idle(dns, a.dns_connections, [f"127.0.0.{2 + i}" for i in range(a.dns_sources)])
    start = time.monotonic()
    cpu_start = proc_cpu_seconds(a.pid)
    cpu_last, cpu_last_at = cpu_start, start
    udp = {"asked": 0, "answered": 0}
    tcp = {"asked": 0, "answered": 0}
    stop = threading.Event()

    def probe(ask, counts, every):  # each probe on its own thread, so a TCP timeout does not slow the UDP questions
        while not stop.is_set():
            counts["asked"] += 1
            counts["answered"] += ask(dns, name)
            stop.wait(every)

    # TCP waits 3 s, as a resolver would: long enough for one retransmitted SYN when a burst of connects has filled
    # the listener's backlog for a moment.
    probes = [threading.Thread(target=probe, args=(ask_udp, udp, 0.05)),
              threading.Thread(target=probe, args=(lambda server, n: ask_tcp(server, n, timeout=3.0), tcp, 1.0))]
    for t in probes:
        t.start()
    peak_rss = peak_fds = 0
    died_at = None
    while time.monotonic() - start < a.seconds:
        try:
            peak_rss = max(peak_rss, proc_rss_mb(a.pid))
            peak_fds = max(peak_fds, len(os.listdir(f"/proc/{a.pid}/fd")))
            cpu_last, cpu_last_at = proc_cpu_seconds(a.pid), time.monotonic()
        except OSError:
            pass
        if not alive(a.pid):
            died_at = round(time.monotonic() - start, 1)
            break
        time.sleep(0.25)
    stop.set()
    for t in probes:
        t.join()
    result.update({
        "died_after_s": died_at,
        "udp_answered": f"{udp['answered']}/{udp['asked']}",
        "tcp_answered": f"{tcp['answered']}/{tcp['asked']}",
        # while alive: a spinning accept loop shows as about 1.0
        "cpu_of_a_core": round((cpu_last - cpu_start) / max(cpu_last_at - start, 0.001), 2),
        "peak_rss_mb": peak_rss,
        "peak_fds": peak_fds,
    })
    for s in held:
        s.close()
    released = time.monotonic()
    http_back = dns_back = None
    while died_at is None and time.monotonic() - released < 30 and (http_back is None or dns_back is None):
        if http_back is None and http_ok(http):
            http_back = round(time.monotonic() - released, 2)
        if dns_back is None and ask_tcp(dns, name):
            dns_back = round(time.monotonic() - released, 2)
        time.sleep(0.1)
    result.update({"http_back_after_s": http_back, "dns_tcp_back_after_s": dns_back, "alive_at_end": alive(a.pid)})
    print(json.dumps(result))

if __name__ == "__main__":
    main()
