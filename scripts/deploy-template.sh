#!/usr/bin/env bash
# Builds the Dataflow Flex Template of the contested pipeline and stores its spec in the bucket.
#
#   scripts/deploy-template.sh --project=P --region=R --bucket=B --dataset=D [--dry-run]
#
# Steps: bundle the jar (mvn -Pdataflow), create the Artifact Registry repository "contested"
# if missing, build the launcher image with Cloud Build (pipelines/dataflow/Dockerfile), write
# the template spec gs://B/templates/contested-daily.json with its parameters from
# pipelines/dataflow/metadata.json. --dry-run prints the commands instead and touches nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/cloud.sh"
usage() { sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

parse_common "$@"
[[ ${#COMMON_REST[@]} -eq 0 ]] || die "unknown option ${COMMON_REST[0]}"
check_common

FLEX_DIR="$REPO/target/flex"
run mvn -B -q -f "$REPO/pom.xml" -Pdataflow -DskipTests package
run mkdir -p "$FLEX_DIR"
run cp "$REPO/pipelines/dataflow/Dockerfile" "$REPO/target/contested-bundled.jar" "$FLEX_DIR/"
if [[ "$DRY_RUN" == 1 ]] || ! gcloud artifacts repositories describe "$ARTIFACT_REPO" \
    --location="$REGION" --project="$PROJECT" >/dev/null 2>&1; then
  run gcloud artifacts repositories create "$ARTIFACT_REPO" --repository-format=docker \
    --location="$REGION" --project="$PROJECT"
fi
run gcloud builds submit "$FLEX_DIR" --tag="$IMAGE" --project="$PROJECT" --region="$REGION"
run gcloud dataflow flex-template build "$TEMPLATE_SPEC" --image="$IMAGE" --sdk-language=JAVA \
  --metadata-file="$REPO/pipelines/dataflow/metadata.json" --project="$PROJECT"
