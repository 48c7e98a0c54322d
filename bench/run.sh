#!/usr/bin/env bash
# Batch grading benchmark (issue 5): a synthetic cohort of take-homes for the shipped rubric (33 questions), graded
# offline by `grader batch`; wall time, CPU time, peak memory (/usr/bin/time -v) and the largest heap left after a
# garbage collection (-Xlog:gc) per run, for several cohort sizes and --jobs values.
#
#   bench/run.sh                          # sizes 50 100 200, jobs 1 2, the default offline judge (embeddings)
#   bench/run.sh --lexical                # the same with --no-embeddings (minutes -> seconds)
#   bench/run.sh --sizes "200" --jobs "1 2"
#
# Environment: BENCH_DIR (default target/bench), JAVA_OPTS (extra JVM options, e.g. -Xmx256m to show the run
# fits a small heap), SEED (default 42). Needs Java 17, Maven (to build the CLI jar when missing) and GNU time.
# Cohorts are deterministic: bench/SyntheticCohort.java writes candidate i from the seed and i alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
jar="$root/grader-cli/target/grader.jar"
work="${BENCH_DIR:-$root/target/bench}"
sizes="50 100 200"
jobs_list="1 2"
judge_flags=()
label="offline judge (lexical + embeddings)"
while [ $# -gt 0 ]; do
  case "$1" in
    --lexical) judge_flags=(--no-embeddings); label="offline judge, --no-embeddings"; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --jobs) jobs_list="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/run.sh: needs GNU time (/usr/bin/time; apt-get install -y time)" >&2; exit 2; }
if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl grader-cli -am package)
fi
mkdir -p "$work/tmp"
# ONNX Runtime and DJL unpack natives on every run; keep them under the bench folder.
java_opts=(-Djava.io.tmpdir="$work/tmp" -Djna.tmpdir="$work/tmp" ${JAVA_OPTS:-})
export DJL_CACHE_DIR="$work/djl"

largest=0
for n in $sizes; do largest=$(( n > largest ? n : largest )); done
cohort="$work/cohort-$largest-seed${SEED:-42}"
if [ ! -d "$cohort" ]; then
  java -cp "$jar" "$root/bench/SyntheticCohort.java" "$cohort" "$largest" "${SEED:-42}" >&2
fi

echo "# grader batch benchmark: $label; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| candidates | answers | --jobs | wall s | CPU s (user+sys) | answers/s | peak RSS MB | max heap after GC MB |"
echo "|-----------:|--------:|-------:|-------:|-----------------:|----------:|------------:|---------------------:|"
for n in $sizes; do
  input="$work/input-$n"
  rm -rf "$input" && mkdir -p "$input"
  # The first n candidates of the largest cohort: smaller cohorts are prefixes of larger ones.
  find "$cohort" -maxdepth 1 -type f -name 'cand-*' | sort | head -n "$n" | while read -r f; do ln -s "$f" "$input/"; done
  for j in $jobs_list; do
    out="$work/out-$n-j$j"
    rm -rf "$out"
    gclog="$work/gc-$n-j$j.log"
    timelog="$work/time-$n-j$j.txt"
    /usr/bin/time -v -o "$timelog" java "${java_opts[@]}" -Xlog:gc:file="$gclog" -jar "$jar" \
      batch "$input" -o "$out" --jobs "$j" --force --no-progress "${judge_flags[@]}" > "$work/stdout-$n-j$j.txt" \
      || { echo "run $n/$j failed: see $work/stdout-$n-j$j.txt" >&2; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timelog")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$timelog")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timelog")
    answers=$(sed -n 's/^Graded [0-9]* candidates* (\([0-9]*\) answers*).*/\1/p' "$work/stdout-$n-j$j.txt")
    heap=$(grep -o -- '->[0-9]*M' "$gclog" | tr -d '>M-' | sort -n | tail -1)
    printf "| %10s | %7s | %6s | %6.1f | %16s | %9.0f | %11s | %20s |\n" "$n" "$answers" "$j" "$wall" "$cpu" \
      "$(awk -v a="$answers" -v w="$wall" 'BEGIN {print a / w}')" "$rss" "${heap:-n/a}"
  done
done
echo
echo "Outputs, GC logs and /usr/bin/time reports: $work"
