#!/usr/bin/env bash
# Creates (or replaces) the reporting views of pipelines/bigquery/views/*.sql in the dataset.
#
#   scripts/create-views.sh --project=P --region=R --bucket=B --dataset=D [--dry-run]
#
# The tables must exist (the first pipeline run creates them). --dry-run prints the bq commands
# (the SQL with project and dataset filled in) and touches nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/cloud.sh"
usage() { sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

parse_common "$@"
[[ ${#COMMON_REST[@]} -eq 0 ]] || die "unknown option ${COMMON_REST[0]}"
check_common

for file in "$REPO"/pipelines/bigquery/views/*.sql; do
  sql="$(<"$file")"
  sql="${sql//\$\{PROJECT\}/$PROJECT}"
  sql="${sql//\$\{DATASET\}/$DATASET}"
  run bq --project_id="$PROJECT" --location="$REGION" query --use_legacy_sql=false --nouse_cache "$sql"
done
