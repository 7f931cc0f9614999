#!/usr/bin/env bash
# Schedules the daily run: a Cloud Scheduler job that launches the Flex Template every day.
#
#   scripts/schedule-daily.sh --project=P --region=R --bucket=B --dataset=D
#       [--schedule="0 3 * * *"] [--service-account=EMAIL] [--dry-run]
#
# The job POSTs to the Dataflow flexTemplates:launch API as the service account (default
# contested-runner@P.iam.gserviceaccount.com) with the parameters of
# pipelines/dataflow/daily.params; runDate is left to its default, yesterday (UTC). An existing
# job of the same name is replaced. --dry-run prints the commands and the request body.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/cloud.sh"
usage() { sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

SCHEDULE="0 3 * * *"
JOB=contested-daily
parse_common "$@"
for arg in "${COMMON_REST[@]+"${COMMON_REST[@]}"}"; do
  case "$arg" in
    --schedule=*) SCHEDULE="${arg#*=}" ;;
    *) die "unknown option $arg" ;;
  esac
done
check_common

# The flexTemplates:launch request: template, parameters, and the job's environment.
launch_body() {
  local params="" line name value
  while IFS= read -r line; do
    name="${line%%=*}"
    value="${line#*=}"
    params+="${params:+, }$(json_string "$name"): $(json_string "$value")"
  done < <(launch_params)
  cat <<JSON
{
  "launchParameter": {
    "jobName": "$JOB",
    "containerSpecGcsPath": $(json_string "$TEMPLATE_SPEC"),
    "parameters": {$params},
    "environment": {
      "serviceAccountEmail": $(json_string "$SERVICE_ACCOUNT"),
      "tempLocation": $(json_string "$TEMP_LOCATION"),
      "stagingLocation": $(json_string "$STAGING_LOCATION")
    }
  }
}
JSON
}

BODY_FILE="$REPO/target/${JOB}-launch.json"
if [[ "$DRY_RUN" == 1 ]]; then
  echo "# request body ($BODY_FILE):"
  launch_body | sed 's/^/# /'
else
  mkdir -p "$(dirname "$BODY_FILE")"
  launch_body >"$BODY_FILE"
fi
URI="https://dataflow.googleapis.com/v1b3/projects/${PROJECT}/locations/${REGION}/flexTemplates:launch"
if [[ "$DRY_RUN" != 1 ]] && gcloud scheduler jobs describe "$JOB" --location="$REGION" \
    --project="$PROJECT" >/dev/null 2>&1; then
  run gcloud scheduler jobs delete "$JOB" --location="$REGION" --project="$PROJECT" --quiet
fi
run gcloud scheduler jobs create http "$JOB" --location="$REGION" --project="$PROJECT" \
  --schedule="$SCHEDULE" --time-zone=Etc/UTC --uri="$URI" --http-method=POST \
  --oauth-service-account-email="$SERVICE_ACCOUNT" \
  --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform \
  --headers=Content-Type=application/json --message-body-from-file="$BODY_FILE"
