# JVM settings shared by scripts/run-local.sh and scripts/bench.sh (sourced, not run).
#
# For every runner, and every benchmark row: the parallel collector. A batch run wants throughput,
# not short pauses, and on two cores G1's concurrent work and costlier write barriers take CPU
# from the workers: a 20k-article run takes about 11% less time on the DirectRunner and 8% less
# on the FlinkRunner (docs/benchmark.md, "JVM settings").
# shellcheck disable=SC2034
CONTESTED_GC_OPTS=(-XX:+UseParallelGC)

# JIT flags for the DirectRunner, which is for short runs (up to a few tens of thousands of
# articles). On two cores the C2 compiler takes CPU from the two workers for most of such a run;
# less inlining and no recompiling after uncommon traps cut its work, so a 20k-article run takes
# about a quarter less time, at the price of about a quarter of the warm rate, which long runs
# pay (docs/benchmark.md, "JVM settings"). Other runners keep the JVM's defaults.
# shellcheck disable=SC2034
CONTESTED_DIRECT_JIT_OPTS=(-XX:PerMethodTrapLimit=0 -XX:FreqInlineSize=50 -XX:InlineSmallCode=500)

# Class data sharing, for every runner: the classes a run loads are archived at the end of the
# first run after a build (scripts/run-local.sh) and mapped by later JVMs on the same class path,
# which start about 1.5 s sooner. A stale or foreign archive is ignored without a word
# (-Xlog:cds*=off).
# shellcheck disable=SC2034
CONTESTED_CDS_ARCHIVE_NAME=contested-classes.jsa
