#!/usr/bin/env python3
"""Prints every skipped test of the given .trx files with the reason its attribute gave, for test.sh's summary."""
import sys
import xml.etree.ElementTree as ET

skipped = []
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter():
        if not result.tag.endswith("UnitTestResult") or result.get("outcome") != "NotExecuted":
            continue
        reason = " ".join(t.strip() for e in result.iter() if e.tag.endswith(("StdOut", "Message")) for t in [e.text or ""] if t.strip())
        skipped.append((result.get("testName", "?"), reason or "no reason given"))
print(f"skipped ({len(skipped)}):")
for name, reason in sorted(skipped):
    print(f"  {name}: {reason}")
