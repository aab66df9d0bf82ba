#!/usr/bin/env bash
# The benchmark harness (docs/performance.md): publishes the API as deployed (Release, linux-x64, ReadyToRun) and the
# baseline the same way, seeds a SQLite file straight through the modules' DbContexts,
# starts the API (Release, Production settings) and the bare baseline (bench/Spoc.Bench.Baseline: Kestrel + raw ADO.NET)
# on that same file, drives both back to back with wrk per route, counts SQL commands per request at 10 and 200 learners,
# measures cold start, RSS, writes/s on one connection, runs the BenchmarkDotNet micro-benchmarks, and prints one
# Markdown report. A full run rewrites the generated part of docs/performance.md; --smoke (CI) only prints it.
#   bash bench/run.sh            full run (about 8 minutes on 2 cores)
#   bash bench/run.sh --smoke    seconds per measurement, one data size; prints the table, writes artifacts/bench/report.md
# Needs: the .NET 10 SDK, wrk (Debian: apt-get install wrk), curl, openssl. BENCH_NOTE adds a line under the table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

# The smoke run reuses the Debug build scripts/test.sh has just made: its numbers are not comparable anyway.
if $smoke; then duration=1s; window=1s; rounds=1; warmup=1s; prewarm=0s; conns=4; threads=1; writes_duration=1s; colds=1; config=Debug
else duration=10s; window=4s; rounds=3; warmup=3s; prewarm=10s; conns=16; threads=2; writes_duration=5s; colds=5; config=Release; fi
api_port=${BENCH_API_PORT:-5391}
base_port=${BENCH_BASELINE_PORT:-5392}
work=$root/artifacts/bench
out=$work/out
data=$work/data
rm -rf "$work" && mkdir -p "$out" "$data"
for tool in wrk curl openssl dotnet; do command -v $tool >/dev/null || { echo "bench: $tool is required (Debian: apt-get install -y wrk curl openssl)"; exit 1; }; done

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

echo "==> Building $config (bench/Spoc.Bench.sln: the API, the seeder and micro-benchmarks, the baseline)"
dotnet build bench/Spoc.Bench.sln -c $config -nologo -v q
bench_dll=$root/bench/Spoc.Bench/bin/$config/net10.0/Spoc.Bench.dll
if $smoke; then
  api_dir=$root/src/Spoc.Api/bin/$config/net10.0
  base_dll=$root/bench/Spoc.Bench.Baseline/bin/$config/net10.0/Spoc.Bench.Baseline.dll
else
  # What is deployed: `dotnet publish -r linux-x64` (ReadyToRun, docs/performance.md); the baseline published alike.
  echo "==> Publishing the API and the baseline (Release, linux-x64, ReadyToRun)"
  api_dir=$work/publish/api
  dotnet publish src/Spoc.Api -c Release -r linux-x64 -o "$api_dir" -nologo -v q
  dotnet publish bench/Spoc.Bench.Baseline -c Release -r linux-x64 -p:PublishReadyToRun=true -o "$work/publish/baseline" -nologo -v q
  base_dll=$work/publish/baseline/Spoc.Bench.Baseline.dll
fi

# A throwaway signing key for this run only (never committed); the seeder's tokens and the API share it.
export Auth__SigningKey
Auth__SigningKey=$(openssl rand -base64 48)
export ASPNETCORE_ENVIRONMENT=Production Spoc__DataDirectory=$data Auth__AccessTokenLifetime=03:00:00 \
  OpenApi__SwaggerUi=false \
  RateLimiting__ApiPermitsPerCaller=1000000000 RateLimiting__TokenPermitsPerIp=1000 RateLimiting__VerifyPermitsPerIp=1000000000 \
  Logging__LogLevel__Default=Warning
api_url=http://127.0.0.1:$api_port
base_url=http://127.0.0.1:$base_port

# The SQL count probes need Diagnostics:CountSqlCommands (an EF command interceptor and an async-local per request, 5% of
# a small read's throughput); the load runs on an instance started without it, as deployed.
count_sql=false
start_api() { Diagnostics__CountSqlCommands=$count_sql ASPNETCORE_URLS=$api_url dotnet "$api_dir/Spoc.Api.dll" --contentRoot "$api_dir" >>"$work/api.log" 2>&1 & api_pid=$!; pids+=("$api_pid"); }
wait_ready() { # $1 url; prints milliseconds from now until 200
  local t0 t1; t0=$(date +%s%N)
  for _ in $(seq 1 1500); do curl -sf -o /dev/null "$1" && { t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); return 0; }; sleep 0.02; done
  echo "bench: $1 never answered (see $work/*.log)" >&2; return 1
}

echo "==> Migrating an empty database (the API's own start-up), then seeding it"
start_api; wait_ready "$api_url/health/ready" >/dev/null; stop "$api_pid"
dotnet "$bench_dll" seed "$data/spoc.db" "$out"
# shellcheck disable=SC1091
. "$out/ids.env"

echo "==> Cold start: process start to /health/ready 200 (median of $colds)"
# From a warm disk, as the goal says: the seed's pages are cached, and written back first, so that the starts do not
# share the disk with the seed's write-back.
sync
starts=()
for _ in $(seq 1 "$colds"); do
  t0=$(date +%s%N); start_api
  wait_ready "$api_url/health/ready" >/dev/null; t1=$(date +%s%N)
  starts+=($(((t1 - t0) / 1000000)))
  stop "$api_pid"
done
cold_ms=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "    ${starts[*]} ms -> median $cold_ms ms"

count_sql=true start_api; wait_ready "$api_url/health/ready" >/dev/null
Bench__Database=$data/spoc.db ASPNETCORE_URLS=$base_url dotnet "$base_dll" >"$work/baseline.log" 2>&1 & base_pid=$!; pids+=("$base_pid")
wait_ready "$base_url/health/live" >/dev/null

echo "==> Signing in over HTTP as the trainer"
trainer=$(curl -sf "$api_url/api/v1/auth/token" -H 'content-type: application/json' -d "{\"email\":\"$TRAINER_EMAIL\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$trainer" ] || { echo "bench: sign-in failed"; exit 1; }

# Routes: name | path (cohort of 50) | who. The SQL count probes swap in the cohorts of 10 and 200 (@C the cohort, @T its
# thread of 120 posts). The thread page moves the learner's read marker on both sides, a write only when a page goes past it.
routes=(
  "health|/health/live|none"
  "API 404 with a token|/api/v1/does-not-exist|trainer"
  "cohort page|/api/v1/cohorts/@C|trainer"
  "roster|/api/v1/cohorts/@C/members?pageSize=100|trainer"
  "schedule|/api/v1/cohorts/@C/schedule|learner"
  "course outline|/api/v1/courses/$COURSE/outline|trainer"
  "progress matrix|/api/v1/cohorts/@C/progress|trainer"
  "gradebook|/api/v1/cohorts/@C/gradebook?pageSize=100|trainer"
  "thread page|/api/v1/threads/@T?page=1&pageSize=20|learner"
  "forum list|/api/v1/cohorts/@C/threads|learner"
  "notification feed|/api/v1/me/notifications|learner"
  "live sessions|/api/v1/cohorts/@C/sessions|learner"
  "my agenda|/api/v1/me/agenda?from=$AGENDA_FROM&to=$AGENDA_TO|learner"
  "verify code|/api/v1/verify/$VERIFY_CODE|none"
  "eligibility table|/api/v1/cohorts/@C/certification/eligibility|trainer"
  "follow-up dashboard|/api/v1/cohorts/@C/follow-up|trainer"
  "staff home: to follow up|/api/v1/me/follow-up/attention|trainer"
)
token_for() { local var=LEARNER${2}_TOKEN; case $1 in trainer) echo "$trainer";; learner) echo "${!var}";; *) echo "";; esac; }
path_for() { local var=COHORT$2 thread=THREAD$2 p; p=${1//@C/${!var}}; echo "${p//@T/${!thread}}"; }
curl_as() { local t=$1; shift; if [ -n "$t" ]; then curl -s -H "authorization: Bearer $t" "$@"; else curl -s "$@"; fi; }

echo "==> SQL commands per request (X-Sql-Commands)"
sizes=(10 200); $smoke && sizes=(10)
declare -A sql
for r in "${routes[@]}"; do
  IFS='|' read -r name path who <<<"$r"
  for size in "${sizes[@]}"; do
    for side in api base; do
      url=$api_url; [ $side = base ] && url=$base_url
      curl_as "$(token_for "$who" "$size")" -o /dev/null "$url$(path_for "$path" "$size")" # warm
      sql[$name,$size,$side]=$(curl_as "$(token_for "$who" "$size")" -o /dev/null -D - "$url$(path_for "$path" "$size")" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-sql-commands" {print $2}')
    done
  done
done
# The completion write: two fresh pairs per side, from the end of each side's list.
for side in api base; do
  url=$api_url; file=$out/writers-api.txt; [ $side = base ] && { url=$base_url; file=$out/writers-baseline.txt; }
  read -r c a t < <(tail -n 2 "$file" | head -n 1)
  curl -sf -o /dev/null -X POST -H "authorization: Bearer $t" "$url/api/v1/cohorts/$c/activities/$a/completion"
  read -r c a t < <(tail -n 1 "$file")
  n=$(curl -sf -o /dev/null -D - -X POST -H "authorization: Bearer $t" "$url/api/v1/cohorts/$c/activities/$a/completion" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-sql-commands" {print $2}')
  name="mark as done"; for size in "${sizes[@]}"; do sql[$name,$size,$side]=$n; done
done
# Handing in a text: a warm attempt then a counted one, by the last writer of each side (attempts may follow each other).
submit() { curl -sf -o /dev/null -D - -X POST -H "authorization: Bearer $2" -H 'content-type: application/json' -d '{"text":"A probe."}' "$1/api/v1/assignments/$3/submissions"; }
for side in api base; do
  url=$api_url; file=$out/submitters-api.txt; [ $side = base ] && { url=$base_url; file=$out/submitters-baseline.txt; }
  read -r a t < <(tail -n 1 "$file")
  submit "$url" "$t" "$a" >/dev/null
  n=$(submit "$url" "$t" "$a" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-sql-commands" {print $2}')
  name="hand in a text"; for size in "${sizes[@]}"; do sql[$name,$size,$side]=$n; done
done

# The baseline must answer the same bytes, or the comparison is void (a change of shape in the API shows here).
declare -A same
for r in "${routes[@]}"; do
  IFS='|' read -r name path who <<<"$r"
  curl_as "$(token_for "$who" 50)" -o "$work/api.json" "$api_url$(path_for "$path" 50)"
  curl_as "$(token_for "$who" 50)" -o "$work/base.json" "$base_url$(path_for "$path" 50)"
  cmp -s "$work/api.json" "$work/base.json" && same[$name]=yes || same[$name]="**no**"
done
same[API 404 with a token]="– (API: problem+json; baseline: empty)"
same[progress matrix (200)]=${same[progress matrix]}
same[gradebook (200)]=${same[gradebook]}

stop "$api_pid"; start_api; wait_ready "$api_url/health/ready" >/dev/null
for r in "${routes[@]}"; do
  IFS='|' read -r name path who <<<"$r"
  curl_as "$(token_for "$who" 50)" -o /dev/null "$api_url$(path_for "$path" 50)"
done
rss() { awk '/^'"$2"':/ {printf "%d", $2/1024}' "/proc/$1/status"; }
rss_idle=$(rss "$api_pid" VmRSS); base_rss_idle=$(rss "$base_pid" VmRSS)

# wrk → "rps p50ms p99ms errors"; $1 url, $2 token, $3 duration, rest: extra wrk arguments.
drive() {
  local url=$1 token=$2 d=$3; shift 3
  local auth=(); [ -n "$token" ] && auth=(-H "Authorization: Bearer $token")
  WRK_THREADS=$threads wrk -t"$threads" -c"$conns" -d"$d" --latency "${auth[@]}" "$@" "$url" >"$work/wrk.txt" 2>&1 || true
  { echo "== $(date +%T) $url -t$threads -c$conns -d$d $*"; cat "$work/wrk.txt"; } >>"$work/wrk.log" # every window, for a surprising figure
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec:/ {rps=$2} $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /Non-2xx/ {err+=$NF} /Socket errors/ {gsub(",",""); err+=$4+$6+$8+$10}
    /pairs exhausted/ {low="≥"}
    END {printf "%s%.0f %.2f %.2f %d\n", low, rps, p50, p99, err}' "$work/wrk.txt"
}

echo "==> Load: wrk -t$threads -c$conns per route, $rounds alternated windows of $window on each side (cohort of 50; progress and gradebook also at 200)"
results=()
# Of a side's windows, the one with the median requests/s (its p50 and p99), with the errors of all of them.
median_window() { printf '%s\n' "$@" | sort -n -k1 | awk '{line[NR]=$1" "$2" "$3; err+=$4} END {print line[int((NR+1)/2)], err}'; }
# This machine's speed drifts by up to 2x within minutes (docs/performance.md, session 17): the two sides take turns in
# short windows, so that both are measured in the same minutes, and each side's median window is kept.
measure() { # $1 name, $2 path with @C, $3 who, $4 size
  local name=$1 path=$2 who=$3 size=$4 a b as=() bs=() i
  local p; p=$(path_for "$path" "$size"); local t; t=$(token_for "$who" "$size")
  drive "$api_url$p" "$t" "$warmup" >/dev/null; drive "$base_url$p" "$t" "$warmup" >/dev/null
  for ((i = 0; i < rounds; i++)); do as+=("$(drive "$api_url$p" "$t" "$window")"); bs+=("$(drive "$base_url$p" "$t" "$window")"); done
  a=$(median_window "${as[@]}"); b=$(median_window "${bs[@]}")
  echo "    $name: API $a | baseline $b"
  results+=("$name|$a|$b")
}
# Tiered compilation is still at work a minute into a route's load (docs/performance.md, session 17): every route is
# driven on both sides before any is measured, so that each is measured at its steady rate, not halfway through the JIT.
if ! $smoke; then
  for r in "${routes[@]}"; do
    IFS='|' read -r name path who <<<"$r"
    p=$(path_for "$path" 50); t=$(token_for "$who" 50)
    drive "$api_url$p" "$t" "$prewarm" >/dev/null; drive "$base_url$p" "$t" "$prewarm" >/dev/null
  done
fi
for r in "${routes[@]}"; do
  IFS='|' read -r name path who <<<"$r"
  measure "$name" "$path" "$who" 50
  [ "$name" = "progress matrix" ] && ! $smoke && measure "progress matrix (200)" "$path" "$who" 200
  [ "$name" = "gradebook" ] && ! $smoke && measure "gradebook (200)" "$path" "$who" 200
done
# The peak of the reads alone: the writes and the live push below (200 WebSockets) add their own.
rss_reads=$(rss "$api_pid" VmHWM); base_rss_reads=$(rss "$base_pid" VmHWM)
# Mark as done: every request a new pair (bench/wrk/complete.lua); the first half of the pairs for this, the second half
# for the write test, the last ten for the SQL count probes above.
total=$(wc -l <"$out/writers-api.txt")
export WRITES_FILE WRITES_FROM=1 WRITES_TO=$((total / 2))
WRITES_FILE=$out/writers-api.txt; a=$(drive "$api_url" "" "$duration" -s bench/wrk/complete.lua)
WRITES_FILE=$out/writers-baseline.txt; b=$(drive "$base_url" "" "$duration" -s bench/wrk/complete.lua)
echo "    mark as done: API $a | baseline $b"
results+=("mark as done|$a|$b")
export SUBMIT_FILE
SUBMIT_FILE=$out/submitters-api.txt; a=$(drive "$api_url" "" "$duration" -s bench/wrk/submit.lua)
SUBMIT_FILE=$out/submitters-baseline.txt; b=$(drive "$base_url" "" "$duration" -s bench/wrk/submit.lua)
echo "    hand in a text: API $a | baseline $b"
results+=("hand in a text|$a|$b")

# Issue 11's single request: the gradebook of the cohort of 200 (a page of 100 learners × 100 assignments), one request at
# a time after the load above, as time to first byte (the body is written after the whole answer is built and digested).
single() { # $1 url; prints "median p90" in ms over 30 requests after 5 warm ones
  local i; for i in $(seq 1 5); do curl -s -o /dev/null -H "authorization: Bearer $trainer" "$1"; done
  for i in $(seq 1 30); do curl -s -o /dev/null -w '%{http_code} %{time_starttransfer}\n' -H "authorization: Bearer $trainer" "$1"; done |
    sort -k2 -n | awk '$1 != 200 {bad=1} {a[NR]=$2*1000} END {if (bad) print "failed failed"; else printf "%.1f %.1f\n", a[15], a[27]}'
}
gradebook_one=$(path_for "/api/v1/cohorts/@C/gradebook?pageSize=100" 200)
read -r one_api one_api90 < <(single "$api_url$gradebook_one"); read -r one_base one_base90 < <(single "$base_url$gradebook_one")
echo "    gradebook (200) one request at a time: API $one_api ms (p90 $one_api90) | baseline $one_base ms (p90 $one_base90)"

echo "==> Writes on one connection (completion, wrk -c1 -d$writes_duration)"
threads_saved=$threads conns_saved=$conns; threads=1 conns=1
WRITES_FROM=$((total / 2 + 1)) WRITES_TO=$((total - 10))
WRITES_FILE=$out/writers-api.txt; w_api=$(drive "$api_url" "" "$writes_duration" -s bench/wrk/complete.lua)
WRITES_FILE=$out/writers-baseline.txt; w_base=$(drive "$base_url" "" "$writes_duration" -s bench/wrk/complete.lua)
threads=$threads_saved conns=$conns_saved
echo "    API $w_api | baseline $w_base"

# Scale-out (docs/deployment.md): two read routes through Debian's nginx balancing one API instance, then two on the
# same database. Full runs only. On one machine the instances, nginx and wrk share the same cores. Before the live push:
# its mail (one per learner of the writers' cohort, per announcement) is sent for minutes after it, on the same cores.
scale=()
if ! $smoke && [ -x /usr/sbin/nginx ]; then
  echo "==> Scale-out: nginx in front of one API instance, then two"
  second_url=http://127.0.0.1:$((api_port + 10)); lb_url=http://127.0.0.1:$((api_port + 11)); lb=$work/nginx; mkdir -p "$lb"
  ASPNETCORE_URLS=$second_url dotnet "$api_dir/Spoc.Api.dll" --contentRoot "$api_dir" >>"$work/api-2.log" 2>&1 & second_pid=$!; pids+=("$second_pid")
  wait_ready "$second_url/health/ready" >/dev/null
  balance() { # $@: the instances' ports
    local servers="" port; for port in "$@"; do servers+="server 127.0.0.1:$port; "; done
    cat >"$lb/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo 'user root;')
worker_processes auto; error_log $lb/error.log warn; pid $lb/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $lb/body; proxy_temp_path $lb/proxy; fastcgi_temp_path $lb/fcgi; uwsgi_temp_path $lb/uwsgi; scgi_temp_path $lb/scgi;
  upstream spoc { ${servers}keepalive 64; }
  server { listen ${lb_url#http://}; location / { proxy_pass http://spoc; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
EOF
    /usr/sbin/nginx -p "$lb" -c "$lb/nginx.conf" -g 'daemon off;' & nginx_pid=$!; pids+=("$nginx_pid")
    wait_ready "$lb_url/health/live" >/dev/null
  }
  for instances in 1 2; do
    if [ "$instances" = 1 ]; then balance "$api_port"; else balance "$api_port" "$((api_port + 10))"; fi
    for r in "cohort page|/api/v1/cohorts/@C" "roster|/api/v1/cohorts/@C/members?pageSize=100"; do
      IFS='|' read -r name path <<<"$r"; p=$(path_for "$path" 50); t=$(token_for trainer 50)
      drive "$lb_url$p" "$t" "$warmup" >/dev/null; a=$(drive "$lb_url$p" "$t" "$duration")
      echo "    $name through nginx, $instances instance(s): $a"
      scale+=("$name|$instances|$a")
    done
    stop "$nginx_pid"
  done
  stop "$second_pid"
fi

# Live push (ADR 0026): writers of the writers' cohort hold a WebSocket to /hubs/notifications each, the trainer posts
# announcements to that cohort back to back; every announcement notifies each learner, and the connected ones get a push.
receivers=200; $smoke && receivers=20
head -n $receivers "$out/submitters-api.txt" >"$out/receivers.txt"
members=$((2 * $(wc -l <"$out/submitters-api.txt"))) # the seeder's writers: each side's submitters, both sides in one cohort
echo "==> Live push: $receivers learners connected to the hub, the trainer's announcements to their cohort of $members for $duration"
read -r push_rate push_count push_expected push_requests push_seconds < <(dotnet "$bench_dll" push "$api_url" "${duration%s}" "$trainer" \
  "/api/v1/cohorts/$COHORTW/threads" '{"title":"Annonce du banc","body":"Une annonce.","announcement":true}' "$out/receivers.txt")
echo "    $push_rate pushes/s: $push_count of $push_expected pushes for $push_requests announcements in $push_seconds s"
rss_peak=$(rss "$api_pid" VmHWM); base_rss_peak=$(rss "$base_pid" VmHWM)
stop "$api_pid"; stop "$base_pid"

echo "==> BenchmarkDotNet micro-benchmarks (in process, $($smoke && echo Dry || echo ShortRun) job)"
micro_args=(micro --filter '*' --artifacts "$work/micro"); $smoke && micro_args+=(--smoke)
(cd "$work" && dotnet "$bench_dll" "${micro_args[@]}" >"$work/micro.log" 2>&1) || { tail -30 "$work/micro.log"; echo "bench: micro-benchmarks failed"; exit 1; }
micro_table=$(for f in "$work"/micro/results/*-report-github.md; do n=${f##*/Spoc.Bench.}; echo "**${n%-report-github.md}**"; echo; grep '^|' "$f"; echo; done)

# The report.
ratio() { awk -v a="${1#≥}" -v b="${2#≥}" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "+changes")
report=$work/report.md
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC') on commit \`$commit\`$($smoke && echo ' (**smoke**: Debug build, a second per measurement, numbers not comparable)'): $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), wrk $(wrk -v 2>&1 | awk 'NR==1 {print $2}')."
  [ -n "${BENCH_NOTE:-}" ] && { echo; echo "$BENCH_NOTE"; }
  echo
  echo "### Per route: API vs bare baseline"
  echo
  echo "wrk \`-t$threads -c$conns --latency\` after a warm-up pass over every route ($prewarm a route on each side) and $warmup more on each side before each measurement, then $rounds windows of $window on each side, taking turns (API, baseline, API, ...) on the same SQLite file; each side's figures are its median window's (errors: all windows); the writes below run $duration on each side, API then baseline. Cohort of 50 learners × 40 activities (gradebook: × 100 assignments, a page of 100 learners) unless said. Ratio = API requests/s ÷ baseline requests/s (goal ≥ 0.70×). Errors = non-2xx + socket errors (on the 404 route, every answer is a non-2xx: the 404 it asks for). Same JSON: the two bodies are byte-identical (\`cmp\`)."
  echo
  echo "| route | API req/s | API p50 ms | API p99 ms | baseline req/s | baseline p50 ms | baseline p99 ms | ratio | errors (API / baseline) | same JSON |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for r in "${results[@]}"; do
    IFS='|' read -r name a b <<<"$r"; read -r ar ap50 ap99 aerr <<<"$a"; read -r br bp50 bp99 berr <<<"$b"
    echo "| $name | $ar | $ap50 | $ap99 | $br | $bp50 | $bp99 | $(ratio "$ar" "$br") | $aerr / $berr | ${same[$name]:-–} |"
  done
  echo
  echo "### SQL commands per request"
  echo
  echo "From the \`X-Sql-Commands\` header (API: \`Diagnostics:CountSqlCommands=true\`; baseline: its own count). Constant across sizes = no query per learner."
  echo
  if $smoke; then echo "| route | API (10 learners) | baseline (10) |"; echo "|---|---:|---:|"
  else echo "| route | API (10 learners) | API (200 learners) | baseline (10) | baseline (200) |"; echo "|---|---:|---:|---:|---:|"; fi
  for name in "health" "API 404 with a token" "cohort page" "roster" "schedule" "course outline" "progress matrix" "gradebook" "thread page" "forum list" "notification feed" "live sessions" "my agenda" "verify code" "eligibility table" "follow-up dashboard" "staff home: to follow up" "mark as done" "hand in a text"; do
    if $smoke; then echo "| $name | ${sql[$name,10,api]:-–} | ${sql[$name,10,base]:-–} |"
    else echo "| $name | ${sql[$name,10,api]:-–} | ${sql[$name,200,api]:-–} | ${sql[$name,10,base]:-–} | ${sql[$name,200,base]:-–} |"; fi
  done
  echo
  echo "### Start, memory, writes"
  echo
  echo "| measure | API | baseline | goal |"
  echo "|---|---:|---:|---|"
  echo "| cold start to ready (process start → \`/health/ready\` 200, median of $colds: ${starts[*]} ms) | $cold_ms ms | – | < 2000 ms |"
  echo "| RSS idle (VmRSS after start and one request per route) | $rss_idle MB | $base_rss_idle MB | |"
  echo "| RSS peak under the read load (VmHWM after the read routes) | $rss_reads MB | $base_rss_reads MB | < 250 MB |"
  echo "| RSS peak at the end (VmHWM after the writes, the scale-out and the live push) | $rss_peak MB | $base_rss_peak MB | < 250 MB |"
  read -r war wap50 wap99 _ <<<"$w_api"; read -r wbr wbp50 wbp99 _ <<<"$w_base"
  echo "| gradebook of 200 × 100 (a page of 100), one request at a time: time to first byte, median of 30 (p90) | $one_api ms ($one_api90) | $one_base ms ($one_base90) | < 50 ms |"
  echo "| completion writes/s on one connection (p50 / p99 ms) | $war ($wap50 / $wap99) | $wbr ($wbp50 / $wbp99) | ≥ 500/s |"
  echo "| notifications pushed per second ($receivers learners on the hub, $push_requests announcements to their cohort of $members learners, each notifying all of them: $push_count of $push_expected pushes arrived in $push_seconds s) | $push_rate/s | – | |"
  echo
  echo "≥: a lower bound — that side used up its (learner, activity) pairs before the end of the run."
  if [ ${#scale[@]} -gt 0 ]; then
    echo
    echo "### Scale-out: nginx in front of one API instance, then two (docs/deployment.md)"
    echo
    echo "Same wrk settings, the trainer on the cohort of 50, nginx (Debian, keep-alive to the instances) round-robin over instances on the same SQLite file, all on this one machine: the instances, nginx and wrk share its $(nproc) cores, so this shows what a second instance costs or gives on one machine, not what a second machine adds."
    echo
    echo "| route | direct to one instance req/s | nginx → 1 instance req/s (p50 / p99 ms) | nginx → 2 instances req/s (p50 / p99 ms) | 2 ÷ 1 |"
    echo "|---|---:|---:|---:|---:|"
    for name in "cohort page" "roster"; do
      direct=""; one=""; two=""
      for r in "${results[@]}"; do IFS='|' read -r n a _ <<<"$r"; [ "$n" = "$name" ] && direct=${a%% *}; done
      for r in "${scale[@]}"; do IFS='|' read -r n i a <<<"$r"; if [ "$n" = "$name" ]; then if [ "$i" = 1 ]; then one=$a; else two=$a; fi; fi; done
      read -r r1 p501 p991 _ <<<"$one"; read -r r2 p502 p992 _ <<<"$two"
      echo "| $name | $direct | $r1 ($p501 / $p991) | $r2 ($p502 / $p992) | $(ratio "$r2" "$r1") |"
    done
  fi
  echo
  echo "### Micro-benchmarks (BenchmarkDotNet, in process, $($smoke && echo Dry || echo ShortRun) job)"
  echo
  echo "$micro_table"
} >"$report"

echo
cat "$report"
if ! $smoke; then
  doc=docs/performance.md
  awk -v report="$report" '
    /<!-- bench:begin -->/ {print; while ((getline line < report) > 0) print line; skip=1; next}
    /<!-- bench:end -->/ {skip=0}
    !skip' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
  echo "==> Wrote the results into $doc"
fi
