#!/usr/bin/env bash
# Runs the whole product at one URL: builds the web app, starts the API on SQLite with demo data.
#   bash scripts/run.sh            (PORT=5080 by default; data in ./data)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${PORT:-5080}

echo "==> Building the web app (client/)"
(cd client && npm ci --no-audit --no-fund --loglevel=error && npm run build)

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$port"
export Spoc__DataDirectory="${Spoc__DataDirectory:-$root/data}"
export Spoc__SpaDirectory="$root/client/dist"
export Seed__Demo=true
# Demo-only credentials for a local run; production sets its own through the environment.
export Bootstrap__AdminEmail="${Bootstrap__AdminEmail:-admin@spoc.local}"
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-Spoc-Admin-2026}"

cat <<BANNER

==> Spoc starts on http://localhost:$port   (API: /api/v1, OpenAPI: /swagger)
    Platform admin: $Bootstrap__AdminEmail / $Bootstrap__AdminPassword
    Demo accounts (password Spoc-Demo-2026): helene.martin@demo.spoc.local (org admin),
    benoit.lefevre@demo.spoc.local and sarah.johnson@demo.spoc.local (trainers),
    chloe.moreau@demo.spoc.local (mentor), lea.bernard@demo.spoc.local, emily.carter@demo.spoc.local ... (learners)
    ines.mercier@demo.spoc.local holds a certificate (Mes certificats); jerome.faure@demo.spoc.local's was revoked
    Data: $Spoc__DataDirectory   (delete it to start afresh)

BANNER
exec dotnet run --project src/Spoc.Api --no-launch-profile
