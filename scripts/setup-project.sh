#!/usr/bin/env bash
# One-time setup of a Google Cloud project for the contested pipeline.
#
#   scripts/setup-project.sh --project=P --region=R --bucket=B --dataset=D [--dry-run]
#
# Enables the APIs, creates the service account contested-runner (or --service-account=EMAIL,
# which must exist) with the roles the jobs need, the bucket (templates, temp, staging, articles)
# and the BigQuery dataset in the bucket's region. Safe to rerun: existing resources are kept.
# --dry-run prints the commands and touches nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/cloud.sh"
usage() { sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

CUSTOM_SA=0
for arg in "$@"; do
  [[ "$arg" == --service-account=* ]] && CUSTOM_SA=1
done
parse_common "$@"
[[ ${#COMMON_REST[@]} -eq 0 ]] || die "unknown option ${COMMON_REST[0]}"
check_common

# Runs a creating command unless the describing command finds the resource (always in a dry run).
ensure() {
  local describe="$1"
  shift
  if [[ "$DRY_RUN" == 1 ]] || ! eval "$describe" >/dev/null 2>&1; then
    run "$@"
  fi
}

run gcloud services enable dataflow.googleapis.com bigquery.googleapis.com \
  bigquerystorage.googleapis.com storage.googleapis.com artifactregistry.googleapis.com \
  cloudbuild.googleapis.com cloudscheduler.googleapis.com --project="$PROJECT"
if [[ "$CUSTOM_SA" == 0 ]]; then
  ensure "gcloud iam service-accounts describe '$SERVICE_ACCOUNT' --project='$PROJECT'" \
    gcloud iam service-accounts create contested-runner \
    --display-name="contested pipeline runner" --project="$PROJECT"
fi
# Dataflow worker; BigQuery tables and load/export jobs; the bucket; pulling the launcher image;
# Cloud Scheduler launching Flex Templates as this account.
for role in roles/dataflow.worker roles/dataflow.developer roles/bigquery.dataEditor \
    roles/bigquery.jobUser roles/storage.objectAdmin roles/artifactregistry.reader \
    roles/iam.serviceAccountUser; do
  run gcloud projects add-iam-policy-binding "$PROJECT" \
    --member="serviceAccount:$SERVICE_ACCOUNT" --role="$role" --condition=None --quiet
done
ensure "gcloud storage buckets describe 'gs://$BUCKET' --project='$PROJECT'" \
  gcloud storage buckets create "gs://$BUCKET" --location="$REGION" \
  --uniform-bucket-level-access --project="$PROJECT"
ensure "bq --project_id='$PROJECT' show --dataset '$PROJECT:$DATASET'" \
  bq --project_id="$PROJECT" mk --dataset --location="$REGION" \
  --description="contested: claims, location_status, divergence, dead_letter" \
  "$PROJECT:$DATASET"
