# Shared by deploy-template.sh, schedule-daily.sh and backfill.sh: option parsing, names of the
# cloud resources, and `run`, which executes a command or, with --dry-run, prints it exactly
# (shell-quoted, one per line) and touches nothing. Sourced, not executed.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PROJECT=""
REGION=""
BUCKET=""
DATASET=""
SERVICE_ACCOUNT=""
DRY_RUN=0
TEMPLATE_NAME=contested-daily
ARTIFACT_REPO=contested

die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Parses the common options; prints the rest (script-specific options), one per line.
parse_common() {
  local rest=()
  for arg in "$@"; do
    case "$arg" in
      --project=*) PROJECT="${arg#*=}" ;;
      --region=*) REGION="${arg#*=}" ;;
      --bucket=*) BUCKET="${arg#*=}"; BUCKET="${BUCKET#gs://}"; BUCKET="${BUCKET%/}" ;;
      --dataset=*) DATASET="${arg#*=}" ;;
      --service-account=*) SERVICE_ACCOUNT="${arg#*=}" ;;
      --dry-run) DRY_RUN=1 ;;
      -h|--help) usage; exit 0 ;;
      *) rest+=("$arg") ;;
    esac
  done
  COMMON_REST=("${rest[@]+"${rest[@]}"}")
}

check_common() {
  [[ "$PROJECT" =~ ^[a-z][-a-z0-9]{4,28}[a-z0-9]$ ]] \
    || die "--project=PROJECT_ID is required (lower-case letters, digits, hyphens)"
  [[ "$REGION" =~ ^[a-z]+-[a-z]+[0-9]+$ ]] || die "--region=REGION is required, e.g. europe-west1"
  [[ "$BUCKET" =~ ^[a-z0-9][-_.a-z0-9]{1,220}[a-z0-9]$ ]] || die "--bucket=BUCKET is required"
  [[ "$DATASET" =~ ^[A-Za-z0-9_]{1,1024}$ ]] || die "--dataset=DATASET is required"
  if [[ -z "$SERVICE_ACCOUNT" ]]; then
    SERVICE_ACCOUNT="contested-runner@${PROJECT}.iam.gserviceaccount.com"
  fi
  IMAGE="${REGION}-docker.pkg.dev/${PROJECT}/${ARTIFACT_REPO}/${TEMPLATE_NAME}:latest"
  TEMPLATE_SPEC="gs://${BUCKET}/templates/${TEMPLATE_NAME}.json"
  TEMP_LOCATION="gs://${BUCKET}/tmp"
  STAGING_LOCATION="gs://${BUCKET}/staging"
}

# Runs a command, or prints it with --dry-run.
run() {
  if [[ "$DRY_RUN" == 1 ]]; then
    local out="" a
    for a in "$@"; do
      out+="$(printf '%q' "$a") "
    done
    echo "${out% }"
  else
    "$@"
  fi
}

# The daily launch parameters (pipelines/dataflow/daily.params) with the placeholders filled,
# as name=value lines, in file order.
launch_params() {
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    line="${line//\$\{PROJECT\}/$PROJECT}"
    line="${line//\$\{DATASET\}/$DATASET}"
    line="${line//\$\{BUCKET\}/$BUCKET}"
    line="${line//\$\{REGION\}/$REGION}"
    [[ "$line" == *'${'* ]] && die "unknown placeholder in daily.params: $line"
    echo "$line"
  done <"$REPO/pipelines/dataflow/daily.params"
}

# name=value lines as one gcloud --parameters value. The ^~^ prefix makes ~ the separator, so
# values may contain commas (parties=RU,UA, column mappings).
gcloud_parameters() {
  local joined="" line
  while IFS= read -r line; do
    joined+="${joined:+~}$line"
  done
  echo "^~^$joined"
}

json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}
