"""The issue's scenario on the Partner API, against the live fixture: users, sessions, domains, records (checked
with dig), a batch, a 422, a 429 handled by retry, sandbox against production."""
from __future__ import annotations

import time
import unittest
import uuid
from typing import Any, Dict, List

from meridian_dns import (AuthenticationError, Meridian, MeridianConfigurationError, NotFoundError,
                          PermissionDeniedError, PocketDNS, RateLimitError, RequestOptions, UnprocessableEntityError)

from .live_fixture import dig, eventually, fixture


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class PartnerScenarioTests(unittest.TestCase):
    fx: Dict[str, Any]
    client: Meridian

    @classmethod
    def setUpClass(cls) -> None:
        cls.fx = fixture()
        cls.client = Meridian(api_key=cls.fx["partner"]["productionKey"], environment="production",
                              base_url=cls.fx["baseUrl"])

    def test_user_session_domain_and_records_are_served_by_dns(self) -> None:
        user = unique("py-user")
        session = self.client.users.create_session(user_identifier=user, email=f"{user}@example.com")
        self.assertEqual(session["user_identifier"], user)
        self.assertTrue(session["login_url"].startswith("http"), session)

        domain_name = f"{unique('py')}.example"
        domain = self.client.users.add_domain(user, name=domain_name)
        self.assertEqual(domain["name"], domain_name)
        self.assertIn(domain["id"], [d["id"] for d in self.client.users.list_domains(user)])
        self.assertEqual(self.client.domains.retrieve(domain["id"])["name"], domain_name)

        record = self.client.records.create(domain_id=domain["id"], type="A", name="www", value="192.0.2.10",
                                            ttl=300)
        self.assertEqual((record["type"], record["name"], record["value"], record["ttl"]),
                         ("A", "www", "192.0.2.10", 300))
        fqdn = f"www.{domain_name}"
        eventually(lambda: dig(self.fx["dns"], fqdn, "A"), lambda a: a == ["192.0.2.10"], f"{fqdn} A created")

        listed = list(self.client.records.list(domain["id"]))
        self.assertIn(record["id"], [r["id"] for r in listed])
        self.assertEqual([r["id"] for r in self.client.records.list(domain["id"], type="A", name="www")],
                         [record["id"]])

        updated = self.client.records.update(record["id"], value="192.0.2.11", ttl=600)
        self.assertEqual((updated["value"], updated["ttl"]), ("192.0.2.11", 600))
        eventually(lambda: dig(self.fx["dns"], fqdn, "A"), lambda a: a == ["192.0.2.11"], f"{fqdn} A updated")

        self.client.records.delete(record["id"])
        eventually(lambda: dig(self.fx["dns"], fqdn, "A"), lambda a: a == [], f"{fqdn} A deleted")
        with self.assertRaises(NotFoundError) as gone:
            self.client.records.retrieve(record["id"])
        self.assertEqual(gone.exception.status, 404)
        self.assertTrue(gone.exception.body["errors"])

        changes = list(self.client.domains.changes(domain["id"]))
        self.assertGreaterEqual(len(changes), 3)  # created, updated, deleted: newest first
        self.assertEqual(changes, sorted(changes, key=lambda c: c["serial"], reverse=True))

    def test_a_batch_applies_deletes_patches_and_posts_at_once(self) -> None:
        user = unique("py-batch")
        self.client.users.create_session(user_identifier=user)
        domain_name = f"{unique('py-batch')}.example"
        domain = self.client.users.add_domain(user, name=domain_name)
        old = self.client.records.create(domain_id=domain["id"], type="A", name="old", value="192.0.2.20")
        keep = self.client.records.create(domain_id=domain["id"], type="A", name="keep", value="192.0.2.21")

        result = self.client.records.batch(
            domain["id"],
            deletes=[{"id": old["id"]}],
            patches=[{"id": keep["id"], "value": "192.0.2.22"}],
            posts=[{"type": "A", "name": "new", "value": "192.0.2.23", "ttl": 120},
                   {"type": "MX", "name": "@", "value": f"mail.{domain_name}", "priority": 10}])
        self.assertEqual(result["deletes"], [old["id"]])
        self.assertEqual(result["patches"][0]["value"], "192.0.2.22")
        self.assertEqual(sorted(p["name"] for p in result["posts"]), ["@", "new"])
        self.assertGreater(result["serial"], 0)

        records = {r["name"]: r for r in self.client.records.list(domain["id"])}
        self.assertEqual(sorted(records), ["@", "keep", "new"])
        self.assertEqual((records["keep"]["value"], records["new"]["value"]), ("192.0.2.22", "192.0.2.23"))
        self.assertEqual((records["@"]["type"], records["@"].get("priority")), ("MX", 10))
        eventually(lambda: dig(self.fx["dns"], f"new.{domain_name}", "A"), lambda a: a == ["192.0.2.23"],
                   "batch post served")
        eventually(lambda: dig(self.fx["dns"], f"keep.{domain_name}", "A"), lambda a: a == ["192.0.2.22"],
                   "batch patch served")
        eventually(lambda: dig(self.fx["dns"], f"old.{domain_name}", "A"), lambda a: a == [], "batch delete served")

    def test_a_repeated_post_with_the_same_idempotency_key_applies_once(self) -> None:
        user = unique("py-idem")
        self.client.users.create_session(user_identifier=user)
        domain = self.client.users.add_domain(user, name=f"{unique('py-idem')}.example")
        options: RequestOptions = {"idempotency_key": unique("create-www")}
        first = self.client.records.create(domain_id=domain["id"], type="A", name="www", value="192.0.2.60",
                                           request_options=options)
        again = self.client.records.create(domain_id=domain["id"], type="A", name="www", value="192.0.2.60",
                                           request_options=options)
        self.assertEqual(first["id"], again["id"])
        self.assertEqual([r["id"] for r in self.client.records.list(domain["id"])], [first["id"]])
        with self.assertRaises(UnprocessableEntityError):  # the same key with another body
            self.client.records.create(domain_id=domain["id"], type="A", name="www", value="192.0.2.61",
                                       request_options=options)

    def test_invalid_records_raise_a_typed_422_listing_every_problem(self) -> None:
        user = unique("py-422")
        self.client.users.create_session(user_identifier=user)
        domain = self.client.users.add_domain(user, name=f"{unique('py-422')}.example")
        with self.assertRaises(UnprocessableEntityError) as raised:
            self.client.records.create(domain_id=domain["id"], type="A", name="bad", value="999.0.0.1", ttl=-5)
        error = raised.exception
        self.assertEqual(error.status, 422)
        self.assertEqual(len(error.body["errors"]), 2, error.body)
        self.assertEqual(sorted(d["field"] for d in error.body["details"]), ["ttl", "value"])
        self.assertEqual(list(self.client.records.list(domain["id"])), [])  # nothing half written

    def test_a_429_is_retried_after_retry_after(self) -> None:
        limited = self.fx["limited"]
        no_retries = Meridian(api_key=limited["productionKey"], base_url=limited["baseUrl"], max_retries=0)
        user = unique("py-429")
        refusal = None
        for _ in range(limited["perMinute"] + 5):  # more calls than the window allows, so one is refused
            try:
                no_retries.users.create_session(user_identifier=user)
            except RateLimitError as error:
                refusal = error
                break
        self.assertIsNotNone(refusal, "the limited server never answered 429")
        assert refusal is not None
        self.assertEqual(refusal.status, 429)
        self.assertIsNotNone(refusal.retry_after)
        self.assertLessEqual(refusal.retry_after or 0, limited["burstWindowSeconds"])

        retrying = Meridian(api_key=limited["productionKey"], base_url=limited["baseUrl"])
        waits: List[float] = []

        def wait_and_record(seconds: float) -> None:
            waits.append(seconds)
            time.sleep(seconds)
        retrying._transport.sleep = wait_and_record
        for _ in range(limited["perMinute"] + 1):  # one more than the window allows: a retry must happen
            self.assertEqual(retrying.users.create_session(user_identifier=user)["user_identifier"], user)
        self.assertTrue(waits, "no call was retried")
        self.assertTrue(all(w <= limited["burstWindowSeconds"] for w in waits), waits)

    def test_keys_are_issued_scoped_rotated_and_revoked(self) -> None:
        reader = self.client.keys.create(name=unique("py-reader"), scopes=["dns:read", "keys"])
        self.assertTrue(reader["token"].startswith("mk_live_"))
        self.assertEqual((sorted(reader["scopes"]), reader["environment"]), (["dns:read", "keys"], "production"))
        listed = {k["id"]: k for k in self.client.keys.list()}
        self.assertIn(reader["id"], listed)
        self.assertNotIn("token", listed[reader["id"]])  # the secret is shown once

        read_only = Meridian(api_key=reader["token"], base_url=self.fx["baseUrl"])
        with self.assertRaises(PermissionDeniedError) as refused:
            read_only.users.create_session(user_identifier=unique("py-denied"))
        self.assertEqual(refused.exception.status, 403)
        with self.assertRaises(PermissionDeniedError):  # a scope the calling key lacks cannot be granted
            read_only.keys.create(name=unique("py-escalate"), scopes=["dns:write"])
        self.assertIn(reader["id"], [k["id"] for k in read_only.keys.list()])

        self.client.keys.revoke(reader["id"])
        with self.assertRaises(AuthenticationError):
            read_only.domains.retrieve("any")

        rotating_key = self.client.keys.create(name=unique("py-rotating"))
        rotating = Meridian(api_key=rotating_key["token"], base_url=self.fx["baseUrl"])
        issued = rotating.keys.rotate()
        self.assertEqual(rotating.api_key, issued["token"])
        self.assertEqual(sorted(issued["scopes"]), sorted(rotating_key["scopes"]))
        rotating.users.create_session(user_identifier=unique("py-rotated"))  # the new key works
        with self.assertRaises(AuthenticationError):  # the old one does not
            Meridian(api_key=rotating_key["token"], base_url=self.fx["baseUrl"]).keys.list().to_list()
        self.client.keys.revoke(issued["id"])

    def test_sandbox_and_production_keys_reach_separate_data(self) -> None:
        partner = self.fx["partner"]
        sandbox = PocketDNS(api_key=partner["sandboxKey"], environment="sandbox", base_url=self.fx["baseUrl"],
                            sandbox_base_url=self.fx["sandboxBaseUrl"])
        self.assertEqual(sandbox.base_url, self.fx["sandboxBaseUrl"].rstrip("/"))
        user = unique("py-env")
        sandbox.users.create_session(user_identifier=user)
        domain_name = f"{unique('py-sandbox')}.example"
        domain = sandbox.users.add_domain(user, name=domain_name)
        sandbox.records.create(domain_id=domain["id"], type="A", name="www", value="192.0.2.30")
        eventually(lambda: dig(self.fx["sandboxDns"], f"www.{domain_name}", "A"), lambda a: a == ["192.0.2.30"],
                   "sandbox record served by the sandbox DNS")
        self.assertEqual(dig(self.fx["dns"], f"www.{domain_name}", "A"), [])

        with self.assertRaises(NotFoundError):  # production does not see sandbox data
            self.client.domains.retrieve(domain["id"])
        with self.assertRaises(MeridianConfigurationError):  # refused locally, before any request
            Meridian(api_key=partner["sandboxKey"], environment="production", base_url=self.fx["baseUrl"])
        wrong_host = Meridian(api_key=partner["productionKey"], environment="sandbox", base_url=self.fx["baseUrl"],
                              sandbox_base_url=self.fx["sandboxBaseUrl"])
        with self.assertRaises(AuthenticationError) as refused:
            wrong_host.users.create_session(user_identifier=user)
        self.assertEqual(refused.exception.status, 401)
        self.assertIn("error", refused.exception.body)


if __name__ == "__main__":
    unittest.main()
