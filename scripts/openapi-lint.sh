#!/usr/bin/env bash
# Lints docs/openapi.json with the third-party linters integrators use: Redocly (recommended rules, redocly.yaml)
# and Spectral (spectral:oas, .spectral.yaml). Both must report 0 errors and 0 warnings. They come from the npm
# registry, so this is a step of scripts/test.sh rather than a .NET test: the .NET suite stays runnable offline.
set -euo pipefail
cd "$(dirname "$0")/.."
# Redocly exits 0 on warnings: its JSON totals are checked so that a warning fails too.
npx -y @redocly/cli@2.77.0 lint docs/openapi.json --format json 2>/dev/null \
  | node -e 'const t = JSON.parse(require("fs").readFileSync(0, "utf8")).totals; console.log("redocly:", JSON.stringify(t)); process.exit(t.errors + t.warnings > 0 ? 1 : 0)'
npx -y @stoplight/spectral-cli@6.16.3 lint docs/openapi.json --ruleset .spectral.yaml --fail-severity warn
