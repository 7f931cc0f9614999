# JVM flags shared by scripts/run-local.sh and scripts/bench.sh (sourced, not run).
#
# The JIT: on two cores the C2 compiler takes CPU from the two workers for most of a short run.
# Less inlining and no recompiling after uncommon traps cut its work: a 20k-article DirectRunner
# run takes about a quarter less time, a 200k one the same, and the warm extraction core runs
# about a fifth slower (docs/benchmark.md, "JVM settings").
# shellcheck disable=SC2034
CONTESTED_JIT_OPTS=(-XX:PerMethodTrapLimit=0 -XX:FreqInlineSize=50 -XX:InlineSmallCode=500)

# Class data sharing: the classes a run loads are archived at the end of the first run after a
# build (scripts/run-local.sh) and mapped by later JVMs on the same class path, which start about
# 1.5 s sooner. A stale or foreign archive is ignored without a word (-Xlog:cds*=off).
# shellcheck disable=SC2034
CONTESTED_CDS_ARCHIVE_NAME=contested-classes.jsa
