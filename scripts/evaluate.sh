#!/usr/bin/env bash
# Scores the pipeline against the gold file (docs/evaluation.md).
#
#   scripts/evaluate.sh [--split=dev] [--pool=FILE] [--gold=FILE] [--collection=NAME]
#                       [--report=FILE] [--errors=FILE] [--workdir=DIR]
#                       [--predictions=DIR] [pipeline options...]
#
# Without --predictions: extracts the split's labelled pool items, runs the pipeline on them with
# scripts/run-local.sh (DirectRunner), then scores OUT/claims. With --predictions=DIR it only
# scores an existing output (a run directory or its claims/ table). Any option not listed above is
# passed to the pipeline. Paths may be relative to the current directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "evaluate.sh: $*" >&2; exit 2; }

# Absolute form of a path given relative to the caller's directory.
abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

split=dev
pool="$ROOT/../shared/eval/pool.jsonl"
gold="$ROOT/../shared/eval/dev-gold.jsonl"
collection=""
report=""
errors=""
workdir=""
predictions=""
pipeline_args=()

for arg in "$@"; do
  case "$arg" in
    --split=*) split="${arg#*=}" ;;
    --pool=*) pool="$(abspath "${arg#*=}")" ;;
    --gold=*) gold="$(abspath "${arg#*=}")" ;;
    --collection=*) collection="${arg#*=}" ;;
    --report=*) report="$(abspath "${arg#*=}")" ;;
    --errors=*) errors="$(abspath "${arg#*=}")" ;;
    --workdir=*) workdir="$(abspath "${arg#*=}")" ;;
    --predictions=*) predictions="$(abspath "${arg#*=}")" ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pipeline_args+=("$arg") ;;
  esac
done

[[ -f "$pool" ]] || die "pool file not found: $pool"
[[ -f "$gold" ]] || die "gold file not found: $gold"
if [[ -n "$predictions" && ${#pipeline_args[@]} -gt 0 ]]; then
  die "pipeline options (${pipeline_args[*]}) make no sense with --predictions"
fi

# Each run keeps its input, output, report and error listing together for later study.
workdir="${workdir:-$ROOT/target/eval/$split-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$workdir"
report="${report:-$workdir/report.json}"
errors="${errors:-$workdir/errors.txt}"

# Build classes and the runtime classpath; offline first, online when the local repo lacks a
# dependency.
build() {
  local mvn_args=(-B -q -f "$ROOT/pom.xml" compile dependency:build-classpath
    -Dmdep.outputFile="$ROOT/target/classpath.txt")
  if ! mvn -o "${mvn_args[@]}" >"$workdir/build.log" 2>&1; then
    echo "evaluate.sh: offline build failed, retrying online" >&2
    mvn "${mvn_args[@]}" >"$workdir/build.log" 2>&1 || {
      cat "$workdir/build.log" >&2
      die "build failed (log: $workdir/build.log)"
    }
  fi
}

evaluate() {
  java -cp "$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")" org.contested.eval.Evaluate "$@"
}

collection_arg=()
[[ -n "$collection" ]] && collection_arg=(--collection="$collection")

build

if [[ -z "$predictions" ]]; then
  [[ -x "$ROOT/scripts/run-local.sh" ]] || die "scripts/run-local.sh is missing or not executable"
  input="$workdir/input.jsonl"
  evaluate --extract-split="$split" --pool="$pool" --gold="$gold" "${collection_arg[@]}" --out="$input"
  output="$workdir/out"
  echo "evaluate.sh: running the pipeline on $input -> $output" >&2
  "$ROOT/scripts/run-local.sh" --input="$input" --format=jsonl --output="$output" "${pipeline_args[@]}"
  predictions="$output/claims"
fi

evaluate --pool="$pool" --gold="$gold" --split="$split" --predictions="$predictions" \
  "${collection_arg[@]}" --report="$report" --errors="$errors"
