#!/usr/bin/env bash
# Runs the whole product at one URL: the API on SQLite with demo data, serving the built web app.
#   bash scripts/run.sh               (PORT=5080 by default; data in ./data)
#   bash scripts/run.sh --reset-demo  (deletes the data directory first: a fresh demo, dated from today)
# The web app and the API are rebuilt only when their sources changed since the last run, so a second start is quick.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${PORT:-5080}
export Spoc__DataDirectory="${Spoc__DataDirectory:-$root/data}"

case "${1:-}" in
  '') ;;
  --reset-demo) echo "==> Starting over: deleting $Spoc__DataDirectory"; rm -rf "$Spoc__DataDirectory" ;;
  *) echo "usage: bash scripts/run.sh [--reset-demo]" >&2; exit 2 ;;
esac

# One fingerprint of the files a build reads (contents, not times: a fresh clone or a checkout counts as a change only when something differs).
fingerprint() { find "$@" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1; }

client_stamp=client/dist/.sources
client_sources=$(fingerprint client/src client/public client/index.html client/package-lock.json client/vite.config.ts client/tsconfig*.json docs/openapi.json)
if [ "$(cat "$client_stamp" 2>/dev/null)" != "$client_sources" ]; then
  echo "==> Building the web app (client/)"
  lock=$(sha1sum client/package-lock.json | cut -d' ' -f1)
  if [ "$(cat client/node_modules/.spoc-lock 2>/dev/null)" != "$lock" ]; then
    (cd client && npm ci --no-audit --no-fund --loglevel=error) && echo "$lock" > client/node_modules/.spoc-lock
  fi
  (cd client && npm run build) && echo "$client_sources" > "$client_stamp"
else
  echo "==> Web app unchanged since the last build (client/dist)"
fi

api_out=src/Spoc.Api/bin/Release/net10.0
api_stamp=$api_out/.sources
api_sources=$(fingerprint src Directory.Build.props Directory.Packages.props)
if [ "$(cat "$api_stamp" 2>/dev/null)" != "$api_sources" ]; then
  echo "==> Building the API (Release)"
  dotnet build src/Spoc.Api -c Release -nologo -v q && echo "$api_sources" > "$api_stamp"
else
  echo "==> API unchanged since the last build ($api_out)"
fi

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$port"
export Spoc__SpaDirectory="$root/client/dist"
export Seed__Demo=true
# Demo-only credentials for a local run; production sets its own through the environment.
export Bootstrap__AdminEmail="${Bootstrap__AdminEmail:-admin@spoc.local}"
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-Spoc-Admin-2026}"

cat <<BANNER

==> Spoc starts on http://localhost:$port   (API: /api/v1, OpenAPI: /swagger)
    Platform admin: $Bootstrap__AdminEmail / $Bootstrap__AdminPassword
    Demo accounts (password Spoc-Demo-2026), the README's table has them all:
      helene.martin@demo.spoc.local (org admin, Institut Lumière)   marc.dubois@demo.spoc.local (org admin, Groupe Horizon)
      benoit.lefevre@demo.spoc.local, sarah.johnson@demo.spoc.local (trainers)   chloe.moreau@demo.spoc.local (mentor)
      anais.girard@demo.spoc.local, ines.mercier@demo.spoc.local (learners under way)   lea.bernard@demo.spoc.local (no cohort yet)
    Data: $Spoc__DataDirectory   (bash scripts/run.sh --reset-demo starts afresh)

BANNER
# The content root is the project folder, as `dotnet run` would set it (appsettings, Development settings).
cd src/Spoc.Api
exec dotnet "$root/$api_out/Spoc.Api.dll" --contentRoot "$root/src/Spoc.Api"
