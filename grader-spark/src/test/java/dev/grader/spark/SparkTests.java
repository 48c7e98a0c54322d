package dev.grader.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The in-process Spark of the tests: two task threads ({@code local[2]}), and up to three attempts per task so
 * that a retried task can be tested. One session for every test class of the JVM: starting Spark takes seconds.
 */
final class SparkTests {

    private static SparkSession session;

    private SparkTests() {
    }

    static synchronized SparkSession spark() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2,3]")
                    .appName("grader-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }
}
