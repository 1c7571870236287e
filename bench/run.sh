#!/usr/bin/env bash
# paperboy benchmark: generates synthetic archives and times full, no-op and one-new-day builds.
#
#   bench/run.sh                 # all sizes: sample 365 3650 (3,650 days takes a few minutes)
#   bench/run.sh sample 365      # some sizes
#   REPEAT=5 BENCH_DIR=/tmp/pb bench/run.sh 365   # more runs; on disk instead of /dev/shm
#
# For each size: full build, no-op rebuild and one new day (365 and 3,650 days). Prints a Markdown table: median
# wall time of REPEAT runs (JVM start included), CPU time and peak RSS of that run, files in the site, pages
# rendered, site size, pages rendered per second of wall time, the files and bytes the build rewrote (new,
# changed or removed files, from a snapshot of inode, size and mtime of every file before the run) and the phase
# times paperboy itself reports (build --verbose). Full builds start from an empty output folder.
# With hugo installed (HUGO=/usr/bin/hugo by default; HUGO= to skip) the 365-day size also times Hugo on an
# equivalent site (one page per paper and per day, from the same corpus; bench/HugoSite.java writes it).
# Short runs (the sample, no-op and one-day rows) go through bin/paperboy, one JVM with the AOT cache; the full
# builds of 365 and 3,650 days through `java -jar`, which gives a long from-scratch build the optimising JIT
# (LAUNCH=jar runs every row so). A benchmark, not a test: it asserts nothing. Needs GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(sample 365 3650)
REPEAT=${REPEAT:-3}
DIR=${BENCH_DIR:-/dev/shm/paperboy-bench}
JAR=target/paperboy.jar
HUGO=${HUGO-/usr/bin/hugo}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -f "$JAR" ] && [ -d target/test-classes/paperboy/bench ] || mvn -B -q package -DskipTests
mkdir -p "$DIR"

gen() { # gen DAYS OUT
  [ -d "$2" ] && [ "$(ls "$2" | wc -l)" -eq "$1" ] && return
  rm -rf "$2"
  java -cp "target/test-classes:$JAR" paperboy.bench.CorpusGenerator --days "$1" --per-day 50 --out "$2" >/dev/null
}

# snapshot DIR: one line per file, "path inode size mtime" (nothing for a missing folder).
snapshot() { [ -d "$1" ] && (cd "$1" && find . -type f -printf '%p %i %s %T@\n' | sort) || true; }

# rewritten BEFORE AFTER: "files bytes" new, changed (other inode, size or mtime) or removed, bytes of the new ones.
rewritten() {
  join -a1 -a2 -e MISSING -o 0,1.2,1.3,1.4,2.2,2.3,2.4 <(awk '{print $1, $2, $3, $4}' "$1") <(awk '{print $1, $2, $3, $4}' "$2") |
    awk '$2 != $5 || $3 != $6 || $4 != $7 { n++; if ($6 != "MISSING") b += $6 } END { printf "%d %d\n", n, b }'
}

# run LABEL XMX CONTENT OUT [build options...]: REPEAT runs, one table row from the median one.
# PREPARE, if set, is run before each timed run (untimed).
run() {
  local label=$1 xmx=$2 content=$3 out=$4; shift 4
  local rows=()
  for ((i = 0; i < REPEAT; i++)); do
    [ -n "${PREPARE:-}" ] && eval "$PREPARE"
    local log; log=$(mktemp)
    local before after; before=$(mktemp); after=$(mktemp)
    snapshot "$out" >"$before"
    if [ "${LAUNCH:-bin}" = bin ]; then # one JVM, bin/paperboy (the JVM options through the JDK's variable)
      JDK_JAVA_OPTIONS="$xmx" /usr/bin/time -f 'TIME %e %M %U %S' bin/paperboy build --content "$content" \
        --out "$out" --verbose "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    else
      /usr/bin/time -f 'TIME %e %M %U %S' java $xmx -jar "$JAR" build --content "$content" --out "$out" \
        --verbose "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    fi
    snapshot "$out" >"$after"
    local changed; changed=$(rewritten "$before" "$after")
    rm -f "$before" "$after"
    local mb; mb=$(du -sb "$out" | awk '{printf "%.1f", $1 / 1e6}')
    rows+=("$(awk -v mb="$mb" -v changed="$changed" '
      /^TIME/ { wall = $2; rss = $3 / 1024; cpu = $4 + $5 }
      /^Built/ { match($0, /; [0-9]+ files \([0-9]+ written/); split(substr($0, RSTART + 2, RLENGTH), a, " ");
                 files = a[1]; written = a[3]; sub(/\(/, "", written) }
      /^pages:/ { rendered = $2 }
      /^nothing changed/ { rendered = 0 }
      /^phases:/ { sub(/^phases: /, ""); gsub(/ ms/, ""); phases = $0 }
      END { split(changed, c, " ");
            printf "%s|%.0f|%.1f|%s|%s|%s|%s|%s|%s\n", wall, rss, cpu, files, c[1], c[2] / 1e6, mb, rendered, phases }' "$log")")
    rm -f "$log"
  done
  local mid; mid=$(printf '%s\n' "${rows[@]}" | sort -t'|' -k1,1g | sed -n "$(( (REPEAT + 1) / 2 ))p")
  IFS='|' read -r wall rss cpu files nchanged mbchanged mb rendered phases <<<"$mid"
  local pps; pps=$(awk -v f="$rendered" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? f / w : 0) }')
  printf '| %s | %s s | %s s | %s MB | %s | %s | %s MB | %s | %.1f MB | %s | %s |\n' \
    "$label" "$wall" "$cpu" "$rss" "$files" "$rendered" "$mb" "$nchanged" "$mbchanged" "$pps" "$phases"
}

# incremental LABEL N XMX: a cached build of N days, then a timed no-op and a timed one new day (N + 1).
incremental() {
  local label=$1 n=$2 xmx=$3 inc="$DIR/inc-$2" site="$DIR/site-inc-$2"
  gen $((n + 1)) "$DIR/c$((n + 1))"
  rm -rf "$inc" && mkdir -p "$inc" && cp "$DIR"/c"$n"/* "$inc/"
  java $xmx -jar "$JAR" build --content "$inc" --out "$site" >/dev/null
  run "$label, no-op rebuild" "$xmx" "$inc" "$site"
  local last; last=$(ls "$DIR/c$((n + 1))" | tail -1)
  PREPARE="rm -f '$inc/$last'; java $xmx -jar $JAR build --content '$inc' --out '$site' >/dev/null; cp '$DIR/c$((n + 1))/$last' '$inc/'" \
    run "$label, one new day" "$xmx" "$inc" "$site"
}

# hugo_full N: Hugo on an equivalent site of the same N-day corpus, from scratch; one row like run's.
hugo_full() {
  local n=$1 src="$DIR/hugo-src-$1" out="$DIR/hugo-site-$1" rows=()
  rm -rf "$src" && java -cp "$JAR" bench/HugoSite.java "$DIR/c$n" "$src" >/dev/null
  for ((i = 0; i < REPEAT; i++)); do
    rm -rf "$out"
    local log; log=$(mktemp)
    /usr/bin/time -f 'TIME %e %M %U %S' "$HUGO" --quiet --source "$src" --destination "$out" >"$log" 2>&1 || { cat "$log" >&2; return; }
    rows+=("$(awk '/^TIME/ { printf "%s|%.0f|%.1f\n", $2, $3 / 1024, $4 + $5 }' "$log")")
    rm -f "$log"
  done
  local mid; mid=$(printf '%s\n' "${rows[@]}" | sort -t'|' -k1,1g | sed -n "$(( (REPEAT + 1) / 2 ))p")
  IFS='|' read -r wall rss cpu <<<"$mid"
  local files mb; files=$(find "$out" -type f | wc -l); mb=$(du -sb "$out" | awk '{printf "%.1f", $1 / 1e6}')
  printf '| Hugo %s, %s × 50, full (%s) | %s s | %s s | %s MB | %s | – | %s MB | %s | %s MB | – | – |\n' \
    "$("$HUGO" version | awk '{print $2}')" "$n" "one page per paper and per day" "$wall" "$cpu" "$rss" "$files" "$mb" "$files" "$mb"
}

java -jar "$JAR" build --out "$DIR/site-warm" --no-cache >/dev/null # warms the file cache, untimed
echo "paperboy benchmark via bin/paperboy (full builds: java -jar), $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), REPEAT=$REPEAT, $DIR"
echo
echo '| corpus | wall (median) | CPU user+sys | peak RSS | files | pages rendered | site size | files rewritten | bytes rewritten | pages/s | phases (ms) |'
echo '|---|---|---|---|---|---|---|---|---|---|---|'
for size in "${SIZES[@]}"; do
  case $size in
    sample)
      PREPARE="rm -rf '$DIR/site-sample'" run "sample content (5 days)" "" content "$DIR/site-sample" --no-cache ;;
    365)
      gen 365 "$DIR/c365"
      LAUNCH=jar PREPARE="rm -rf '$DIR/site-365'" run "365 × 50, full" -Xmx1g "$DIR/c365" "$DIR/site-365" --no-cache
      [ -n "$HUGO" ] && [ -x "$HUGO" ] && hugo_full 365
      incremental "365 × 50" 365 -Xmx1g
      ;;
    3650)
      gen 3650 "$DIR/c3650"
      LAUNCH=jar PREPARE="rm -rf '$DIR/site-3650'" run "3,650 × 50, full" -Xmx2g "$DIR/c3650" "$DIR/site-3650" --no-cache
      incremental "3,650 × 50" 3650 -Xmx2g
      ;;
    *) echo "unknown size $size (sample, 365, 3650)" >&2; exit 2 ;;
  esac
done
