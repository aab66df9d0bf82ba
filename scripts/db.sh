#!/usr/bin/env bash
# Migrations for both providers, and the SQL Server scripts operators apply.
#   scripts/db.sh add <Module> <Name>   e.g. scripts/db.sh add Cohorts AddWaitlist  (both providers)
#   scripts/db.sh sql                   regenerate docs/sql/<module>.sql (idempotent SQL Server scripts)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
MODULES=(Kernel Keys Platform Cohorts Courses Assessment Community Certification FollowUp Integrations)
# Design time only: the host is built, never started, and needs a connection string to pick the provider.
SQLSERVER_ARGS=(--Database:Provider=SqlServer "--ConnectionStrings:Spoc=Server=design-time;Database=Spoc;Trusted_Connection=True;TrustServerCertificate=True")

case "${1:-}" in
  add)
    module=$2; name=$3
    dotnet build src/Spoc.Api -v q -nologo >/dev/null
    for provider in Sqlite SqlServer; do
      args=(--Database:Provider=Sqlite); [ "$provider" = SqlServer ] && args=("${SQLSERVER_ARGS[@]}")
      dotnet ef migrations add "${module}${name}" --no-build --context "${module}DbContext" \
        --project "src/Migrations/Spoc.Migrations.$provider" --startup-project src/Spoc.Api \
        --output-dir "$module" -- "${args[@]}"
    done
    ;;
  sql)
    mkdir -p docs/sql
    dotnet build src/Spoc.Api -v q -nologo >/dev/null
    for module in "${MODULES[@]}"; do
      lower=$(echo "$module" | tr '[:upper:]' '[:lower:]')
      dotnet ef migrations script --idempotent --no-build --context "${module}DbContext" \
        --project src/Migrations/Spoc.Migrations.SqlServer --startup-project src/Spoc.Api \
        -o "docs/sql/$lower.sql" -- "${SQLSERVER_ARGS[@]}"
    done
    ;;
  *)
    sed -n '2,4p' "$0"; exit 2 ;;
esac
