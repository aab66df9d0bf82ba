#!/usr/bin/env bash
# Runs every test: .NET (API through HTTP on SQLite, architecture rules, a generated third-party client), the
# OpenAPI linters, a smoke run of the benchmark harness (bench/run.sh --smoke), the web app's unit tests,
# and the browser journeys in Chromium against the real API. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
strip() { sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\r//g' "$1"; }
status=0

echo "==> .NET build and tests"
dotnet tool restore >/dev/null
if dotnet build Spoc.Api.sln -nologo -v q; then
  dotnet test Spoc.Api.sln --no-build 2>&1 | tee artifacts/dotnet-test.log || status=1
else
  status=1; echo "Failed!  - Failed:     1, Passed:     0 (build failed)" > artifacts/dotnet-test.log
fi
read -r dn_pass dn_fail < <(strip artifacts/dotnet-test.log | awk '/^(Passed|Failed)!  - Failed:/ {gsub(",",""); f+=$4; p+=$6} END {printf "%d %d\n", p, f}')
[ "$dn_pass" -gt 0 ] || { dn_fail=$((dn_fail+1)); status=1; }

echo "==> OpenAPI document: third-party linters (Redocly recommended, Spectral spectral:oas)"
if bash scripts/openapi-lint.sh 2>&1 | tee artifacts/openapi-lint.log; then lint_pass=1; lint_fail=0; else lint_pass=0; lint_fail=1; status=1; fi

echo "==> Benchmark harness smoke (bench/run.sh --smoke: it starts, measures and prints the table; no timed assertion)"
if bash bench/run.sh --smoke 2>&1 | tee artifacts/bench-smoke.log; then bench_pass=1; bench_fail=0; else bench_pass=0; bench_fail=1; status=1; fi

echo "==> Web app: install, API client freshness, lint, unit tests, build"
vt_pass=0; vt_fail=0; e2e_pass=0; e2e_fail=0
if (cd client && npm ci --no-audit --no-fund --loglevel=error && npm run check:api && npm run lint); then
  (cd client && npx vitest run 2>&1) | tee artifacts/vitest.log || status=1
  read -r vt_pass vt_fail < <(strip artifacts/vitest.log | awk '/^ *Tests +/ {for(i=1;i<=NF;i++){if($(i+1) ~ /^passed/) p=$i; if($(i+1) ~ /^failed/) f=$i}} END {printf "%d %d\n", p, f}')
  [ "$vt_pass" -gt 0 ] || { vt_fail=$((vt_fail+1)); status=1; }

  echo "==> Browser journeys (Chromium, real API, built SPA)"
  if (cd client && npm run build); then
    (cd client && npx playwright test 2>&1) | tee artifacts/e2e.log || status=1
    read -r e2e_pass e2e_fail < <(strip artifacts/e2e.log | awk '/^e2e: [0-9]+ passed, [0-9]+ failed/ {p=$2; f=$4} END {printf "%d %d\n", p, f}')
    [ "$e2e_pass" -gt 0 ] || { e2e_fail=$((e2e_fail+1)); status=1; }
  else
    status=1; e2e_fail=1
  fi
  cp -r client/test-results artifacts/e2e-results 2>/dev/null || true
else
  status=1; vt_fail=1
fi

# The failures' names just above the totals, where a truncated CI log still shows them.
failures=$( (strip artifacts/dotnet-test.log | grep -E '^ +Failed [A-Za-z_]'; strip artifacts/vitest.log 2>/dev/null | grep -E '^ +(×|FAIL) '; strip artifacts/e2e.log 2>/dev/null | grep -E '^ +✘') | sort -u)
[ -z "$failures" ] || printf '==> Failed tests:\n%s\n' "$failures"
# And why, briefly: the first assertion messages and the test lines they point at.
reasons=$( (strip artifacts/dotnet-test.log | grep -A2 -E '^ +Error Message:'; strip artifacts/vitest.log 2>/dev/null | grep -E '^(AssertionError|TestingLibraryElementError|Error|TypeError)|^ *(Expected|Received):|❯ src/.*\.test\.tsx?:[0-9]+'; strip artifacts/e2e.log 2>/dev/null | grep -E '^ +(Error:|Expected|Received|Locator:|at .*\.spec\.ts:[0-9]+)') | head -40)
[ -z "$reasons" ] || printf '==> Why:\n%s\n' "$reasons"
echo "==> .NET: $dn_pass passed, $dn_fail failed; OpenAPI linters: $lint_pass passed, $lint_fail failed; benchmark smoke: $bench_pass passed, $bench_fail failed; Vitest: $vt_pass passed, $vt_fail failed; Playwright: $e2e_pass passed, $e2e_fail failed"
echo "$((dn_pass + lint_pass + bench_pass + vt_pass + e2e_pass)) passed, $((dn_fail + lint_fail + bench_fail + vt_fail + e2e_fail)) failed"
exit $status
