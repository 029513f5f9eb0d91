#!/usr/bin/env python3
"""Asks BIND's named-compilezone what it makes of each record of bind-cases.txt ("TYPE rdata") and of
a fixed-seed set of random cases (mostly-valid wire data in the RFC 3597 form, and SVCB parameter
lists), and writes BindCases.g.cs: BIND's printed rdata, or the message it refused the record with.

Usage: python3 generate-bind-cases.py   (needs named-compilezone on PATH; runs in about a second)
"""
import os
import random
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# A one-off deeper search for differences: BIND_CASES_SCALE=20 (commit only the default set).
SCALE = int(os.environ.get("BIND_CASES_SCALE", "1"))
ORIGIN = "example."
RECORD = re.compile(r"^r(\d+)\.example\.\s+\d+\s+IN\s+\S+[ \t]*(.*)$")
MESSAGE = re.compile(r"^dns_rdata_fromtext: [^:]*:(\d+): (?:near (?:eol|'.*'): )?(.*)$")
FIRST_LINE = 5  # the zone header takes four lines


def ask_bind(lines):
    """One zone holds every case; BIND reports each refused line, so refused lines are dropped and
    the rest loaded again until it prints the zone."""
    results = {}
    pending = list(range(len(lines)))
    while True:
        with tempfile.NamedTemporaryFile("w", suffix=".db", delete=False, encoding="latin-1") as zone:
            zone.write("$TTL 300\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n")
            for n in pending:
                zone.write("r%d %s\n" % (n, lines[n]))
            path = zone.name
        try:
            run = subprocess.run(["named-compilezone", "-i", "none", "-k", "ignore", "-o", "-", ORIGIN, path],
                                 capture_output=True, text=True, encoding="latin-1")
        finally:
            os.unlink(path)
        if run.returncode == 0:
            for out in run.stdout.splitlines():
                match = RECORD.match(out)
                if match:
                    results[int(match.group(1))] = ("ok", match.group(2).rstrip())
            return results
        refused = {}
        for err in (run.stdout + run.stderr).splitlines():
            match = MESSAGE.match(err)
            if match:
                refused[pending[int(match.group(1)) - FIRST_LINE]] = match.group(2).strip()
        if not refused:
            raise SystemExit("named-compilezone failed without an rdata error:\n" + run.stdout + run.stderr)
        for n, message in refused.items():
            results[n] = ("error", message)
        pending = [n for n in pending if n not in refused]


def generic(rdtype, data):
    return "%s \\# %d %s" % (rdtype, len(data), data.hex()) if data else "%s \\# 0" % rdtype


def random_name(rnd):
    if rnd.random() < 0.7:
        return rnd.choice([b"\x00", b"\x03foo\x00", b"\x03foo\x07example\x00", b"\x01*\x03f.o\x00", b"\x02\x00 \x00"])
    return rnd.choice([b"\x01a", b"\x05ab", b"\xc0\x0c", b"\x40abc\x00"])


def random_bytes(rnd, low, high):
    return bytes(rnd.randrange(256) for _ in range(rnd.randint(low, high)))


def random_svcb_value(rnd, key):
    shapes = {
        0: lambda: b"".join(k.to_bytes(2, "big") for k in sorted(rnd.sample(range(1, 9), rnd.randint(0, 3)))),
        1: lambda: rnd.choice([b"\x02h2", b"\x02h2\x02h3", b"\x00", b"\x03h2", b""]),
        2: lambda: rnd.choice([b"", b"x"]),
        3: lambda: rnd.choice([b"\x00\x35", b"\x01", b"\x01\x02\x03"]),
        4: lambda: rnd.choice([b"\xc0\x00\x02\x01", b"\xc0\x00\x02", b""]),
        5: lambda: random_bytes(rnd, 0, 4),
        6: lambda: rnd.choice([bytes(15) + b"\x01", bytes(10) + b"\xff\xff\xc0\x00\x02\x01", b"\x20\x01"]),
        7: lambda: rnd.choice([b"/{?dns}", b"/q{?dns}\xff", b"q{?dns}", b"/dns-query{?dns}"]),
    }
    return shapes.get(key, lambda: random_bytes(rnd, 0, 3))()


def random_svcb(rnd):
    keys = sorted(rnd.sample([0, 1, 2, 3, 4, 5, 6, 7, 8, 667], rnd.randint(0, 4)))
    if rnd.random() < 0.15:
        rnd.shuffle(keys)
    if keys and rnd.random() < 0.1:
        keys.append(keys[-1])
    data = rnd.choice([0, 1, 16]).to_bytes(2, "big") + rnd.choice([b"\x00", b"\x03foo\x00"])
    for key in keys:
        value = random_svcb_value(rnd, key)
        data += key.to_bytes(2, "big") + len(value).to_bytes(2, "big") + value
    if rnd.random() < 0.1:
        data = data[:rnd.randrange(len(data))]
    return data


def random_loc(rnd):
    precision = [rnd.choice([0x00, 0x12, 0x16, 0x13, 0x99, 0x50, 0x11, 0x35, 0x0a, 0x01, 0xa0]) for _ in range(3)]
    equator = 0x80000000
    latitude = equator + rnd.choice([0, 1, -1, 90 * 3600000, -90 * 3600000, 90 * 3600000 + 1, rnd.randint(-324000000, 324000000), rnd.randint(-324000000, 324000000)])
    longitude = equator + rnd.choice([0, 180 * 3600000, -180 * 3600000 - 1, rnd.randint(-648000000, 648000000), rnd.randint(-648000000, 648000000)])
    altitude = rnd.choice([0, 10000000, 9999999, 0xFFFFFFFF, rnd.randrange(1 << 32)])
    data = bytes([rnd.choice([0, 0, 0, 0, 1])] + precision) + latitude.to_bytes(4, "big") + longitude.to_bytes(4, "big") + altitude.to_bytes(4, "big")
    return data[:rnd.choice([16, 16, 16, 15, 3, 1])] + (b"\x00" if rnd.random() < 0.05 else b"")


def random_apl(rnd):
    data = b""
    for _ in range(rnd.randint(0, 3)):
        family = rnd.choice([1, 1, 2, 2, 3])
        limit = {1: 4, 2: 16}.get(family, 6)
        length = rnd.randint(0, limit + 1) if rnd.random() < 0.2 else rnd.randint(0, limit)
        address = random_bytes(rnd, length, length)
        if address and rnd.random() < 0.9:
            address = address[:-1] + bytes([address[-1] or 1])
        prefix = rnd.randint(0, 130) if rnd.random() < 0.2 else rnd.randint(0, {1: 32, 2: 128}.get(family, 255))
        data += family.to_bytes(2, "big") + bytes([prefix, length | rnd.choice([0, 0x80])]) + address
    return data[:len(data) - rnd.choice([0, 0, 0, 1])]


def random_gateway(rnd, kind):
    return {0: b"", 1: random_bytes(rnd, 3, 4), 2: random_bytes(rnd, 15, 16), 3: random_name(rnd)}.get(kind, random_bytes(rnd, 0, 3))


def random_case(rnd, rdtype):
    if rdtype in ("SVCB", "HTTPS"):
        return random_svcb(rnd)
    if rdtype == "LOC":
        return random_loc(rnd)
    if rdtype == "APL":
        return random_apl(rnd)
    if rdtype == "IPSECKEY":
        kind = rnd.randint(0, 4)
        return bytes([rnd.randrange(256), kind, rnd.randrange(256)]) + random_gateway(rnd, kind) + random_bytes(rnd, 0, 3)
    if rdtype == "AMTRELAY":
        kind = rnd.choice([0, 1, 2, 3, 4, 0x7f])
        return bytes([rnd.randrange(256), kind | rnd.choice([0, 0x80])]) + random_gateway(rnd, kind) + (b"\x00" if rnd.random() < 0.1 else b"")
    if rdtype == "HIP":
        hit, key = rnd.randint(0, 3), rnd.randint(0, 3)
        data = bytes([hit, 2]) + key.to_bytes(2, "big") + random_bytes(rnd, hit + key, hit + key)
        return data + b"".join(random_name(rnd) for _ in range(rnd.randint(0, 2)))
    if rdtype == "A6":
        prefix = rnd.choice([0, 1, 7, 8, 64, 120, 127, 128, 129])
        suffix = bytes(rnd.randrange(256) & (0xff >> (prefix % 8)) if rnd.random() < 0.8 else 0xff for _ in range(16 - prefix // 8 if prefix <= 128 else 0))
        if prefix == 128:
            suffix = b""
        return bytes([prefix]) + suffix + (random_name(rnd) if prefix else b"") + (b"\x00" if rnd.random() < 0.1 else b"")
    if rdtype == "ATMA":
        return bytes([rnd.choice([0, 1, 2])]) + rnd.choice([b"", b"12", b"1a", random_bytes(rnd, 1, 3)])
    if rdtype in ("NID", "L64"):
        return random_bytes(rnd, 9, 11)
    if rdtype == "L32":
        return random_bytes(rnd, 5, 7)
    if rdtype == "LP":
        return random_bytes(rnd, 1, 2) + random_name(rnd)
    if rdtype == "EUI48":
        return random_bytes(rnd, 5, 7)
    if rdtype == "EUI64":
        return random_bytes(rnd, 7, 9)
    if rdtype == "TALINK":
        return random_name(rnd) + random_name(rnd)
    if rdtype == "DOA":
        media = rnd.randint(0, 4)
        return random_bytes(rnd, 9, 9) + bytes([media]) + random_bytes(rnd, max(0, media - 1), media + 3)
    if rdtype in ("AVC", "RESINFO", "WALLET"):
        data = b""
        for _ in range(rnd.randint(0, 3)):
            length = rnd.randint(0, 4)
            data += bytes([length]) + random_bytes(rnd, length, length)
        return data[:len(data) - rnd.choice([0, 0, 1])]
    if rdtype == "DSYNC":
        rrtype = rnd.choice([0, 1, 59, 62, 65533, 65535, 128, 249, rnd.randrange(65536)])
        return rrtype.to_bytes(2, "big") + bytes([rnd.choice([0, 1, 2, 255])]) + random_bytes(rnd, 2, 2) + random_name(rnd)
    if rdtype in ("HHIT", "BRID"):
        return random_bytes(rnd, 0, 5)
    raise ValueError(rdtype)


SVCB_TOKENS = [
    "mandatory=alpn", "mandatory=port,alpn", "mandatory=key7", "mandatory=no-default-alpn", "mandatory=key8,ech",
    "mandatory=ipv4hint", "alpn=h2", "alpn=h2,h3", "no-default-alpn", "port=53", "ipv4hint=192.0.2.1",
    "ech=AAAA", "ech", "ipv6hint=::1", "dohpath=/{?dns}", "key7=/x{?dns}", "key8", "key65535=x",
    "key0=\\000\\001", "key2", "key1=\\002h3", "Port=12",
]


def random_cases():
    rnd = random.Random(9460)
    types = ["SVCB", "HTTPS", "LOC", "APL", "IPSECKEY", "AMTRELAY", "HIP", "A6", "ATMA", "NID", "L64", "L32", "LP",
             "EUI48", "EUI64", "TALINK", "DOA", "AVC", "RESINFO", "WALLET", "DSYNC", "HHIT", "BRID"]
    cases = []
    for rdtype in types:
        count = {"SVCB": 120, "LOC": 100}.get(rdtype, 40) * SCALE
        cases.extend(generic(rdtype, random_case(rnd, rdtype)) for _ in range(count))
    for _ in range(150 * SCALE):
        tokens = [rnd.choice(SVCB_TOKENS) for _ in range(rnd.randint(0, 5))]
        cases.append("SVCB %d foo %s" % (rnd.choice([0, 1]), " ".join(tokens)))
    return cases


SAFE_CHARS = "0123456789abcdefxyzNSEWm.:-+/=,!"


def mutate(rnd, rdata):
    """A small edit of written rdata that stays clear of the lexer (no quotes, parentheses, comments)."""
    tokens = rdata.split()
    op = rnd.randrange(7)
    if op == 5 and tokens:
        n = rnd.randrange(len(tokens))
        tokens[n] = '"' + tokens[n] + '"'
        return " ".join(tokens)
    if op == 6 and tokens:
        n = rnd.randrange(len(tokens))
        at = rnd.randrange(len(tokens[n]) + 1)
        escape = "\\" + rnd.choice(["%03d" % rnd.randrange(300), "%02d" % rnd.randrange(100), rnd.choice(SAFE_CHARS + " ,")])
        tokens[n] = tokens[n][:at] + escape + tokens[n][at:]
        return " ".join(tokens)
    if op == 0 and tokens:
        del tokens[rnd.randrange(len(tokens))]
    elif op == 1 and tokens:
        n = rnd.randrange(len(tokens))
        tokens.insert(n, tokens[n])
    elif op == 2 and len(tokens) > 1:
        a, b = rnd.sample(range(len(tokens)), 2)
        tokens[a], tokens[b] = tokens[b], tokens[a]
    elif tokens:
        n = rnd.randrange(len(tokens))
        token = tokens[n]
        at = rnd.randrange(len(token) + 1)
        if op == 3:
            token = token[:at] + rnd.choice(SAFE_CHARS) + token[at + 1:]
        else:
            token = token[:at] + rnd.choice(SAFE_CHARS) + token[at:]
        tokens[n] = token
    return " ".join(tokens)


def mutated_cases(lines):
    rnd = random.Random(1035)
    cases = []
    for line in lines:
        rdtype, _, rdata = line.partition(" ")
        if rdata.startswith("\\#") or any(c in rdata for c in '"();\\'):
            continue
        for _ in range(3 * SCALE):
            cases.append((rdtype + " " + mutate(rnd, rdata)).strip())
    return cases


def main():
    lines = []
    with open(os.path.join(HERE, "bind-cases.txt"), encoding="latin-1") as written:
        for line in written:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                lines.append(line)
    lines.extend(mutated_cases(lines))
    lines.extend(random_cases())
    lines = list(dict.fromkeys(lines))
    results = ask_bind(lines)
    rows = []
    for n, line in enumerate(lines):
        kind, text = results[n]
        rdtype, _, rdata = line.partition(" ")
        rows.append("\t".join([rdtype, rdata, kind, text]))
    body = "\n".join(rows)
    quotes = '"' * max(3, max(len(m) for m in re.findall('"+', body)) + 1)
    version = subprocess.run(["named-compilezone", "-v"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(HERE, "BindCases.g.cs"), "w", encoding="utf-8") as out:
        out.write("// <auto-generated>\n")
        out.write("// Generated by generate-bind-cases.py with named-compilezone " + version + ".\n")
        out.write("// Do not edit; add cases to bind-cases.txt and run the script again.\n")
        out.write("// </auto-generated>\n\n")
        out.write("namespace Meridian.Dns.Tests.RdataModern;\n\n")
        out.write("/// <summary>TYPE, rdata as written, \"ok\" or \"error\", and BIND's output or message.</summary>\n")
        out.write("internal static class BindCases\n{\n")
        out.write("    public const string Tsv = " + quotes + "\n")
        out.write(body + "\n")
        out.write(quotes + ";\n}\n")
    print(f"{len(rows)} cases")


if __name__ == "__main__":
    main()
