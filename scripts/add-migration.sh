#!/usr/bin/env bash
# Adds a migration for both database providers after a change to the platform's model.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
cd src/Meridian.Platform
dotnet ef migrations add "$name" --context SqliteMeridianDbContext --output-dir Storage/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresMeridianDbContext --output-dir Storage/Migrations/Postgres --no-build
