#!/usr/bin/env bash
# The web interface's figures: first paint of the domain list and of a 1,000-record zone's records page (browser
# Paint Timing), the server's part (request to first byte), and page weight, measured by headless chromium
# (tests/Meridian.Web.Tests, InterfaceFiguresTests). Prints test-results/ui-figures.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Meridian.Web.Tests/Meridian.Web.Tests.csproj -c Release -nologo -v quiet
dotnet test tests/Meridian.Web.Tests/Meridian.Web.Tests.csproj -c Release --no-build -nologo --filter "FullyQualifiedName~InterfaceFiguresTests" >/dev/null
cat test-results/ui-figures.md
