#!/usr/bin/env bash
# Runs the sample orders service under the project's local Functions host on http://127.0.0.1:7071.
set -euo pipefail
cd "$(dirname "$0")"
[ -f FunctionApp.Sample/local.settings.json ] || cp local.settings.json.example FunctionApp.Sample/local.settings.json
exec dotnet run --project LocalHost -- --app FunctionApp.Sample "$@"
