"""Construction rules: keys from the environment, base URLs, the sandbox host rule, the PocketDNS alias."""
from __future__ import annotations

import os
import unittest
from typing import Dict, Iterator
from contextlib import contextmanager
from unittest import mock

import meridian_dns
from meridian_dns import Meridian, MeridianConfigurationError, MeridianSimple, PocketDNS, sandbox_url_for

from .scripted_server import Answer, ScriptedServer

ENV_NAMES = ("MERIDIAN_API_KEY", "POCKETDNS_API_KEY", "MERIDIAN_BASE_URL", "MERIDIAN_SANDBOX_BASE_URL",
             "MERIDIAN_SIMPLE_TOKEN", "MERIDIAN_SIMPLE_BASE_URL")


@contextmanager
def environment(**values: str) -> Iterator[None]:
    clean: Dict[str, str] = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    clean.update(values)
    with mock.patch.dict(os.environ, clean, clear=True):
        yield


class ConfigurationTests(unittest.TestCase):
    def test_pocketdns_is_an_alias_of_meridian(self) -> None:
        self.assertIs(PocketDNS, Meridian)
        client = PocketDNS(api_key="mk_live_a", environment="production", base_url="https://dns.example.com")
        self.assertIsInstance(client, Meridian)

    def test_the_key_comes_from_meridian_api_key_then_pocketdns_api_key(self) -> None:
        with environment(MERIDIAN_API_KEY="mk_live_m", POCKETDNS_API_KEY="mk_live_p",
                         MERIDIAN_BASE_URL="https://dns.example.com"):
            self.assertEqual(Meridian().api_key, "mk_live_m")
            self.assertEqual(Meridian(api_key="mk_live_x").api_key, "mk_live_x")
        with environment(POCKETDNS_API_KEY="mk_live_p", MERIDIAN_BASE_URL="https://dns.example.com"):
            self.assertEqual(Meridian().api_key, "mk_live_p")
        with environment(MERIDIAN_BASE_URL="https://dns.example.com"):
            with self.assertRaisesRegex(MeridianConfigurationError, "MERIDIAN_API_KEY"):
                Meridian()

    def test_the_base_url_comes_from_the_argument_or_meridian_base_url(self) -> None:
        with environment(MERIDIAN_BASE_URL="https://env.example.com/"):
            self.assertEqual(Meridian(api_key="mk_live_a").base_url, "https://env.example.com")
            self.assertEqual(Meridian(api_key="mk_live_a", base_url="http://arg.example:8080").base_url,
                             "http://arg.example:8080")
        with environment():
            with self.assertRaisesRegex(MeridianConfigurationError, "MERIDIAN_BASE_URL"):
                Meridian(api_key="mk_live_a")
            with self.assertRaisesRegex(MeridianConfigurationError, "http"):
                Meridian(api_key="mk_live_a", base_url="ftp://dns.example.com")

    def test_the_sandbox_puts_api_sandbox_in_front_of_the_host_unless_a_sandbox_url_is_given(self) -> None:
        self.assertEqual(sandbox_url_for("https://dns.example.com"), "https://api.sandbox.dns.example.com")
        self.assertEqual(sandbox_url_for("https://api.example.com"), "https://api.sandbox.example.com")
        self.assertEqual(sandbox_url_for("http://dns.example.com:8080/base"), "http://api.sandbox.dns.example.com:8080/base")
        with self.assertRaisesRegex(MeridianConfigurationError, "sandbox_base_url"):
            sandbox_url_for("http://127.0.0.1:8080")
        with environment():
            client = Meridian(api_key="mk_test_a", environment="sandbox", base_url="https://dns.example.com")
            self.assertEqual(client.base_url, "https://api.sandbox.dns.example.com")
            explicit = Meridian(api_key="mk_test_a", environment="sandbox", base_url="http://127.0.0.1:1",
                                sandbox_base_url="http://127.0.0.2:1")
            self.assertEqual(explicit.base_url, "http://127.0.0.2:1")
        with environment(MERIDIAN_SANDBOX_BASE_URL="http://sandbox.example:9"):
            self.assertEqual(Meridian(api_key="mk_test_a", environment="sandbox",
                                      base_url="http://127.0.0.1:1").base_url, "http://sandbox.example:9")

    def test_a_sandbox_key_with_production_is_refused_before_any_request(self) -> None:
        with ScriptedServer([Answer(201, {})]) as server, environment():
            with self.assertRaisesRegex(MeridianConfigurationError, "mk_test_"):
                Meridian(api_key="mk_test_abc", environment="production", base_url=server.url)
            with environment(MERIDIAN_API_KEY="mk_test_abc"):
                with self.assertRaises(MeridianConfigurationError):
                    Meridian(base_url=server.url)
        self.assertEqual(server.requests, [])

    def test_an_unknown_environment_and_bad_numbers_are_refused(self) -> None:
        with environment():
            for settings in ({"environment": "staging"}, {"timeout": 0}, {"max_retries": -1}):
                with self.subTest(settings=settings):
                    with self.assertRaises(MeridianConfigurationError):
                        Meridian(api_key="mk_live_a", base_url="https://dns.example.com", **settings)  # type: ignore[arg-type]

    def test_with_options_changes_only_what_it_names(self) -> None:
        with environment():
            client = Meridian(api_key="mk_live_a", base_url="https://dns.example.com", timeout=10)
            quick = client.with_options(timeout=2, max_retries=0)
        self.assertEqual((quick._transport.timeout, quick._transport.retry.max_retries), (2, 0))
        self.assertEqual((client._transport.timeout, client._transport.retry.max_retries), (10, 2))
        self.assertEqual(quick.api_key, "mk_live_a")
        with self.assertRaises(TypeError):
            client.with_options(colour="blue")

    def test_the_simple_api_is_built_from_a_token(self) -> None:
        whoami = {"data": {"id": "alice", "type": "user"}, "meta": {"status": 200}}
        with ScriptedServer([Answer(200, whoami), Answer(200, whoami)]) as server, environment():
            client = Meridian(api_key="mk_live_a", base_url=server.url, simple_token="jwt.token.sig")
            self.assertEqual(client.simple.whoami()["id"], "alice")
            alone = MeridianSimple("jwt.other.sig", base_url=server.url + "/custom")
            alone.whoami()
            with self.assertRaisesRegex(MeridianConfigurationError, "simple_token"):
                Meridian(api_key="mk_live_a", base_url=server.url).simple
        self.assertEqual([(r.path, r.headers["Authorization"]) for r in server.requests],
                         [("/simple/whoami", "Bearer jwt.token.sig"), ("/custom/whoami", "Bearer jwt.other.sig")])

    def test_the_package_is_typed(self) -> None:
        package_dir = os.path.dirname(meridian_dns.__file__)
        self.assertTrue(os.path.exists(os.path.join(package_dir, "py.typed")))


if __name__ == "__main__":
    unittest.main()
