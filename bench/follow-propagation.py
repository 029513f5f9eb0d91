#!/usr/bin/env python3
"""Propagation delay of a fleet (issue 17): one API node (--role all) and N edge nodes (--role edge) on one
PostgreSQL. Each write is a record created through the API node; the clock starts when the API acknowledges it
(201 received) and stops, per node, at the first UDP answer from that node that holds the new record (each node is
asked every millisecond or so). Prints p50/p99/max of "answered by this node" and "answered by every node".
Run by bench/follow-propagation.sh, which builds the server and starts a throw-away PostgreSQL."""
import argparse
import json
import os
import random
import select
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, server, role, database, dns_address, work):
        self.role = role
        self.http = f"127.0.0.1:{free_port()}"
        self.dns = (dns_address, free_port())
        self.admin_key = None
        data = tempfile.mkdtemp(dir=work)
        args = ["dotnet", os.path.join(server, "meridian.dll"), "serve", "--role", role, "--database", database, "--data", data,
                "--http", self.http, "--dns", f"{dns_address}:{self.dns[1]}", "--Dns:SandboxListen=off", "--Dns:UdpWorkers=1",
                "--Logging:LogLevel:Default=Warning"]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://{self.http}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit(f"{role} node did not start")

    def _read(self):
        for line in self.process.stdout:
            if line.startswith("mk_"):
                self.admin_key = line.strip()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def call(http, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://{http}{path}", data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.loads(r.read())


def query(name):
    header = struct.pack(">HHHHHH", random.randrange(65536), 0, 1, 0, 0, 0)
    qname = b"".join(bytes([len(label)]) + label.encode() for label in name.rstrip(".").split(".")) + b"\0"
    return header + qname + struct.pack(">HH", 1, 1)


def wait_answered(nodes, name, start, limit=10.0):
    """Seconds from start until each node answers name with at least one record (None if not within limit)."""
    packet = query(name)
    sockets = {}
    for node in nodes:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setblocking(False)
        s.connect(node.dns)
        sockets[s] = node
    seen = {}
    try:
        while len(seen) < len(nodes) and time.perf_counter() - start < limit:
            for s, node in sockets.items():
                if node not in seen.values():
                    s.send(packet)
            ready, _, _ = select.select([s for s, n in sockets.items() if n not in seen.values()], [], [], 0.001)
            for s in ready:
                try:
                    reply = s.recv(4096)
                except OSError:
                    continue
                if len(reply) >= 12 and struct.unpack(">H", reply[6:8])[0] > 0 and s not in seen:
                    seen[s] = sockets[s]
                    sockets[s].answered_at = time.perf_counter() - start
    finally:
        for s in sockets:
            s.close()
    return [getattr(n, "answered_at", None) if n in seen.values() else None for n in nodes]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--edges", type=int, default=2)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20, help="writes made and waited for first, not counted (start-up JIT)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="meridian-follow-bench.")
    api = Node(args.server, "all", args.database, "127.0.0.1", work)
    edges = []
    try:
        edges = [Node(args.server, "edge", args.database, f"127.0.0.{2 + i}", work) for i in range(args.edges)]
        deadline = time.time() + 10
        while api.admin_key is None and time.time() < deadline:
            time.sleep(0.1)
        if api.admin_key is None:
            raise SystemExit("the API node printed no admin key (is the database fresh?)")
        account = call(api.http, api.admin_key, "POST", "/api/admin/accounts", {"kind": "client", "name": "bench", "email": "bench@example.net"})
        token = call(api.http, api.admin_key, "POST", f"/api/admin/accounts/{account['id']}/keys", {"name": "bench"})["token"]
        zone = call(api.http, token, "POST", "/api/client/domains", {"name": f"bench-{random.randrange(10**9)}.com"})
        nodes = [api] + edges
        per_node = [[] for _ in nodes]
        every = []
        missed = 0
        for i in range(-args.warmup, args.writes):
            call(api.http, token, "POST", "/api/client/records", {"domain_id": zone["id"], "name": f"r{i}" if i >= 0 else f"warm{-i}", "type": "A", "value": "192.0.2.7"})
            start = time.perf_counter()
            times = wait_answered(nodes, (f"r{i}" if i >= 0 else f"warm{-i}") + f".{zone['name']}", start)
            if i < 0:
                continue
            if any(t is None for t in times):
                missed += 1
                continue
            for k, t in enumerate(times):
                per_node[k].append(t)
            every.append(max(times))
        ms = lambda v: f"{v * 1000:.1f} ms"
        print(f"{args.writes} writes after {args.warmup} uncounted, 1 API node + {args.edges} edge node(s); not answered within 10 s: {missed}")
        for node, values in zip(nodes, per_node):
            print(f"  {node.role:4} {node.dns[0]}: p50 {ms(percentile(values, 50))}, p99 {ms(percentile(values, 99))}, max {ms(max(values))}")
        print(f"  every node: p50 {ms(percentile(every, 50))}, p99 {ms(percentile(every, 99))}, max {ms(max(every))}")
    finally:
        for node in edges + [api]:
            node.stop()


if __name__ == "__main__":
    sys.exit(main())
