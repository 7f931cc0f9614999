#!/usr/bin/env bash
# Runs the contested pipeline on the local DirectRunner.
#
#   scripts/run-local.sh [--input=PATH_OR_GLOB] [--output=DIR] [pipeline options...]
#
# Without --input it reads the shipped sample corpus, without --output it writes to <repo>/out.
# Defaults come from pipelines/local.options (or $CONTESTED_LOCAL_OPTIONS); flags given here win.
# Builds the project first when the jar is missing or older than the sources. Relative paths
# are taken from the current directory. JAVA_OPTS passes flags to the JVM (default -Xmx1g
# on the DirectRunner, -Xmx2g on other runners); they come after those of scripts/jvm.sh (the
# parallel collector, lighter JIT flags, a class archive in target/ written by the first run
# after a build).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OPTIONS_FILE="${CONTESTED_LOCAL_OPTIONS:-$REPO/pipelines/local.options}"
MAIN=org.contested.pipeline.ContestedPipeline
CLASSPATH_FILE="$REPO/target/classpath.txt"

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

mvn_quiet() {
  # Offline first (the usual case once dependencies are in ~/.m2), then online; output only
  # on failure.
  local log
  log="$(mktemp)"
  if mvn -B -q -o -Dstyle.color=never -f "$REPO/pom.xml" "$@" >"$log" 2>&1 \
    || mvn -B -q -Dstyle.color=never -f "$REPO/pom.xml" "$@" >"$log" 2>&1; then
    rm -f "$log"
  else
    cat "$log" >&2
    rm -f "$log"
    echo "run-local: build failed" >&2
    exit 1
  fi
}

project_jar() {
  local jar
  for jar in "$REPO"/target/contested-*.jar; do
    case "$jar" in *-sources.jar | *-tests.jar | *-javadoc.jar) continue ;; esac
    [[ -f "$jar" ]] && { echo "$jar"; return 0; }
  done
  return 0
}

build_if_needed() {
  local jar
  jar="$(project_jar)"
  if [[ -z "$jar" ]] \
    || [[ -n "$(find "$REPO/src/main" "$REPO/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "run-local: building (mvn package -DskipTests)..." >&2
    mvn_quiet -DskipTests package
  fi
  if [[ ! -f "$CLASSPATH_FILE" || "$REPO/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
    echo "run-local: resolving the runtime classpath..." >&2
    mvn_quiet dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$CLASSPATH_FILE"
  fi
}

for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      build_if_needed
      echo
      exec java -cp "$(project_jar):$(cat "$CLASSPATH_FILE")" "$MAIN" \
        --help=org.contested.pipeline.ContestedOptions
      ;;
  esac
done

# Names of the flags given on the command line, so file defaults do not repeat them.
declare -A GIVEN=()
for arg in "$@"; do
  case "$arg" in --*) GIVEN["${arg%%=*}"]=1 ;; esac
done

ARGS=()
if [[ -f "$OPTIONS_FILE" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [[ -z "$line" || "$line" == \#* ]] && continue
    [[ -n "${GIVEN[${line%%=*}]:-}" ]] || ARGS+=("$line")
  done <"$OPTIONS_FILE"
fi
if [[ -z "${GIVEN[--input]:-}" ]]; then
  echo "run-local: no --input, reading the sample corpus" >&2
  ARGS+=("--input=$REPO/pipelines/sample/articles.jsonl")
fi
if [[ -z "${GIVEN[--output]:-}" ]]; then
  ARGS+=("--output=$REPO/out")
fi

build_if_needed
CP="$(project_jar):$(cat "$CLASSPATH_FILE")"
# Beam logs every file it writes at INFO; warnings and the run summary are what matter here.
LOG_OPTS=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -Dorg.slf4j.simpleLogger.log.org.apache.beam.sdk.io.FileBasedSink=error)
# Heap: the DirectRunner holds whole bundles in memory, and a 1 GB heap keeps it under 1.5 GB of
# RSS at 20k articles (docs/benchmark.md); other runners (embedded Flink) get 2 GB.
RUNNER=DirectRunner
for arg in "${ARGS[@]}" "$@"; do
  case "$arg" in --runner=*) RUNNER="${arg#*=}" ;; esac
done
HEAP=-Xmx2g
[[ "$RUNNER" == DirectRunner ]] && HEAP=-Xmx1g
# The collector, the JIT flags and the class archive: scripts/jvm.sh. The archive is written at
# the end of the first run after a build, under a temporary name renamed on success, so a failed
# or concurrent run never leaves a partial one. JAVA_OPTS comes later on the command line, so its
# flags win.
# shellcheck source=scripts/jvm.sh
source "$REPO/scripts/jvm.sh"
# A JVM refuses two collectors, so one chosen in JAVA_OPTS replaces ours.
GC_OPTS=("${CONTESTED_GC_OPTS[@]}")
[[ "${JAVA_OPTS:-}" == *-XX:+Use*GC* ]] && GC_OPTS=()
CDS_ARCHIVE="$REPO/target/$(contested_cds_archive_name "$RUNNER")"
CDS_TMP=""
if [[ -f "$CDS_ARCHIVE" && "$CDS_ARCHIVE" -nt "$(project_jar)" && "$CDS_ARCHIVE" -nt "$CLASSPATH_FILE" ]]; then
  CDS_OPTS=(-XX:SharedArchiveFile="$CDS_ARCHIVE")
else
  CDS_TMP="$CDS_ARCHIVE.$$.tmp"
  CDS_OPTS=(-XX:ArchiveClassesAtExit="$CDS_TMP")
fi
# Out of memory, the DirectRunner would hang with its worker gone; exit instead (code 3).
# shellcheck disable=SC2086
java "${LOG_OPTS[@]}" -Xlog:cds*=off "${CDS_OPTS[@]}" ${GC_OPTS[@]+"${GC_OPTS[@]}"} "${CONTESTED_JIT_OPTS[@]}" -XX:+ExitOnOutOfMemoryError \
  ${JAVA_OPTS:-$HEAP} -cp "$CP" "$MAIN" "${ARGS[@]}" "$@" \
  && rc=0 || rc=$?
if [[ -n "$CDS_TMP" ]]; then
  if ((rc == 0)) && [[ -s "$CDS_TMP" ]]; then
    mv -f "$CDS_TMP" "$CDS_ARCHIVE"
  else
    rm -f "$CDS_TMP"
  fi
fi
if ((rc == 3)); then
  echo "run-local: the JVM ran out of memory (${JAVA_OPTS:-$HEAP}). The DirectRunner holds" \
    "whole bundles in memory: give it more (JAVA_OPTS=-Xmx4g) or use the FlinkRunner (README, Scale)." >&2
fi
exit "$rc"
