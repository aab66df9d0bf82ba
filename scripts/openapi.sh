#!/usr/bin/env bash
# Regenerates docs/openapi.json from the code (OpenApiDocumentTests fails when it drifts).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Spoc.Api -v q -nologo >/dev/null
dotnet swagger tofile --output docs/openapi.json src/Spoc.Api/bin/Debug/net10.0/Spoc.Api.dll v1
