"""Runs every test of the Python SDK and writes "passed=N failed=N skipped=N" to the file named by argv[1]."""
from __future__ import annotations

import sys
import unittest
from pathlib import Path

SDK_ROOT = Path(__file__).resolve().parents[1]


def main(counts_file: str) -> int:
    suite = unittest.defaultTestLoader.discover(str(SDK_ROOT / "tests"), top_level_dir=str(SDK_ROOT))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped - len(result.expectedFailures)
    if result.testsRun == 0:
        failed = max(failed, 1)
    Path(counts_file).write_text(f"passed={passed} failed={failed} skipped={skipped}\n", "utf-8")
    print(f"sdk-python: passed={passed} failed={failed} skipped={skipped}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(SDK_ROOT / ".test-results" / "sdk-python.counts")))
