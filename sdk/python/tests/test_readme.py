"""The README's quick start runs as written against the live fixture."""
from __future__ import annotations

import contextlib
import io
import os
import re
import unittest
from pathlib import Path
from typing import Any, Dict, List
from unittest import mock

from .live_fixture import dig, eventually, fixture

README = Path(__file__).resolve().parents[1] / "README.md"


def quick_start_blocks() -> List[str]:
    text = README.read_text("utf-8")
    section = text.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


class ReadmeTests(unittest.TestCase):
    def test_every_python_example_in_the_readme_compiles(self) -> None:
        blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.S)
        self.assertGreater(len(blocks), len(quick_start_blocks()))
        for number, block in enumerate(blocks, 1):
            with self.subTest(block=number):
                compile(block, f"README.md python block {number}", "exec")

    def test_the_quick_start_runs_against_a_live_server(self) -> None:
        fx = fixture()
        blocks = quick_start_blocks()
        self.assertGreaterEqual(len(blocks), 5)
        namespace: Dict[str, Any] = {"__name__": "readme"}
        printed = io.StringIO()
        environment = {"MERIDIAN_API_KEY": fx["partner"]["productionKey"], "MERIDIAN_BASE_URL": fx["baseUrl"]}
        with mock.patch.dict(os.environ, environment), contextlib.redirect_stdout(printed):
            for number, block in enumerate(blocks, 1):
                with self.subTest(block=number):
                    exec(compile(block, f"README.md quick start block {number}", "exec"), namespace)

        output = printed.getvalue()
        self.assertEqual(output.count("/ui/login/"), 1)  # the first block prints its login_url
        self.assertTrue(namespace["session"]["login_url"])
        self.assertIn("422 [", output)
        self.assertIn("404 [", output)
        client = namespace["client"]
        records = {(r["type"], r["name"]): r for r in client.records.list(namespace["domain"]["id"])}
        self.assertEqual(sorted(records), [("A", "www"), ("MX", "@")])
        self.assertEqual(records[("A", "www")]["value"], "192.0.2.3")
        eventually(lambda: dig(fx["dns"], "www.quickstart.example", "A"), lambda a: a == ["192.0.2.3"],
                   "the quick start's record served")


if __name__ == "__main__":
    unittest.main()
