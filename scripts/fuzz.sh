#!/usr/bin/env bash
# Fuzzes each Jazzer target in turn for SECONDS (default 60): the CI smoke campaign, or a long run
# with a larger value (e.g. scripts/fuzz.sh 3600). Findings are written as crash-* files under
# src/test/resources/org/contested/fuzz/<Class>Inputs/<method>/ and fail the run; committed, they
# are replayed by every `mvn test` as regression tests. The growing corpus stays in .cifuzz-corpus/.
# Usage: scripts/fuzz.sh [SECONDS] [Class#method ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    ReadersFuzzTest#jsonLines
    ReadersFuzzTest#jsonArray
    ReadersFuzzTest#delimited
    ReadersFuzzTest#textFile
    ReadersFuzzTest#cleanerAndDates
    ExtractionFuzzTest#extract
  )
fi
offline=""
if [ -n "${FUZZ_OFFLINE:-}" ]; then offline="-o"; fi
mvn -B -ntp -q $offline test-compile
status=0
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${seconds}s"
  # jazzer.internal.arg.N are libFuzzer arguments (N=0 is a program name); a later
  # -max_total_time wins over the @FuzzTest maxDuration.
  if ! JAZZER_FUZZ=1 mvn -B -ntp $offline surefire:test -Dtest="$t" \
      -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
      > "target/fuzz-${t//#/-}.log" 2>&1; then
    echo "   FINDING or failure: see target/fuzz-${t//#/-}.log"
    status=1
  fi
  grep -E "^Done [0-9]+ runs|^#[0-9]+\s+DONE" "target/fuzz-${t//#/-}.log" | sed 's/^/   /' || true
done
exit $status
