"""AsyncMeridian: the same calls awaited, lists as ``async for``; against the scripted server and the live fixture."""
from __future__ import annotations

import asyncio
import unittest
import uuid
from typing import Any, List

from meridian_dns import AsyncMeridian, InternalServerError, NotFoundError

from .live_fixture import dig, eventually, fixture
from .scripted_server import Answer, ScriptedServer

RECORD = {"id": "r1", "type": "A", "name": "www", "value": "192.0.2.1", "ttl": 3600}


class AsyncScriptedTests(unittest.TestCase):
    def test_awaited_calls_retry_with_one_idempotency_key_and_raise_typed_errors(self) -> None:
        script = [Answer(503), Answer(201, RECORD), Answer(503), Answer(503), Answer(503)]
        with ScriptedServer(script) as server:
            client = AsyncMeridian(api_key="mk_live_unit", base_url=server.url, initial_retry_delay=0.01)

            async def scenario() -> Any:
                created = await client.records.create(domain_id="d1", type="A", name="www", value="192.0.2.1")
                with self.assertRaises(InternalServerError):
                    await client.records.retrieve("r1")
                return created
            created = asyncio.run(scenario())
        self.assertEqual(created["id"], "r1")
        self.assertEqual(server.requests[0].headers["Idempotency-Key"], server.requests[1].headers["Idempotency-Key"])
        self.assertEqual(len(server.requests), 5)

    def test_async_for_reads_every_page(self) -> None:
        def page(request: Any) -> Answer:
            number = int(request.path.split("page=")[1].split("&")[0])
            return Answer(200, {"domains": [{"id": f"d{number}", "name": f"n{number}.example"}],
                                "pagination": {"page": number, "per_page": 1, "total": 3, "total_pages": 3}})
        with ScriptedServer(page) as server:
            client = AsyncMeridian(api_key="mk_live_unit", base_url=server.url)

            async def read() -> List[str]:
                return [d["id"] async for d in client.users.list_domains("u1", per_page=1)]
            self.assertEqual(asyncio.run(read()), ["d1", "d2", "d3"])


class AsyncLiveTests(unittest.TestCase):
    def test_concurrent_creates_and_async_listing_on_the_live_server(self) -> None:
        fx = fixture()
        client = AsyncMeridian(api_key=fx["partner"]["productionKey"], base_url=fx["baseUrl"])
        user = f"py-async-{uuid.uuid4().hex[:8]}"
        domain_name = f"{user}.example"

        async def scenario() -> List[Any]:
            await client.users.create_session(user_identifier=user)
            domain = await client.users.add_domain(user, name=domain_name)
            await asyncio.gather(*(client.records.create(domain_id=domain["id"], type="A", name=f"h{i}",
                                                         value=f"192.0.2.{70 + i}") for i in range(4)))
            listed = await client.records.list(domain["id"]).to_list()
            with self.assertRaises(NotFoundError):
                await client.domains.retrieve("no-such-domain")
            return listed
        listed = asyncio.run(scenario())
        self.assertEqual(sorted(r["name"] for r in listed), ["h0", "h1", "h2", "h3"])
        eventually(lambda: dig(fx["dns"], f"h3.{domain_name}", "A"), lambda a: a == ["192.0.2.73"],
                   "an async-created record served")


if __name__ == "__main__":
    unittest.main()
