/**
 * JMH benchmarks. Build and run:
 * <pre>
 * mvn -q -pl grader-bench -am package -DskipTests
 * java -jar grader-bench/target/benchmarks.jar                      # all
 * java -jar grader-bench/target/benchmarks.jar GradingBenchmark     # one
 * </pre>
 */
package dev.grader.bench;
