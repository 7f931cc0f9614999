#!/usr/bin/env bash
# Runs a command and prints the CPU seconds (user + system) that each kind of thread of the JVM
# it starts used: worker threads, the JIT compilers, the garbage collector, the main thread.
#
#   scripts/thread-cpu.sh COMMAND [ARGS...]
#   e.g. scripts/thread-cpu.sh scripts/run-local.sh --input=target/bench/corpus-20000.jsonl
#
# The command's own output goes to stderr. Threads are read from /proc (Linux) every 0.1 s, so
# the last tenth of a second of each thread may be missing; threads named alike ("GC Thread#0",
# "GC Thread#1") are added up. COMMAND itself, when it is java, or else the first java process
# started under it is the one measured.
set -euo pipefail

if (($# == 0)) || [[ "$1" == -h || "$1" == --help ]]; then
  sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit $(($# == 0 ? 2 : 0))
fi
if [[ ! -d /proc/self/task ]]; then
  echo "thread-cpu: needs Linux /proc" >&2
  exit 2
fi
TICKS="$(getconf CLK_TCK)"

"$@" >&2 &
top=$!

# The first java process that is $1 or runs under it (read from /proc, no procps needed).
find_java() {
  local top="$1" stat line pid p fields
  for stat in /proc/[0-9]*/stat; do
    line="$(cat "$stat" 2>/dev/null)" || continue
    [[ "$line" == *" (java) "* ]] || continue
    pid="${line%% *}"
    p="$pid"
    # Up the parents (the 2nd field after the name is the parent's pid) to $top or to init.
    while [[ -n "$p" && "$p" -gt 1 ]]; do
      if [[ "$p" == "$top" ]]; then
        echo "$pid"
        return 0
      fi
      line="$(cat "/proc/$p/stat" 2>/dev/null)" || break
      read -r -a fields <<<"${line##*) }"
      p="${fields[1]}"
    done
  done
  return 1
}

declare -A ticks=() names=()
java_pid=""
while kill -0 "$top" 2>/dev/null; do
  [[ -n "$java_pid" ]] || java_pid="$(find_java "$top" || true)"
  if [[ -n "$java_pid" ]]; then
    # One awk for all threads keeps a poll cheap. A stat line is "tid (name) state ...", the
    # name may hold spaces, and utime and stime are the 12th and 13th fields after it.
    while IFS=$'\t' read -r id used name; do
      ticks[$id]="$used"
      names[$id]="$name"
    done < <(awk '{
        lp = index($0, "("); rp = length($0) - index(reverse($0), ")") + 1
        name = substr($0, lp + 1, rp - lp - 1)
        split(substr($0, rp + 2), f, " ")
        print $1 "\t" (f[12] + f[13]) "\t" name
      }
      function reverse(s,  r, i) { r = ""; for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r }' \
      /proc/"$java_pid"/task/*/stat 2>/dev/null || true)
  fi
  sleep 0.1
done
rc=0
wait "$top" || rc=$?
if [[ -z "$java_pid" ]]; then
  echo "thread-cpu: the command started no java process" >&2
  exit 1
fi

# Linux keeps 15 characters of a thread's name; the usual ones get a readable label.
label() {
  case "$1" in
    java) echo "main thread" ;;
    "C2 CompilerThre"*) echo "JIT compiler C2" ;;
    "C1 CompilerThre"*) echo "JIT compiler C1" ;;
    "GC Thread"*) echo "garbage collector" ;;
    direct-runner-w*) echo "DirectRunner workers" ;;
    contested-prelo*) echo "contested-preload" ;;
    *) sed -E 's/[#-]?[0-9]+$//' <<<"$1" ;;
  esac
}

declare -A by_kind=()
for id in "${!ticks[@]}"; do
  # Numbered threads of one kind ("GC Thread#0", "GC Thread#1") are added up.
  kind="$(label "${names[$id]}")"
  by_kind[$kind]=$((${by_kind[$kind]:-0} + ticks[$id]))
done
total=0
for kind in "${!by_kind[@]}"; do
  total=$((total + by_kind[$kind]))
done
{
  for kind in "${!by_kind[@]}"; do
    if ((by_kind[$kind] > 0)); then
      awk -v t="${by_kind[$kind]}" -v hz="$TICKS" -v k="$kind" 'BEGIN { printf "%8.2f  %s\n", t / hz, k }'
    fi
  done
} | sort -rn
awk -v t="$total" -v hz="$TICKS" 'BEGIN { printf "%8.2f  (all threads, CPU seconds)\n", t / hz }'
exit "$rc"
