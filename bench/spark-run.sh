#!/usr/bin/env bash
# Spark benchmark (issue 12): the same synthetic table of answers graded by the Spark job on local[2] and by
# `grader batch --jobs 2`, on this machine. Per run: wall time, CPU time, answers/s, peak RSS (/usr/bin/time -v) and
# the largest heap left after a garbage collection (-Xlog:gc); then the throughput ratio Spark/batch.
#
#   bench/spark-run.sh                                   # 10^4 and 10^5 answers, lexical judge (--no-embeddings)
#   bench/spark-run.sh --embeddings --sizes 10000        # the default judge (sentence embeddings): ~100 answers/s
#   bench/spark-run.sh --sizes "10000 100000" --only spark
#
# Sizes are answers (the table has about 31.4 answers per synthetic candidate). Spark runs as a cluster would run
# the job: grader-spark/target/grader-spark.jar after Spark's own jars (resolved once from Maven Central with
# Spark's own dependency versions), the master from -Dspark.master. In local mode the driver and the executors are
# one JVM, so its heap is driver and executor memory together.
#
# Environment: BENCH_DIR (default target/spark-bench), JAVA_OPTS (extra JVM options for both), SEED (default 42).
# Needs Java 17, Maven and GNU time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cli_jar="$root/grader-cli/target/grader.jar"
spark_jar="$root/grader-spark/target/grader-spark.jar"
work="${BENCH_DIR:-$root/target/spark-bench}"
sizes="10000 100000"
only="both"
judge_flags=(--no-embeddings)
label="offline judge, --no-embeddings (lexical)"
while [ $# -gt 0 ]; do
  case "$1" in
    --embeddings) judge_flags=(); label="offline judge (lexical + sentence embeddings)"; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench/spark-run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/spark-run.sh: needs GNU time (/usr/bin/time; apt-get install -y time)" >&2; exit 2; }
if [ ! -f "$cli_jar" ] || [ ! -f "$spark_jar" ]; then
  echo "building the jars ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl grader-cli,grader-spark -am package)
fi
mkdir -p "$work/tmp"

# Spark's runtime as a cluster has it: spark-sql and its dependencies at Spark's own versions (not grader's).
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/pom.xml" | head -1)"
spark_cp_file="$work/spark-$spark_version.classpath"
if [ ! -s "$spark_cp_file" ]; then
  mkdir -p "$work/spark-runtime"
  cat >"$work/spark-runtime/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>spark-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$spark_version</version></dependency>
  </dependencies>
</project>
EOF
  (cd "$work/spark-runtime" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$spark_cp_file")
fi
spark_cp="$(cat "$spark_cp_file")"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED)
# ONNX Runtime, DJL and JNA unpack natives: keep them under the bench folder (the Spark job has its own cache).
java_opts=(-Djava.io.tmpdir="$work/tmp" -Djna.tmpdir="$work/tmp" ${JAVA_OPTS:-})
export DJL_CACHE_DIR="$work/djl"

# measure NAME -- COMMAND...: one row of the table, from /usr/bin/time and the GC log.
measure() {
  local name="$1" answers="$2"
  shift 3
  local timelog="$work/time-$name.txt" gclog="$work/gc-$name.log" outlog="$work/stdout-$name.txt"
  /usr/bin/time -v -o "$timelog" "$@" -Xlog:gc:file="$gclog" "${RUN_ARGS[@]}" >"$outlog" 2>&1 || {
    status=$?
    # batch and the job exit 1 for graded-with-problems; anything else failed
    [ "$status" -eq 1 ] || { echo "run $name failed ($status): see $outlog" >&2; exit 1; }
  }
  local wall cpu rss heap
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timelog")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$timelog")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timelog")
  heap=$(grep -o -- '->[0-9]*M' "$gclog" | tr -d '>M-' | sort -n | tail -1)
  printf "| %-6s | %7s | %6.1f | %16s | %9.0f | %11s | %20s |\n" "$name" "$answers" "$wall" "$cpu" \
    "$(awk -v a="$answers" -v w="$wall" 'BEGIN {print a / w}')" "$rss" "${heap:-n/a}"
  echo "$wall" >"$work/wall-$name"
}

echo "# Spark job (local[2]) vs grader batch --jobs 2: $label; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run    | answers | wall s | CPU s (user+sys) | answers/s | peak RSS MB | max heap after GC MB |"
echo "|--------|--------:|-------:|-----------------:|----------:|------------:|---------------------:|"
for n in $sizes; do
  candidates=$(( (n * 1000 + 31350) / 31350 ))
  table="$work/cohort-$candidates-seed${SEED:-42}.jsonl"
  [ -s "$table" ] || java -cp "$cli_jar" "$root/bench/SyntheticCohort.java" "$table" "$candidates" "${SEED:-42}" >&2
  answers=$(wc -l <"$table")
  tag="${n}${judge_flags[0]:+-lexical}"
  if [ "$only" != "spark" ]; then
    RUN_ARGS=(-jar "$cli_jar" batch "$table" -o "$work/batch-$tag" --jobs 2 --force --no-progress "${judge_flags[@]}")
    measure "batch-$tag" "$answers" -- java "${java_opts[@]}"
  fi
  if [ "$only" != "batch" ]; then
    RUN_ARGS=(-Dspark.master="local[2]" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1
      -Dspark.driver.bindAddress=127.0.0.1 -cp "$spark_cp:$spark_jar" dev.grader.spark.GradeJob
      --rubric "$root/rubrics/net-http-server-concurrency.json" --input "$table" --output "$work/spark-$tag"
      --overwrite --native-cache-dir "$work/native" "${judge_flags[@]}")
    measure "spark-$tag" "$answers" -- java "${opens[@]}" "${java_opts[@]}"
  fi
  if [ "$only" = "both" ]; then
    echo "|        | ratio Spark/batch answers/s at $answers answers: $(awk -v b="$(cat "$work/wall-batch-$tag")" \
      -v s="$(cat "$work/wall-spark-$tag")" 'BEGIN {printf "%.2f", b / s}') | | | | | |"
  fi
done
echo
echo "Outputs, GC logs and /usr/bin/time reports: $work (the job's own timing: stdout-spark-*.txt)"
