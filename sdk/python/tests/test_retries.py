"""Retry, backoff, Retry-After, Idempotency-Key and timeout rules, against a scripted loopback server."""
from __future__ import annotations

import json
import threading
import unittest
from typing import Any, List

from meridian_dns import (ConflictError, InternalServerError, Meridian, MeridianConnectionError,
                          MeridianTimeoutError, NotFoundError, RateLimitError, UnprocessableEntityError)

from .scripted_server import Answer, ScriptedServer

RECORD = {"id": "r1", "type": "A", "name": "www", "value": "192.0.2.1", "ttl": 3600}
UNAVAILABLE = Answer(503, {"errors": ["Service unavailable"]})


def client_for(server: ScriptedServer, **settings: Any) -> "tuple[Meridian, List[float]]":
    """A client of the scripted server whose waits are recorded instead of slept."""
    client = Meridian(api_key="mk_live_unit", base_url=server.url, **settings)
    waits: List[float] = []
    client._transport.sleep = waits.append  # the tests check the waits chosen, never the clock
    return client, waits


class RetryTests(unittest.TestCase):
    def test_a_post_retried_after_503s_sends_the_same_idempotency_key_on_every_attempt(self) -> None:
        with ScriptedServer([UNAVAILABLE, UNAVAILABLE, Answer(201, RECORD)]) as server:
            client, waits = client_for(server)
            record = client.records.create(domain_id="d1", type="A", name="www", value="192.0.2.1")
        self.assertEqual(record["id"], "r1")
        self.assertEqual(len(server.requests), 3)
        keys = {r.headers.get("Idempotency-Key") for r in server.requests}
        self.assertEqual(len(keys), 1)
        self.assertTrue(next(iter(keys)))
        # Exponential backoff with jitter: retry n waits 0.5 * 2^(n-1) scaled into [50%, 100%].
        self.assertEqual(len(waits), 2)
        self.assertTrue(0.25 <= waits[0] <= 0.5, waits)
        self.assertTrue(0.5 <= waits[1] <= 1.0, waits)

    def test_each_new_call_gets_a_new_idempotency_key(self) -> None:
        with ScriptedServer([Answer(201, RECORD), Answer(201, RECORD)]) as server:
            client, _ = client_for(server)
            client.records.create(domain_id="d1", type="A", name="a", value="192.0.2.1")
            client.records.create(domain_id="d1", type="A", name="a", value="192.0.2.1")
        first, second = (r.headers["Idempotency-Key"] for r in server.requests)
        self.assertNotEqual(first, second)

    def test_a_caller_chosen_idempotency_key_is_sent(self) -> None:
        with ScriptedServer([Answer(409, {"errors": ["in flight"]}), Answer(200, RECORD)]) as server:
            client, _ = client_for(server)
            client.records.update("r1", value="192.0.2.9", request_options={"idempotency_key": "op-42"})
        self.assertEqual([r.method for r in server.requests], ["PATCH", "PATCH"])
        self.assertEqual([r.headers["Idempotency-Key"] for r in server.requests], ["op-42", "op-42"])

    def test_get_and_delete_carry_no_idempotency_key(self) -> None:
        with ScriptedServer([Answer(503), Answer(200, RECORD), Answer(204)]) as server:
            client, _ = client_for(server)
            client.records.retrieve("r1")
            client.records.delete("r1")
        self.assertEqual(len(server.requests), 3)
        self.assertTrue(all("Idempotency-Key" not in r.headers for r in server.requests))

    def test_retry_after_is_honoured_and_capped(self) -> None:
        limited = {"errors": ["Rate limit exceeded"]}
        script = [Answer(429, limited, {"Retry-After": "2"}), Answer(429, limited, {"Retry-After": "3600"}),
                  Answer(200, RECORD)]
        with ScriptedServer(script) as server:
            client, waits = client_for(server, max_retry_after=30)
            client.records.retrieve("r1")
        self.assertEqual(waits, [2.0, 30.0])

    def test_an_http_date_retry_after_is_read(self) -> None:
        script = [Answer(429, {"errors": ["slow down"]}, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
                  Answer(200, RECORD)]
        with ScriptedServer(script) as server:
            client, waits = client_for(server)
            client.records.retrieve("r1")
        self.assertEqual(waits, [0.0])  # a date in the past: retry at once

    def test_408_409_429_and_5xx_are_retried_and_the_last_refusal_is_raised(self) -> None:
        for status, kind in ((408, None), (409, ConflictError), (429, RateLimitError), (500, InternalServerError),
                             (502, InternalServerError), (503, InternalServerError)):
            with self.subTest(status=status):
                script = [Answer(status, {"errors": [f"status {status}"]}) for _ in range(3)]
                with ScriptedServer(script) as server:
                    client, waits = client_for(server)
                    with self.assertRaises(Exception) as raised:
                        client.records.retrieve("r1")
                self.assertEqual(len(server.requests), 3)  # the first attempt and 2 retries
                self.assertEqual(len(waits), 2)
                self.assertEqual(getattr(raised.exception, "status", None), status)
                if kind is not None:
                    self.assertIsInstance(raised.exception, kind)
                self.assertEqual(raised.exception.body, {"errors": [f"status {status}"]})

    def test_400_401_403_404_and_422_are_not_retried(self) -> None:
        for status in (400, 401, 403, 404, 422):
            with self.subTest(status=status):
                with ScriptedServer([Answer(status, {"errors": ["no"]}), Answer(200, RECORD)]) as server:
                    client, _ = client_for(server)
                    with self.assertRaises(Exception):
                        client.records.retrieve("r1")
                self.assertEqual(len(server.requests), 1)

    def test_max_retries_is_configurable_per_client_and_per_call(self) -> None:
        with ScriptedServer([UNAVAILABLE] * 10) as server:
            client, _ = client_for(server, max_retries=4)
            with self.assertRaises(InternalServerError):
                client.records.retrieve("r1")
            self.assertEqual(len(server.requests), 5)
            with self.assertRaises(InternalServerError):
                client.records.retrieve("r1", request_options={"max_retries": 0})
            self.assertEqual(len(server.requests), 6)

    def test_a_rate_limit_error_exposes_retry_after(self) -> None:
        with ScriptedServer([Answer(429, {"errors": ["Rate limit exceeded"]}, {"Retry-After": "7"})]) as server:
            client, _ = client_for(server, max_retries=0)
            with self.assertRaises(RateLimitError) as raised:
                client.records.retrieve("r1")
        self.assertEqual(raised.exception.retry_after, 7.0)
        self.assertEqual(raised.exception.messages, ["Rate limit exceeded"])

    def test_a_dropped_connection_is_retried(self) -> None:
        with ScriptedServer([Answer(0, hang_up=True), Answer(201, RECORD)]) as server:
            client, waits = client_for(server)
            client.records.create(domain_id="d1", type="A", name="www", value="192.0.2.1")
        self.assertEqual(len(server.requests), 2)
        self.assertEqual(server.requests[0].headers["Idempotency-Key"], server.requests[1].headers["Idempotency-Key"])
        self.assertEqual(len(waits), 1)

    def test_connection_failures_end_in_a_connection_error(self) -> None:
        with ScriptedServer([Answer(0, hang_up=True)] * 3) as server:
            client, _ = client_for(server)
            with self.assertRaises(MeridianConnectionError) as raised:
                client.records.retrieve("r1")
        self.assertIsNone(raised.exception.status)
        self.assertEqual(len(server.requests), 3)

    def test_a_per_call_timeout_overrides_the_default(self) -> None:
        held = threading.Event()  # the answer waits until the test ends, so only the client's timeout ends the call
        with ScriptedServer(lambda request: Answer(200, RECORD, wait=held)) as server:
            client, _ = client_for(server, max_retries=0)
            self.assertEqual(client._transport.timeout, 60.0)
            try:
                with self.assertRaises(MeridianTimeoutError):
                    client.records.retrieve("r1", request_options={"timeout": 0.3})
            finally:
                held.set()
        self.assertEqual(len(server.requests), 1)


class ErrorBodyTests(unittest.TestCase):
    def test_each_surface_error_body_is_parsed_into_messages_and_codes(self) -> None:
        partner = {"errors": ["TTL -1 is out of range"], "details": [{"field": "ttl", "code": "invalid_ttl",
                                                                     "message": "TTL -1 is out of range"}]}
        email = {"Errors": [{"Code": 2, "Message": "Unable to determine DNS provider for this domain"}]}
        client_api = {"error": "Domain not found"}
        simple = {"errors": [{"title": "Invalid domain specified."}], "meta": {"status": 404}}
        script = [Answer(422, partner, {"X-Request-Id": "req-1"}), Answer(404, email), Answer(404, client_api),
                  Answer(404, simple), Answer(404, "plain text refusal")]
        with ScriptedServer(script) as server:
            client, _ = client_for(server)
            with self.assertRaises(UnprocessableEntityError) as partner_error:
                client.records.create(domain_id="d", type="A", name="x", value="1.2.3.4", ttl=-1)
            with self.assertRaises(NotFoundError) as email_error:
                client.email_dns.provider("nowhere.example")
            with self.assertRaises(NotFoundError) as client_error:
                client.client.records.delete("r9")
            with self.assertRaises(NotFoundError) as simple_error:
                client.records.retrieve("r9")
            with self.assertRaises(NotFoundError) as text_error:
                client.records.retrieve("r9")
        self.assertEqual(partner_error.exception.body, partner)
        self.assertEqual(partner_error.exception.codes, ["invalid_ttl"])
        self.assertEqual(partner_error.exception.request_id, "req-1")
        self.assertEqual(email_error.exception.codes, [2])
        self.assertIn("Unable to determine DNS provider", email_error.exception.messages[0])
        self.assertEqual(client_error.exception.messages, ["Domain not found"])
        self.assertEqual(simple_error.exception.messages, ["Invalid domain specified."])
        self.assertEqual(text_error.exception.body, "plain text refusal")
        self.assertIn("HTTP 404", str(text_error.exception))


class RequestShapeTests(unittest.TestCase):
    def test_requests_carry_the_key_json_and_encoded_paths(self) -> None:
        session = {"user_identifier": "a/b c", "login_url": "http://x/ui/login/t"}
        with ScriptedServer([Answer(201, session), Answer(201, {"id": "d1", "name": "ex.example"})]) as server:
            client, _ = client_for(server)
            client.users.create_session(user_identifier="a/b c", email="a@example.com")
            client.users.add_domain("a/b c", name="ex.example")
        first, second = server.requests
        self.assertEqual(first.headers["Authorization"], "Bearer mk_live_unit")
        self.assertEqual(first.headers["Content-Type"], "application/json")
        self.assertEqual(json.loads(first.body), {"user_identifier": "a/b c", "email": "a@example.com"})
        self.assertEqual(second.path, "/api/v1/users/a%2Fb%20c/domains")

    def test_lists_follow_every_page(self) -> None:
        def page(request: Any) -> Answer:
            number = int(request.path.split("page=")[1].split("&")[0])
            records = [dict(RECORD, id=f"r{number}-{i}") for i in range(2 if number < 3 else 1)]
            return Answer(200, {"dns_records": records,
                                "pagination": {"page": number, "per_page": 2, "total": 5, "total_pages": 3}})
        with ScriptedServer(page) as server:
            client, _ = client_for(server)
            ids = [r["id"] for r in client.records.list("d1", per_page=2, type="A")]
        self.assertEqual(ids, ["r1-0", "r1-1", "r2-0", "r2-1", "r3-0"])
        self.assertEqual([r.path for r in server.requests],
                         [f"/api/v1/domains/d1/dns_records?page={n}&per_page=2&type=A" for n in (1, 2, 3)])

    def test_keys_are_managed_through_the_admin_api(self) -> None:
        key = {"id": "k1", "name": "ci", "environment": "sandbox", "key_id": "abc", "prefix": "mk_test_abc",
               "scopes": ["dns:read"], "created_at": "t", "token": "mk_test_abc_secret"}
        with ScriptedServer([Answer(201, key), Answer(200, [key]), Answer(200, dict(key, revoked_at="t"))]) as server:
            client, _ = client_for(server)
            created = client.admin_keys.create("acct 1", name="ci", environment="sandbox", scopes=["dns:read"])
            listed = client.admin_keys.list("acct 1").to_list()
            client.admin_keys.revoke("acct 1", "k1")
        self.assertEqual(created["token"], "mk_test_abc_secret")
        self.assertEqual([k["id"] for k in listed], ["k1"])
        self.assertEqual([(r.method, r.path) for r in server.requests],
                         [("POST", "/api/admin/accounts/acct%201/keys"), ("GET", "/api/admin/accounts/acct%201/keys"),
                          ("DELETE", "/api/admin/accounts/acct%201/keys/k1")])
        self.assertEqual(json.loads(server.requests[0].body),
                         {"name": "ci", "environment": "sandbox", "scopes": ["dns:read"]})

    def test_rotating_the_client_key_switches_the_client_to_the_new_key(self) -> None:
        rotated = {"id": "c1", "name": "client", "api_token": "mk_live_new", "created_at": "t", "updated_at": "t"}
        with ScriptedServer([Answer(200, rotated), Answer(200, [])]) as server:
            client, _ = client_for(server)
            client.client.rotate_api_key()
            client.client.domains.list().to_list()
        self.assertEqual(server.requests[1].headers["Authorization"], "Bearer mk_live_new")
        self.assertEqual(client.api_key, "mk_live_new")


if __name__ == "__main__":
    unittest.main()
