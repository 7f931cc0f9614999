# JVM settings shared by scripts/run-local.sh and scripts/bench.sh (sourced, not run).
#
# For every runner, and every benchmark row: the parallel collector. A batch run wants throughput,
# not short pauses, and on two cores G1's concurrent work and costlier write barriers take CPU
# from the workers: a 20k-article run takes about 11% less time on the DirectRunner and 8% less
# on the FlinkRunner (docs/benchmark.md, "JVM settings").
# shellcheck disable=SC2034
CONTESTED_GC_OPTS=(-XX:+UseParallelGC)

# JIT flags for every runner (for a cluster or Dataflow they reach only the JVM that submits). On
# two cores the C2 compiler takes CPU from the two workers for most of a run of tens of thousands
# of articles; less inlining and no recompiling after uncommon traps cut its work. A 20k-article
# run takes about a quarter less time on the DirectRunner and about a third less on the embedded
# FlinkRunner; at 200k articles, where the lost fifth of the warm rate weighs most, the two come
# out even (docs/benchmark.md, "JVM settings").
# shellcheck disable=SC2034
CONTESTED_JIT_OPTS=(-XX:PerMethodTrapLimit=0 -XX:FreqInlineSize=50 -XX:InlineSmallCode=500)

# Class data sharing, for every runner: the classes a run loads are archived at the end of the
# first run after a build (scripts/run-local.sh) and mapped by later JVMs on the same class path,
# which start about 1.5 s sooner. Each runner has its own archive, since each loads other classes
# (one made by a FlinkRunner run slows the DirectRunner down). A stale or foreign archive is
# ignored without a word (-Xlog:cds*=off).
# shellcheck disable=SC2034
CONTESTED_CDS_ARCHIVE_NAME=contested-classes.jsa

# The archive's file name for a runner: CONTESTED_CDS_ARCHIVE_NAME for the DirectRunner (the
# benchmark's core rows map it too), contested-classes-<runner>.jsa for the others.
contested_cds_archive_name() {
  if [[ "$1" == DirectRunner ]]; then
    echo "$CONTESTED_CDS_ARCHIVE_NAME"
  else
    echo "contested-classes-$(tr '[:upper:]' '[:lower:]' <<<"$1" | tr -c 'a-z0-9\n' '_').jsa"
  fi
}
