#!/usr/bin/env bash
# Profiles one paperboy build with async-profiler (from Maven Central) and says where the CPU time went.
#
#   bench/profile.sh sample            # the sample content
#   bench/profile.sh 365 [cpu|wall]    # the 365 × 50 corpus of bench/run.sh (generated if missing)
#   bench/profile.sh 3650
#
# Writes target/profile-SIZE.html (a flame graph to open in a browser) and target/profile-SIZE.txt (collapsed
# stacks), and prints the share of CPU by thread kind and by the stage of paperboy the samples were in.
# Linux x64 or arm64 only (async-profiler's native agent). A profile, not a benchmark: the agent costs a little.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-sample}
EVENT=${2:-cpu}
DIR=${BENCH_DIR:-/dev/shm/paperboy-bench}
JAR=target/paperboy.jar
AP_VERSION=4.1
[ -f "$JAR" ] && [ -d target/test-classes/paperboy/bench ] || mvn -B -q package -DskipTests
mkdir -p "$DIR" target/async-profiler
arch=linux-x64; [ "$(uname -m)" = aarch64 ] && arch=linux-arm64
lib=target/async-profiler/$arch/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$AP_VERSION -DoutputDirectory=target/async-profiler
  (cd target/async-profiler && unzip -q -o async-profiler-$AP_VERSION.jar "$arch/*")
fi

case $SIZE in
  sample) content=content; xmx= ;;
  365|3650)
    content=$DIR/c$SIZE; xmx=-Xmx1g; [ "$SIZE" = 3650 ] && xmx=-Xmx2g
    [ -d "$content" ] && [ "$(ls "$content" | wc -l)" -eq "$SIZE" ] ||
      { rm -rf "$content"; java -cp "target/test-classes:$JAR" paperboy.bench.CorpusGenerator --days "$SIZE" --per-day 50 --out "$content" >/dev/null; } ;;
  *) echo "usage: bench/profile.sh sample|365|3650 [cpu|wall]" >&2; exit 2 ;;
esac

out=$DIR/site-profile-$SIZE
rm -rf "$out"
agent="-agentpath:$PWD/$lib=start,event=$EVENT,interval=1ms,threads"
java $xmx "$agent,file=$PWD/target/profile-$SIZE.txt,collapsed" -jar "$JAR" build --content "$content" --out "$out" --no-cache --verbose
rm -rf "$out"
java $xmx "$agent,file=$PWD/target/profile-$SIZE.html" -jar "$JAR" build --content "$content" --out "$out" --no-cache >/dev/null
echo
echo "flame graph: target/profile-$SIZE.html; collapsed stacks: target/profile-$SIZE.txt"
python3 - "target/profile-$SIZE.txt" <<'EOF'
import collections, sys
threads, stages, total = collections.Counter(), collections.Counter(), 0
STAGES = ["parse", "assemble", "themes", "render", "write", "incremental", "editorial", "config", "cli", "warmup", "text"]
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    n = int(n); total += n
    frames = stack.split(";")
    t = frames[0]
    kind = ("JIT compiler" if "Compiler" in t else "GC" if "GC" in t or "G1" in t
            else "render workers" if "ForkJoinPool" in t else "warm-up" if "warmup" in t or "jit" in t
            else "main" if t.startswith("[main") else "other JVM threads")
    threads[kind] += n
    # the innermost paperboy frame names the stage: a renderer called from the build loop counts as render
    stage = "JVM (JIT, GC, start-up)" if not any(f.startswith("paperboy/") for f in frames) else "other paperboy"
    for f in reversed(frames):
        part = f.split("/")[1] if f.startswith("paperboy/") else None
        if part in STAGES:
            stage = part
            break
    loading = any("ClassLoader" in f or "SystemDictionary" in f or "Verifier" in f or "ClassFileParser" in f for f in frames)
    stages[stage + (" (class loading)" if loading else "")] += n
print(f"{total} samples of 1 ms")
for title, c in (("by thread", threads), ("by stage", stages)):
    print(f"\n{title}:")
    for k, v in c.most_common(14):
        print(f"  {100 * v / total:5.1f} %  {k}")
EOF
