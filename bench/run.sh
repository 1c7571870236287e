#!/usr/bin/env bash
# paperboy benchmark: generates synthetic archives and times full, no-op and one-new-day builds.
#
#   bench/run.sh                 # all sizes: sample 365 3650 (3,650 days takes a few minutes)
#   bench/run.sh sample 365      # some sizes
#   REPEAT=5 BENCH_DIR=/tmp/pb bench/run.sh 365   # more runs; on disk instead of /dev/shm
#
# Prints a Markdown table: median wall time of REPEAT runs (JVM start included), CPU time and peak RSS of that
# run, files in the site, pages rendered, site size, pages rendered per second of wall time, and the phase
# times paperboy itself reports (build --verbose). Full builds start from an empty output folder.
# A benchmark, not a test: it asserts nothing. Needs GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(sample 365 3650)
REPEAT=${REPEAT:-3}
DIR=${BENCH_DIR:-/dev/shm/paperboy-bench}
JAR=target/paperboy.jar
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -f "$JAR" ] && [ -d target/test-classes/paperboy/bench ] || mvn -B -q package -DskipTests
mkdir -p "$DIR"

gen() { # gen DAYS OUT
  [ -d "$2" ] && [ "$(ls "$2" | wc -l)" -eq "$1" ] && return
  rm -rf "$2"
  java -cp "target/test-classes:$JAR" paperboy.bench.CorpusGenerator --days "$1" --per-day 50 --out "$2" >/dev/null
}

# run LABEL XMX CONTENT OUT [build options...]: REPEAT runs, one table row from the median one.
# PREPARE, if set, is run before each timed run (untimed).
run() {
  local label=$1 xmx=$2 content=$3 out=$4; shift 4
  local rows=()
  for ((i = 0; i < REPEAT; i++)); do
    [ -n "${PREPARE:-}" ] && eval "$PREPARE"
    local log; log=$(mktemp)
    /usr/bin/time -f 'TIME %e %M %U %S' java $xmx -jar "$JAR" build --content "$content" --out "$out" \
      --verbose "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    local mb; mb=$(du -sb "$out" | awk '{printf "%.1f", $1 / 1e6}')
    rows+=("$(awk -v mb="$mb" '
      /^TIME/ { wall = $2; rss = $3 / 1024; cpu = $4 + $5 }
      /^Built/ { match($0, /; [0-9]+ files \([0-9]+ written/); split(substr($0, RSTART + 2, RLENGTH), a, " ");
                 files = a[1]; written = a[3]; sub(/\(/, "", written) }
      /^pages:/ { rendered = $2 }
      /^nothing changed/ { rendered = 0 }
      /^phases:/ { sub(/^phases: /, ""); gsub(/ ms/, ""); phases = $0 }
      END { printf "%s|%.0f|%.1f|%s|%s|%s|%s|%s\n", wall, rss, cpu, files, written, mb, rendered, phases }' "$log")")
    rm -f "$log"
  done
  local mid; mid=$(printf '%s\n' "${rows[@]}" | sort -t'|' -k1,1g | sed -n "$(( (REPEAT + 1) / 2 ))p")
  IFS='|' read -r wall rss cpu files written mb rendered phases <<<"$mid"
  local pps; pps=$(awk -v f="$rendered" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? f / w : 0) }')
  printf '| %s | %s s | %s s | %s MB | %s | %s | %s MB | %s | %s |\n' \
    "$label" "$wall" "$cpu" "$rss" "$files" "$rendered" "$mb" "$pps" "$phases"
}

java -jar "$JAR" build --out "$DIR/site-warm" --no-cache >/dev/null # makes the class-data archive if missing, untimed
echo "paperboy benchmark via java -jar, $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), REPEAT=$REPEAT, $DIR"
echo
echo '| corpus | wall (median) | CPU user+sys | peak RSS | files | pages rendered | site size | pages/s | phases (ms) |'
echo '|---|---|---|---|---|---|---|---|---|'
for size in "${SIZES[@]}"; do
  case $size in
    sample)
      PREPARE="rm -rf '$DIR/site-sample'" run "sample content (5 days)" "" content "$DIR/site-sample" --no-cache ;;
    365)
      gen 365 "$DIR/c365"; gen 366 "$DIR/c366"
      PREPARE="rm -rf '$DIR/site-365'" run "365 × 50, full" -Xmx1g "$DIR/c365" "$DIR/site-365" --no-cache
      # Incremental: a cached build of 365 days, then time a no-op and one more day.
      rm -rf "$DIR/inc" && mkdir -p "$DIR/inc" && cp "$DIR"/c365/* "$DIR/inc/"
      java -Xmx1g -jar "$JAR" build --content "$DIR/inc" --out "$DIR/site-inc" >/dev/null
      run "365 × 50, no-op rebuild" -Xmx1g "$DIR/inc" "$DIR/site-inc"
      last=$(ls "$DIR/c366" | tail -1)
      PREPARE="rm -f '$DIR/inc/$last'; java -Xmx1g -jar $JAR build --content '$DIR/inc' --out '$DIR/site-inc' >/dev/null; cp '$DIR/c366/$last' '$DIR/inc/'" \
        run "365 × 50, one new day" -Xmx1g "$DIR/inc" "$DIR/site-inc"
      PREPARE="rm -f '$DIR/inc/$last'; java -Xmx1g -jar $JAR build --content '$DIR/inc' --out '$DIR/site-inc' >/dev/null; cp '$DIR/c366/$last' '$DIR/inc/'" \
        run "365 × 50, one new day (swap)" -Xmx1g "$DIR/inc" "$DIR/site-inc" --swap
      ;;
    3650)
      gen 3650 "$DIR/c3650"
      PREPARE="rm -rf '$DIR/site-3650'" run "3,650 × 50, full" -Xmx2g "$DIR/c3650" "$DIR/site-3650" --no-cache ;;
    *) echo "unknown size $size (sample, 365, 3650)" >&2; exit 2 ;;
  esac
done
