#!/usr/bin/env bash
# Measures what a run costs: the extraction core alone, the whole pipeline on the DirectRunner
# and on the FlinkRunner (embedded), on a synthetic corpus of ~3 KB news-like articles.
#
#   scripts/bench.sh [--articles=2000,20000,200000] [--rows=core,core2,core2cold,direct,flink]
#                    [--source=DIR_OR_JSONL] [--repeat=3] [--workdir=DIR]
#
# The corpus is built from real sentences of ../shared/corpora when present, else of the sample
# corpus (org.contested.bench.CorpusBuilder; docs/benchmark.md says how), once for the largest
# size; smaller sizes are its first N lines. Each row runs in its own JVM under /usr/bin/time for
# the peak RSS; the table gives the command line of every row. articles/s of a pipeline row is N
# over the wall time of the whole process (JVM start, gazetteer load and writing included), and so
# is that of core2cold, the core run once in a fresh JVM with run-local.sh's JVM settings;
# core and core2 time a warm loop (scripts/jvm.sh says which JVM settings each row gets).
# --repeat is the number of timed passes of that loop and of runs of every whole-process row,
# whose median run the table shows (all runs are listed under it). Then the DirectRunner and
# FlinkRunner tables of each size are compared byte for byte after sorting.
# Work files go to target/bench (or --workdir); nothing is written elsewhere.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="2000,20000,200000"
rows="core,core2,core2cold,direct,flink"
source_path=""
repeat=3
workdir="$REPO/target/bench"

for arg in "$@"; do
  case "$arg" in
    --articles=*) sizes="${arg#*=}" ;;
    --rows=*) rows="${arg#*=}" ;;
    --source=*) source_path="${arg#*=}" ;;
    --repeat=*) repeat="${arg#*=}" ;;
    --workdir=*) workdir="${arg#*=}" ;;
    -h | --help) sed -n '2,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "bench.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "bench.sh: needs /usr/bin/time (Debian package 'time') for peak RSS" >&2; exit 2; }
if [[ -z "$source_path" ]]; then
  if [[ -d "$REPO/../shared/corpora" ]]; then
    source_path="$REPO/../shared/corpora"
  else
    source_path="$REPO/pipelines/sample/articles.jsonl"
  fi
fi
mkdir -p "$workdir"

build() {
  local log="$workdir/build.log"
  local args=(-B -q -f "$REPO/pom.xml" -DskipTests package dependency:build-classpath
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$REPO/target/classpath.txt")
  if ! mvn -o "${args[@]}" >"$log" 2>&1 && ! mvn "${args[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench.sh: build failed" >&2
    exit 1
  fi
}

echo "bench.sh: building..." >&2
build
JAR="$(ls "$REPO"/target/contested-*.jar | grep -v -e -sources -e -tests | head -1)"
CP="$JAR:$(cat "$REPO/target/classpath.txt")"
# Every JVM gets the settings of scripts/run-local.sh for all runners (scripts/jvm.sh): the
# parallel collector and the class archive of its runner (the core rows map the DirectRunner's),
# which a run over the sample corpus creates (or refreshes) first. The cold core row also gets
# run-local.sh's JIT flags, as the runs it is compared with; the warm core rows keep the JVM's
# default JIT settings (the best steady state).
# shellcheck source=scripts/jvm.sh
source "$REPO/scripts/jvm.sh"
echo "bench.sh: a run over the sample corpus for the class archive..." >&2
"$REPO/scripts/run-local.sh" --output="$workdir/out-sample" >"$workdir/sample.log" 2>&1 \
  || { cat "$workdir/sample.log" >&2; echo "bench.sh: the sample run failed" >&2; exit 1; }
FLINK_ARGS=(--runner=FlinkRunner --flinkMaster='[local]' --parallelism=2)
if [[ ",$rows," == *,flink,* ]]; then
  echo "bench.sh: a FlinkRunner run over the sample corpus for its class archive..." >&2
  "$REPO/scripts/run-local.sh" "${FLINK_ARGS[@]}" --output="$workdir/out-sample-flink" \
    >"$workdir/sample-flink.log" 2>&1 \
    || { cat "$workdir/sample-flink.log" >&2; echo "bench.sh: the FlinkRunner sample run failed" >&2; exit 1; }
fi
JVM=(-Xlog:cds*=off -XX:SharedArchiveFile="$REPO/target/$CONTESTED_CDS_ARCHIVE_NAME" "${CONTESTED_GC_OPTS[@]}")
QUIET=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -Dorg.slf4j.simpleLogger.log.org.apache.beam.sdk.io.FileBasedSink=error
  -Dorg.slf4j.simpleLogger.log.org.apache.flink=error)

IFS=',' read -r -a SIZES <<<"$sizes"
max=0
for n in "${SIZES[@]}"; do ((n > max)) && max=$n; done
corpus="$workdir/corpus-$max.jsonl"
if [[ ! -s "$corpus" ]]; then
  echo "bench.sh: building a corpus of $max articles from $source_path..." >&2
  java "${QUIET[@]}" -cp "$CP" org.contested.bench.CorpusBuilder --articles="$max" --source="$source_path" \
    --out="$corpus.tmp" >&2
  mv "$corpus.tmp" "$corpus"
fi

# shown ARG: an argument as the table shows it: paths relative to the repository, the classpath
# as $CP.
shown() {
  local a="${1//"$CP"/\$CP}"
  echo "${a//"$REPO"\//}"
}

TABLE=() RUNS=()
declare -A SECONDS_OF=() RATE_OF=()
# measure NAME N CMD...: runs CMD under /usr/bin/time, records wall seconds and peak RSS. A
# whole-process row (pipelines, cold core) runs $repeat times: its seconds are the median run's,
# its RSS the largest; a warm core row runs once, its loop repeating inside.
measure() {
  local name="$1" n="$2"
  shift 2
  local timing="$workdir/$name-$n.time" log="$workdir/$name-$n.log"
  local runs=1 i w r walls=() wall rss_kb=0 rate
  [[ "$name" == core* && "$name" != *-cold ]] || runs="$repeat"
  for ((i = 1; i <= runs; i++)); do
    echo "bench.sh: $name, $n articles, run $i of $runs..." >&2
    if ! /usr/bin/time -f '%e %M' -o "$timing" "$@" >"$log" 2>&1; then
      echo "bench.sh: $name failed at $n articles (log: $log)" >&2
      tail -5 "$log" >&2
      TABLE+=("| $n | $name | failed | | | \`$(shown "$log")\` |")
      return 0
    fi
    read -r w r <"$timing"
    walls+=("$w")
    ((r > rss_kb)) && rss_kb="$r"
  done
  wall="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  ((runs > 1)) && RUNS+=("$name-$n: ${walls[*]}")
  if [[ "$name" == core* && "$name" != *-cold ]]; then
    rate="$(sed -n 's/.*articles_per_s=\([0-9]*\).*/\1/p' "$log" | tail -1)"
  else
    rate="$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')"
  fi
  SECONDS_OF["$name-$n"]="$wall"
  RATE_OF["$name-$n"]="$rate"
  local cmd=() q=""
  for a in "$@"; do
    case "$a" in
      -Dorg.slf4j.*) [[ -z "$q" ]] && q=1 && cmd+=('$Q') ;;
      *) cmd+=("$(shown "$a")") ;;
    esac
  done
  TABLE+=("| $n | $name | $wall | $rate | $((rss_kb / 1024)) | \`${cmd[*]}\` |")
}

for n in "${SIZES[@]}"; do
  input="$workdir/corpus-$n.jsonl"
  [[ "$n" == "$max" ]] || head -n "$n" "$corpus" >"$input"
  for row in ${rows//,/ }; do
    case "$row" in
      core) measure core-1-thread "$n" java -Xmx3g "${JVM[@]}" "${QUIET[@]}" -cp "$CP" org.contested.bench.CoreBenchmark \
        --input="$input" --threads=1 --warmup-seconds=15 --repeat="$repeat" ;;
      core2) measure core-2-threads "$n" java -Xmx3g "${JVM[@]}" "${QUIET[@]}" -cp "$CP" org.contested.bench.CoreBenchmark \
        --input="$input" --threads=2 --warmup-seconds=15 --repeat="$repeat" ;;
      # The same extraction as a plain Java program run once: a fresh JVM reads the corpus, loads
      # the gazetteer and models and extracts every article once on two threads, cold. Its
      # articles/s is N over the wall time of the whole process, like the pipeline rows.
      core2cold) measure core-2-threads-cold "$n" java -Xmx3g "${JVM[@]}" "${CONTESTED_JIT_OPTS[@]}" "${QUIET[@]}" -cp "$CP" \
        org.contested.bench.CoreBenchmark --input="$input" --threads=2 --warmup=0 --repeat=1 ;;
      direct) rm -rf "$workdir/out-direct-$n"
        # run-local.sh gives the DirectRunner a 1 GB heap, enough up to ~30k articles; it holds
        # whole bundles in memory, so larger runs get ~30 KB of heap per article.
        heap=$((n * 30 / 1024)); ((heap < 1024)) && heap=1024
        measure direct "$n" env JAVA_OPTS="-Xmx${heap}m" "$REPO/scripts/run-local.sh" --input="$input" \
          --output="$workdir/out-direct-$n" ;;
      flink) rm -rf "$workdir/out-flink-$n"
        measure flink "$n" "$REPO/scripts/run-local.sh" "${FLINK_ARGS[@]}" \
          --input="$input" --output="$workdir/out-flink-$n" ;;
      *) echo "bench.sh: unknown row $row" >&2; exit 2 ;;
    esac
  done
done

echo
echo "contested benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the end:$(uptime | sed 's/.*load average://')"
echo "corpus: $(shown "$corpus") ($(du -h "$corpus" | cut -f1)), sentences from $source_path"
echo "commands run from the repository; \$CP = $(shown "$JAR"):\$(cat target/classpath.txt); \$Q = the slf4j log-level flags"
echo
echo "| articles | row | seconds | articles/s | peak RSS MB | command |"
echo "|---:|---|---:|---:|---:|---|"
printf '%s\n' "${TABLE[@]}"
if ((${#RUNS[@]} > 0)); then
  echo
  echo "whole-process rows: the median of $repeat runs; the seconds of every run:"
  printf '  %s\n' "${RUNS[@]}"
fi
echo
# Cost per article. Pipeline rows: the marginal cost between consecutive sizes, where the fixed
# start-up (JVM, gazetteer, graph, JIT warm-up of the first articles) cancels out; equal figures
# mean time grows linearly with N. Core rows: the timed loop's cost at each size.
mapfile -t ASC < <(printf '%s\n' "${SIZES[@]}" | sort -n)
for name in core-1-thread core-2-threads core-2-threads-cold direct flink; do
  costs=() prev=""
  for n in "${ASC[@]}"; do
    if [[ "$name" == core* && "$name" != *-cold ]]; then
      rate="${RATE_OF[$name-$n]:-}"
      [[ -n "$rate" && "$rate" != 0 ]] && costs+=("$n $(awk -v r="$rate" 'BEGIN { printf "%.3f", 1000 / r }')")
    else
      b="${SECONDS_OF[$name-$n]:-}"
      if [[ -n "$prev" && -n "$b" ]]; then
        costs+=("$prev-$n $(awk -v a="${SECONDS_OF[$name-$prev]}" -v b="$b" -v lo="$prev" -v hi="$n" \
          'BEGIN { printf "%.3f", 1000 * (b - a) / (hi - lo) }')")
      fi
      [[ -n "$b" ]] && prev="$n"
    fi
  done
  ((${#costs[@]} > 0)) || continue
  printf '%s ms per article:' "$name"
  printf ' %s at %s;' $(for c in "${costs[@]}"; do echo "${c#* } ${c%% *}"; done)
  if ((${#costs[@]} > 1)); then
    printf '%s\n' "${costs[@]}" | awk '{ v[NR] = $2 } END { lo = v[1]; hi = v[1]
      for (i = 2; i <= NR; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
      printf " largest/smallest %.2f\n", hi / lo }'
  else
    echo
  fi
done
# The DirectRunner against the core on two threads, warm (the timed loop) and cold (a whole
# process, like the DirectRunner row).
for core in core-2-threads core-2-threads-cold; do
  line=""
  for n in "${ASC[@]}"; do
    d="${RATE_OF[direct-$n]:-}" c="${RATE_OF[$core-$n]:-}"
    [[ -n "$d" && -n "$c" && "$c" != 0 ]] || continue
    line+="$(awk -v d="$d" -v c="$c" -v n="$n" 'BEGIN { printf " %.2f at %s;", d / c, n }')"
  done
  [[ -n "$line" ]] && echo "direct articles/s over $core articles/s:$line"
done
# Same input, same tables: the DirectRunner and the FlinkRunner must agree byte for byte.
for n in "${SIZES[@]}"; do
  d="$workdir/out-direct-$n" f="$workdir/out-flink-$n"
  [[ -n "${SECONDS_OF[direct-$n]:-}" && -n "${SECONDS_OF[flink-$n]:-}" ]] || continue
  same=yes
  for t in claims location_status divergence dead_letter; do
    if ! cmp -s <(cat "$d/$t"/* 2>/dev/null | LC_ALL=C sort) <(cat "$f/$t"/* 2>/dev/null | LC_ALL=C sort); then
      same="no ($t differs)"
    fi
  done
  echo "$n articles: DirectRunner and FlinkRunner tables identical after sorting: $same"
done
