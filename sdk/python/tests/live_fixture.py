"""The shared SDK fixture (sdk/fixture/start.sh): started once per test run, shared by every live test.

It prints one JSON line when its servers are ready and stops everything when its stdin closes.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

REPOSITORY = Path(__file__).resolve().parents[3]
_started: Optional[Dict[str, Any]] = None
_process: Optional["subprocess.Popen[str]"] = None
_failure: Optional[BaseException] = None
_lock = threading.Lock()


def fixture() -> Dict[str, Any]:
    """The fixture's JSON (baseUrl, partner, client, emailDns, simple, limited, dns, …), starting it on first use."""
    global _started, _process, _failure
    with _lock:
        if _started is not None:
            return _started
        if _failure is not None:  # one failed start is reported by every live test, not retried by each
            raise RuntimeError(f"the SDK fixture did not start: {_failure}")
        try:
            _started = _start()
        except BaseException as failure:
            _failure = failure
            raise
        return _started


def _start() -> Dict[str, Any]:
    global _process
    script = os.environ.get("MERIDIAN_SDK_FIXTURE") or str(REPOSITORY / "sdk" / "fixture" / "start.sh")
    if not Path(script).exists():
        raise RuntimeError(f"the SDK fixture is missing: {script}")
    _process = subprocess.Popen([script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                cwd=str(REPOSITORY))
    atexit.register(_stop)
    assert _process.stdout is not None
    line = _process.stdout.readline()
    if not line.strip():
        _stop()
        raise RuntimeError(f"the SDK fixture ({script}) stopped before it was ready (exit {_process.returncode})")
    return dict(json.loads(line))


def _stop() -> None:
    if _process is None or _process.poll() is not None:
        return
    assert _process.stdin is not None
    _process.stdin.close()  # the fixture's signal to stop everything it started
    try:
        _process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        _process.terminate()
        _process.wait(timeout=10)
    if _process.stdout is not None:
        _process.stdout.close()


def dig(server: Dict[str, Any], name: str, rtype: str) -> List[str]:
    """The answer section (``+short``) of a query to the fixture's DNS server, through the real ``dig``."""
    tool = shutil.which("dig")
    if tool is None:
        raise RuntimeError("dig is not installed (Debian package dnsutils / bind9-dnsutils); the live tests need it")
    out = subprocess.run([tool, f"@{server['host']}", "-p", str(server["port"]), name, rtype, "+short",
                          "+time=2", "+tries=2"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def eventually(read: Callable[[], Any], matches: Callable[[Any], bool], what: str, limit: float = 20.0) -> Any:
    """Reads until ``matches`` holds (the DNS engine publishes a change a moment after the API answers);
    raises with the last value read otherwise. The limit only bounds a broken run; nothing is timed."""
    deadline = time.monotonic() + limit
    while True:
        value = read()
        if matches(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: last read {value!r}")
        time.sleep(0.1)
