"""The Client, Email DNS and Simple APIs against the live fixture, and the generated types against what the
server serves now."""
from __future__ import annotations

import json
import sys
import unittest
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, List

from meridian_dns import AuthenticationError, BadRequestError, ConflictError, Meridian, MeridianSimple, NotFoundError

from .live_fixture import dig, eventually, fixture

SDK_ROOT = Path(__file__).resolve().parents[1]


def stand_in_records(stand_in: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Every DNS record the Cloudflare stand-in holds for the zone, read the way Cloudflare's API pages them."""
    records: List[Dict[str, Any]] = []
    page = 1
    while True:
        request = urllib.request.Request(
            f"{stand_in['baseUrl']}/zones/{stand_in['zoneId']}/dns_records?page={page}&per_page=100",
            headers={"Authorization": f"Bearer {stand_in['token']}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = json.loads(answer.read())
        records.extend(body["result"])
        info = body.get("result_info") or {}
        if page >= int(info.get("total_pages") or 1):
            return records
        page += 1


class ClientApiTests(unittest.TestCase):
    def test_domains_records_with_country_codes_zone_files_and_history(self) -> None:
        fx = fixture()
        client = Meridian(api_key=fx["client"]["apiKey"], base_url=fx["baseUrl"])
        name = f"py-client-{uuid.uuid4().hex[:8]}.example"
        domain = client.client.domains.create(name=name)
        self.assertIn(domain["id"], [d["id"] for d in client.client.domains.list()])

        record = client.client.records.create(domain_id=domain["id"], type="a", name="geo", value="192.0.2.40",
                                              ttl=300, country_codes=["US", "CA"])
        self.assertEqual((record["type"], record["country_codes"]), ("A", ["US", "CA"]))
        updated = client.client.records.update(record["id"], name="geo", type="A", value="192.0.2.41", ttl=300,
                                               country_codes=["disabled"])
        self.assertEqual(updated["value"], "192.0.2.41")
        eventually(lambda: dig(fx["dns"], f"geo.{name}", "A"), lambda a: a == ["192.0.2.41"], "client record served")
        self.assertEqual([r["id"] for r in client.client.records.list(domain["id"])], [record["id"]])

        zone = client.client.domains.export_bind(domain["id"])
        self.assertIn("192.0.2.41", zone)
        imported = client.client.import_bind(f"$ORIGIN {name}.\n$TTL 3600\nmail IN A 192.0.2.42\n")
        self.assertEqual(imported["records_created"], 1)
        self.assertEqual(imported["domain"]["id"], domain["id"])
        eventually(lambda: dig(fx["dns"], f"mail.{name}", "A"), lambda a: a == ["192.0.2.42"], "imported record")
        self.assertGreaterEqual(len(list(client.client.domains.changes(domain["id"]))), 3)

        self.assertEqual(client.client.records.delete(record["id"])["message"], "Record deleted")
        with self.assertRaises(NotFoundError) as missing:
            client.client.records.delete(record["id"])
        self.assertIsInstance(missing.exception.body.get("error"), str)
        with self.assertRaises(BadRequestError):
            client.client.domains.delete("not-a-uuid")
        client.client.domains.delete(domain["id"])
        self.assertNotIn(domain["id"], [d["id"] for d in client.client.domains.list()])

        # Rotation: the old key stops working, and the client carries on with the new one.
        old_key = client.api_key
        rotated = client.client.rotate_api_key()
        self.assertNotEqual(rotated["api_token"], old_key)
        self.assertEqual(client.api_key, rotated["api_token"])
        client.client.domains.list().to_list()
        with self.assertRaises(AuthenticationError):
            Meridian(api_key=old_key, base_url=fx["baseUrl"]).client.domains.list().to_list()


class EmailDnsTests(unittest.TestCase):
    def test_provider_authorize_and_set_write_the_records_at_the_provider(self) -> None:
        fx = fixture()
        email = fx["emailDns"]
        client = Meridian(api_key=email["apiKey"], base_url=fx["baseUrl"])
        self.assertEqual(client.email_dns.provider(email["domain"])["provider"], email["provider"])
        credentials = {"api_key": email["authorize"].get("ApiKey"), "api_secret": email["authorize"].get("ApiSecret"),
                       "api_user": email["authorize"].get("ApiUser"), "username": email["authorize"].get("Username")}
        self.assertTrue(client.email_dns.authorize(domain=email["domain"], provider=email["provider"],
                                                   **credentials)["success"])
        result = client.email_dns.set(domain=email["domain"], provider=email["provider"],
                                      record_type=email["recordType"])  # the credentials authorize kept
        self.assertTrue(result["success"])

        held = stand_in_records(email["standIn"])
        txt = [r["content"].strip('"') for r in held if r["type"] == "TXT"]
        self.assertTrue(any(t.startswith("v=spf1") for t in txt), held)
        self.assertTrue(any(r["name"].startswith("_dmarc.") and "v=DMARC1" in r["content"] for r in held), held)
        dkim = client.email_dns.dkim(email["domain"])["keys"]
        self.assertTrue(dkim)
        self.assertTrue(any(r["name"].rstrip(".") == dkim[0]["dns_name"].rstrip(".") for r in held), held)
        history = list(client.email_dns.history(email["domain"]))
        self.assertEqual(history[0]["provider"], email["provider"])

        with self.assertRaises(BadRequestError) as refused:  # code 4: the record type is required
            client.email_dns.set(domain=email["domain"], provider=email["provider"], record_type="")
        self.assertEqual(refused.exception.codes, [4])
        self.assertIn("Errors", refused.exception.body)


class SimpleApiTests(unittest.TestCase):
    def test_upsert_points_a_name_at_a_host_and_dns_answers_it(self) -> None:
        fx = fixture()
        simple_fx = fx["simple"]
        simple = MeridianSimple(simple_fx["token"], base_url=simple_fx["baseUrl"])
        self.assertEqual(simple.whoami()["id"], simple_fx["user"])
        self.assertIn(simple_fx["domain"], [d["id"] for d in simple.domains() if d["type"] == "domain"])

        sub = f"py{uuid.uuid4().hex[:8]}"
        first = simple.records.upsert("A", simple_fx["domain"], sub, "192.0.2.50")
        again = simple.records.upsert("A", simple_fx["domain"], sub, "192.0.2.51")
        self.assertEqual(first["id"], again["id"])
        self.assertEqual((again["to"], again["subdomain"]), ("192.0.2.51", sub))
        eventually(lambda: dig(fx["dns"], f"{sub}.{simple_fx['domain']}", "A"), lambda a: a == ["192.0.2.51"],
                   "simple upsert served")
        self.assertIn(first["id"], [r["id"] for r in simple.records.list()])
        self.assertEqual(simple.records.retrieve(first["id"])["to"], "192.0.2.51")

        with self.assertRaises(ConflictError):  # POST /records refuses a name that has a record
            simple.records.create(domain_type="A", domain=simple_fx["domain"], subdomain=sub, to="192.0.2.52")
        with self.assertRaises(BadRequestError) as blacklisted:
            simple.records.upsert("A", simple_fx["domain"], simple_fx["blacklist"][0], "192.0.2.53")
        self.assertIn("blacklisted", blacklisted.exception.messages[0])

        self.assertEqual(simple.records.delete_by_name("A", simple_fx["domain"], sub)["id"], first["id"])
        eventually(lambda: dig(fx["dns"], f"{sub}.{simple_fx['domain']}", "A"), lambda a: a == [],
                   "simple delete served")

        via_client = Meridian(api_key=fx["partner"]["productionKey"], base_url=fx["baseUrl"],
                              simple_token=simple_fx["token"], simple_base_url=simple_fx["baseUrl"])
        self.assertEqual(via_client.simple.whoami()["id"], simple_fx["user"])


class GeneratedTypesTests(unittest.TestCase):
    def test_the_committed_types_match_what_the_server_serves(self) -> None:
        sys.path.insert(0, str(SDK_ROOT / "scripts"))
        try:
            import generate_types
        finally:
            sys.path.pop(0)
        for path, text in generate_types.generate(fixture()["baseUrl"]).items():
            with self.subTest(module=path.name):
                self.assertTrue(path.exists(), f"{path} is missing; run scripts/generate_types.py")
                self.assertEqual(path.read_text("utf-8"), text,
                                 f"{path.name} differs from the served document; run scripts/generate_types.py")


if __name__ == "__main__":
    unittest.main()
