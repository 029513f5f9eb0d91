"""The package installs with pip into a fresh virtual environment (no index: setuptools and wheel from Debian) and
its type hints check with mypy --strict."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SDK_ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"


class PackagingTests(unittest.TestCase):
    def test_pip_install_of_the_sdk_folder_gives_a_typed_importable_package(self) -> None:
        with tempfile.TemporaryDirectory(prefix="meridian-sdk-py-") as scratch:
            work = Path(scratch)
            # Build from a copy so the build leaves nothing in the source tree.
            source = work / "source"
            skipped = shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".test-results")
            shutil.copytree(SDK_ROOT, source, ignore=skipped)
            venv = work / "venv"
            subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--system-site-packages", str(venv)], check=True)
            python = venv / "bin" / "python"
            install = subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-build-isolation",
                                      "--no-deps", str(source)], capture_output=True, text=True)
            self.assertEqual(install.returncode, 0, install.stdout + install.stderr)
            probe = ("import meridian_dns, pathlib; from meridian_dns import Meridian, PocketDNS;"
                     "from meridian_dns.types.partner import PartnerRecord;"
                     "root = pathlib.Path(meridian_dns.__file__).parent;"
                     "print(root.parent.name, (root / 'py.typed').exists(), PocketDNS is Meridian)")
            ran = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=scratch)
            self.assertEqual(ran.returncode, 0, ran.stderr)
            self.assertEqual(ran.stdout.split(), ["site-packages", "True", "True"])

    def test_the_package_type_checks_strictly_for_python_3_9(self) -> None:
        mypy = shutil.which("mypy")
        if mypy is None:
            self.fail("mypy is not installed (Debian package mypy); the type check needs it")
        checked = subprocess.run([mypy, "--strict", "--python-version", "3.9", "--no-incremental",
                                  "--cache-dir", "/dev/null", "-p", "meridian_dns"],
                                 capture_output=True, text=True, cwd=str(SDK_ROOT))
        self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)


if __name__ == "__main__":
    unittest.main()
