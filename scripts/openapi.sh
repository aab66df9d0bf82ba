#!/usr/bin/env bash
# Regenerates docs/openapi.json from the code (OpenApiDocumentTests fails when it drifts),
# then the web app's typed client from it (npm run check:api fails when that is stale).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Spoc.Api -v q -nologo >/dev/null
dotnet swagger tofile --output docs/openapi.json src/Spoc.Api/bin/Debug/net10.0/Spoc.Api.dll v1
[ -d client/node_modules ] || (cd client && npm ci --no-audit --no-fund --loglevel=error)
(cd client && npm run --silent gen:api)
