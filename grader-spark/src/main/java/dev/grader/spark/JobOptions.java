package dev.grader.spark;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@link GradeJob}, as {@code spark-submit ... grader-spark.jar OPTIONS} passes them. */
@Command(
        name = "GradeJob",
        mixinStandardHelpOptions = true,
        versionProvider = JobOptions.Version.class,
        sortOptions = false,
        header = "Grade a table of answers on Apache Spark with the grader library.",
        description = {
            "Reads JSON Lines, CSV/TSV or Parquet tables of candidate, question and answer (the tables 'grader batch' "
                    + "reads) from any path Spark reads, grades every row with one grader per executor, and writes "
                    + "under DIR through Spark's output committer: answers/ (one row per answer, with the report JSON "
                    + "of 'grader grade --format json'), candidates/ (totals, as batch's summary.csv), cohort/ "
                    + "(per-question means, key points missed, misconceptions; report.html for small cohorts) and "
                    + "problems/ (rows that could not be graded; they never fail the job).",
            "",
            "The master comes from Spark's configuration (spark-submit --master, or -Dspark.master=local[2])."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  spark-submit --class dev.grader.spark.GradeJob grader-spark.jar \\",
            "      --rubric hdfs:///rubrics/course.json --input hdfs:///answers/2026/ --output hdfs:///graded/2026",
            "  java -Dspark.master=local[2] -cp grader-spark.jar:$SPARK_HOME/jars/* dev.grader.spark.GradeJob \\",
            "      --rubric rubric.json --input answers.jsonl --output out --no-embeddings",
            "",
            "Exit codes: 0 all graded, 1 graded with problems (bad rows, failed or provisional grades),",
            "2 usage or input error, 3 the output could not be written."
        })
final class JobOptions {

    @Option(names = {"-r", "--rubric"}, required = true, paramLabel = "RUBRIC",
            description = "The compiled rubric (JSON, from 'grader compile'), any path Spark reads.")
    String rubric;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
            description = "A table, a folder of tables or a glob; repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Where the tables go.")
    String output;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (by extension: .jsonl/.ndjson/.json, .csv, .tsv, .parquet), jsonl, csv, tsv or "
                    + "parquet.")
    String inputFormat;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or json (JSON Lines).")
    String outputFormat;

    @Option(names = "--overwrite", description = "Replace the tables of an earlier run in DIR.")
    boolean overwrite;

    @Option(names = "--questions", paramLabel = "IDS", split = ",",
            description = "The assigned questions, ids and/or levels (Q1,Q4,Q7 or senior): rows of other questions "
                    + "are not graded, and totals count these. Default: the questions the answers answer.")
    List<String> questions = new ArrayList<>();

    @Option(names = "--no-embeddings", description = "The offline judge without sentence embeddings (lexical only).")
    boolean noEmbeddings;

    @Option(names = "--examples", paramLabel = "FILE",
            description = "Answers already graded (question, answer, score, scale; JSON Lines or CSV), any path Spark "
                    + "reads: scores are corrected by how the judge fared on the nearest of them. Added to the "
                    + "rubric's own (RUBRIC.examples.jsonl beside it), as grader batch.")
    String examples;

    @Option(names = "--no-rubric-examples",
            description = "Leave out the rubric's own graded examples: grade with --examples alone.")
    boolean noRubricExamples;

    @Option(names = "--no-examples", description = "Grade against the model answers alone, without graded examples.")
    boolean noExamples;

    @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "offline",
            description = "offline (default), openai, ollama or anthropic. API keys come from the executors' "
                    + "environment: OPENAI_API_KEY, ANTHROPIC_API_KEY (spark.executorEnv.*).")
    String judge;

    @Option(names = "--model", paramLabel = "NAME", description = "The model; comma-separated for consensus.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "An OpenAI-compatible endpoint, or Ollama's root.")
    String baseUrl;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "offline, llm (default with a model), blend, escalate or consensus.")
    String policy;

    @Option(names = "--samples", paramLabel = "N", description = "Consensus samples of one model (default 3).")
    Integer samples;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default 0).")
    Double temperature;

    @Option(names = "--max-calls", paramLabel = "N",
            description = "Model requests for the whole run, split evenly across partitions.")
    Integer maxCalls;

    @Option(names = "--concurrency", paramLabel = "N", description = "Model requests in flight per task (default 4).")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time per model request (default 60).")
    Integer timeout;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Model reply cache on each executor's local disk (default: none).")
    String cacheDir;

    @Option(names = "--no-json-schema", description = "Plain JSON mode, for servers that reject json_schema.")
    boolean noJsonSchema;

    @Option(names = "--price", paramLabel = "MODEL=IN,OUT",
            description = "USD per million input and output tokens, for cost estimates (repeatable).")
    List<String> prices = new ArrayList<>();

    @Option(names = "--max-answer-bytes", paramLabel = "N",
            description = "Answers larger than this are problems, not graded (default 4194304, 4 MB).")
    Integer maxAnswerBytes;

    @Option(names = "--batch-size", paramLabel = "N", description = "Answers a task grades at a time (default 256).")
    Integer batchSize;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N before grading (one big CSV is read by one task).")
    Integer partitions;

    @Option(names = "--html-max-answers", paramLabel = "N", defaultValue = "10000",
            description = "Write cohort/report.html when at most N answers are graded (default 10000; 0: never). "
                    + "The page is built in the driver's memory.")
    int htmlMaxAnswers;

    @Option(names = "--native-cache-dir", paramLabel = "DIR",
            description = "Where executors unpack ONNX Runtime once (default: grader-native-USER in java.io.tmpdir).")
    String nativeCacheDir;

    /** {@code grader-spark VERSION}. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"grader-spark " + dev.grader.Version.get()};
        }
    }
}
