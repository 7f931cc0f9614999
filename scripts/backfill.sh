#!/usr/bin/env bash
# Backfills a date range with one Dataflow job of the Flex Template.
#
#   scripts/backfill.sh --from=YYYY-MM-DD --to=YYYY-MM-DD --project=P --region=R --bucket=B
#       --dataset=D [--service-account=EMAIL] [--dry-run]
#
# The job runs with runDate=FROM..TO and the parameters of pipelines/dataflow/daily.params: it
# replaces the claims of every day in the range and recomputes every window they touch, so a
# backfill over days already loaded leaves them as a daily run would. --dry-run prints the
# command and touches nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/cloud.sh"
usage() { sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

FROM=""
TO=""
parse_common "$@"
for arg in "${COMMON_REST[@]+"${COMMON_REST[@]}"}"; do
  case "$arg" in
    --from=*) FROM="${arg#*=}" ;;
    --to=*) TO="${arg#*=}" ;;
    *) die "unknown option $arg" ;;
  esac
done
check_common

valid_day() {
  [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && [[ "$(date -u -d "$1" +%F 2>/dev/null)" == "$1" ]]
}
valid_day "$FROM" || die "--from=YYYY-MM-DD is required (got '$FROM')"
valid_day "$TO" || die "--to=YYYY-MM-DD is required (got '$TO')"
[[ "$FROM" < "$TO" || "$FROM" == "$TO" ]] || die "--from=$FROM is after --to=$TO"

PARAMS="$( { launch_params; echo "runDate=${FROM}..${TO}"; } | gcloud_parameters)"
run gcloud dataflow flex-template run "contested-backfill-${FROM//-/}-${TO//-/}" \
  --template-file-gcs-location="$TEMPLATE_SPEC" --project="$PROJECT" --region="$REGION" \
  --service-account-email="$SERVICE_ACCOUNT" --temp-location="$TEMP_LOCATION" \
  --staging-location="$STAGING_LOCATION" --parameters="$PARAMS"
