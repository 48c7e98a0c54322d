package dev.grader.spark;

import static org.apache.spark.sql.functions.col;

import dev.grader.InvalidInputException;
import dev.grader.JudgeInfo;
import dev.grader.Rubrics;
import dev.grader.examples.GradedExamples;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;

/**
 * The grading job for {@code spark-submit}:
 *
 * <pre>
 * spark-submit --class dev.grader.spark.GradeJob grader-spark.jar --rubric R.json --input PATH --output DIR
 *     [--judge ...] [--output-format parquet|json]
 * </pre>
 *
 * Reads the answer tables ({@link InputTables}), grades them ({@link GradingFunctions}), and writes under DIR, each
 * table through Spark's output committer (a failed or retried task leaves no partial file):
 * <ul>
 *   <li>{@code answers/}: one row per input row ({@link AnswerTable#SCHEMA}), the report JSON included;</li>
 *   <li>{@code candidates/}: per-candidate totals as batch's {@code summary.csv} ({@link CandidateTotals});</li>
 *   <li>{@code cohort/}: {@code questions/}, {@code key-points/}, {@code misconceptions/}, {@code histogram/},
 *       {@code summary/} ({@link CohortStats}), and {@code report.html} for a cohort of at most
 *       {@code --html-max-answers} graded answers;</li>
 *   <li>{@code problems/}: the rows that could not be graded and why; they never fail the job.</li>
 * </ul>
 * The cohort tables are computed from {@code answers/} as written: nothing is graded twice.
 */
public final class GradeJob {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int OUTPUT = 3;

    /** The largest rubric read, as the CLI reads rubrics. */
    private static final int MAX_RUBRIC_BYTES = 16 << 20;

    private GradeJob() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        SparkSession[] created = new SparkSession[1];
        int code = run(args, out, err, () -> {
            created[0] = SparkSession.builder().appName("grader").getOrCreate();
            return created[0];
        });
        if (created[0] != null) {
            created[0].stop();
        }
        System.exit(code);
    }

    /**
     * Runs the job on the session {@code spark} supplies (created only after the options are read, so that
     * {@code --help} starts no Spark), and returns the exit code.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<SparkSession> spark) {
        JobOptions o = new JobOptions();
        CommandLine cmd = new CommandLine(o).setOut(out).setErr(err);
        try {
            cmd.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("GradeJob: " + e.getMessage());
            err.println("Try '--help' for the options.");
            return USAGE;
        }
        if (cmd.isUsageHelpRequested()) {
            cmd.usage(out);
            return OK;
        }
        if (cmd.isVersionHelpRequested()) {
            cmd.printVersionHelp(out);
            return OK;
        }
        long start = System.nanoTime();
        try {
            return grade(o, spark.get(), out, err, start);
        } catch (InvalidInputException e) {
            err.println("GradeJob: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("GradeJob: " + e.getMessage());
            return USAGE;
        } catch (OutputException e) {
            err.println("GradeJob: the output could not be written: " + e.getMessage());
            return OUTPUT;
        } catch (Exception e) { // Spark's AnalysisException (a path not found, say) is checked, thrown undeclared
            Throwable root = root(e);
            if (root instanceof IOException) {
                err.println("GradeJob: the output could not be written: " + root.getMessage());
                return OUTPUT;
            }
            err.println("GradeJob: " + (e instanceof org.apache.spark.sql.AnalysisException a ? a.getMessage()
                    : root.getClass().getSimpleName() + ": " + root.getMessage()));
            return USAGE;
        }
    }

    private static int grade(JobOptions o, SparkSession spark, PrintWriter out, PrintWriter err, long start) {
        String format = switch (o.outputFormat.toLowerCase(Locale.ROOT)) {
            case "parquet" -> "parquet";
            case "json", "jsonl" -> "json";
            default -> throw new IllegalArgumentException("--output-format must be parquet or json, found '"
                    + o.outputFormat + "'");
        };
        String inputFormat = o.inputFormat.toLowerCase(Locale.ROOT);
        if (!InputTables.FORMATS.contains(inputFormat)) {
            throw new IllegalArgumentException("--input-format must be one of " + String.join(", ",
                    InputTables.FORMATS) + ", found '" + o.inputFormat + "'");
        }
        Rubric rubric = readRubric(spark, o.rubric);
        GradingOptions options = options(o, rubric, readExamples(spark, o));
        Path dir = new Path(o.output);
        SaveMode mode = prepareOutput(spark, dir, o.overwrite);

        splitsForGrading(spark);
        Dataset<Row> input = InputTables.read(spark, o.inputs, inputFormat, rubric);
        if (o.partitions != null) {
            if (o.partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1, found " + o.partitions);
            }
            input = input.repartition(o.partitions);
        }
        PartitionGrading.RunMeters meters = new PartitionGrading.RunMeters(spark.sparkContext());
        Dataset<Row> graded = GradingFunctions.grade(input, rubric, options, "readKind", "readError", true, meters);
        String answersPath = child(dir, "answers");
        AnswerTable.of(graded).write().mode(mode).format(format).save(answersPath);
        long gradedAt = System.nanoTime();

        Dataset<Row> answers = AnswerTable.read(spark, answersPath, format);
        AnswerTable.Counted counted = AnswerTable.counted(answers);
        // One pass over the answers for every cohort statistic, less the answers a later one supersedes.
        CohortTally tally = CohortTally.of(answers);
        if (counted.duplicates() > 0) {
            tally.without(CohortTally.of(counted.superseded()));
        }
        List<String> assigned = options.questions() != null ? options.questions() : tally.answered(rubric);
        Dataset<Row> countedAssigned = counted.counted().filter(col("question").isin(assigned.toArray()));

        // Not cached: a cached plan keeps its 200 shuffle partitions, which adaptive execution would coalesce.
        Dataset<Row> unranked = CandidateTotals.unranked(answers, counted.counted(), assigned);
        Map<Double, Long> percents = new TreeMap<>();
        long candidates = 0;
        for (Row r : unranked.groupBy("status", "percent").count().collectAsList()) {
            candidates += r.getLong(2);
            if (CandidateTotals.GRADED.equals(r.getString(0))) {
                percents.put(r.getDouble(1), r.getLong(2));
            }
        }
        CandidateTotals.ranked(unranked, percents).write().mode(mode).format(format).save(child(dir, "candidates"));

        Dataset<Row> problems = AnswerTable.problems(answers, counted.superseded());
        problems.write().mode(mode).format(format).save(child(dir, "problems"));

        Map<String, Long> byKind = new TreeMap<>(tally.kinds());
        long rows = tally.rows();
        long fallbacks = tally.fallbacks();
        if (counted.duplicates() > 0) {
            byKind.put(AnswerTable.DUPLICATE, counted.duplicates());
        }
        long problemCount = byKind.values().stream().mapToLong(Long::longValue).sum();
        long gradedAnswers = rows - byKind.entrySet().stream().filter(e -> !e.getKey().equals(AnswerTable.DUPLICATE))
                .mapToLong(Map.Entry::getValue).sum();

        String cohort = child(dir, "cohort");
        writeSmall(spark, CohortStats.questions(tally, rubric, assigned), CohortStats.QUESTIONS, mode, format,
                cohort + "/questions");
        writeSmall(spark, CohortStats.keyPoints(tally, rubric, assigned), CohortStats.KEY_POINTS, mode,
                format, cohort + "/key-points");
        writeSmall(spark, CohortStats.misconceptions(tally, rubric, assigned), CohortStats.MISCONCEPTIONS,
                mode, format, cohort + "/misconceptions");
        JudgeInfo judge = judge(answers, options);
        writeSmall(spark, List.of(summary(rubric, judge, assigned, options.questions() == null, rows, gradedAnswers,
                problemCount, fallbacks, CohortStats.spread(percents, candidates), CohortStats.histogram(percents))),
                SUMMARY, mode, format, cohort + "/summary");

        long countedGraded = tally.graded(assigned);
        Path page = new Path(cohort, "report.html");
        boolean html = o.htmlMaxAnswers > 0 && countedGraded <= o.htmlMaxAnswers;
        if (html) {
            Dataset<Row> written = spark.read().schema(CandidateTotals.SCHEMA).format(format)
                    .load(child(dir, "candidates"));
            CohortHtml.write(spark, page, rubric, judge, assigned, countedAssigned, written, problems, problemCount);
        } else {
            deleteQuietly(spark, page);
        }

        report(out, err, o, rubric, assigned, options.questions() == null, gradedAnswers, candidates, byKind,
                problemCount, meters, fallbacks, Duration.ofNanos(gradedAt - start),
                Duration.ofNanos(System.nanoTime() - start), format, html, countedGraded);
        if (!options.examples().isEmpty()) {
            out.printf(Locale.ROOT, "Graded examples: %,d answers to %d questions (%s) corrected the offline judge; "
                    + "answers.report says by how much (--no-examples grades without them).%n",
                    options.examples().size(), options.examples().questionIds().size(), options.examples().source());
        }
        if (rows == 0) {
            err.println("GradeJob: no answers in " + String.join(", ", o.inputs));
            return PROBLEMS;
        }
        long failed = byKind.getOrDefault(GradeColumns.GRADING_FAILED, 0L);
        return problemCount > 0 || failed > 0 || fallbacks > 0 ? PROBLEMS : OK;
    }

    static final StructType SUMMARY = new StructType()
            .add("rubricId", DataTypes.StringType)
            .add("rubricTitle", DataTypes.StringType)
            .add("engineVersion", DataTypes.StringType)
            .add("judge", DataTypes.StringType)
            .add("questions", DataTypes.createArrayType(DataTypes.StringType))
            .add("questionsFrom", DataTypes.StringType)
            .add("rows", DataTypes.LongType)
            .add("gradedAnswers", DataTypes.LongType)
            .add("problems", DataTypes.LongType)
            .add("provisional", DataTypes.LongType)
            .add("candidates", DataTypes.LongType)
            .add("gradedCandidates", DataTypes.LongType)
            .add("minPercent", DataTypes.DoubleType)
            .add("lowerQuartile", DataTypes.DoubleType)
            .add("medianPercent", DataTypes.DoubleType)
            .add("upperQuartile", DataTypes.DoubleType)
            .add("maxPercent", DataTypes.DoubleType)
            .add("meanPercent", DataTypes.DoubleType)
            .add("standardDeviation", DataTypes.DoubleType)
            .add("histogram", DataTypes.createArrayType(DataTypes.LongType));

    private static Row summary(Rubric rubric, JudgeInfo judge, List<String> assigned, boolean fromAnswers, long rows,
                               long graded, long problems, long fallbacks, Row spread, long[] histogram) {
        return RowFactory.create(rubric.id(), rubric.title(), dev.grader.Version.get(), Json.compact(judge),
                assigned.toArray(new String[0]), fromAnswers ? "answers" : "option", rows, graded, problems,
                fallbacks, spread.getLong(0), spread.getLong(1), spread.get(2), spread.get(3), spread.get(4),
                spread.get(5), spread.get(6), spread.get(7), spread.get(8),
                java.util.Arrays.stream(histogram).boxed().toArray(Long[]::new));
    }

    /** The judge as the reports name it (one report is read), or as the options describe it when none was graded. */
    private static JudgeInfo judge(Dataset<Row> answers, GradingOptions options) {
        List<Row> one = answers.filter(col("report").isNotNull()).select("report").limit(1).collectAsList();
        if (!one.isEmpty()) {
            return CohortHtml.parse(one.get(0).getString(0)).audit().judge();
        }
        return options.usesModel() ? new JudgeInfo(options.policy(), Map.of("provider", options.judge()))
                : JudgeAssembly.offline(options).info();
    }

    private static void writeSmall(SparkSession spark, List<Row> rows, StructType schema, SaveMode mode, String format,
                                   String path) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(mode).format(format).save(path);
    }

    private static GradingOptions options(JobOptions o, Rubric rubric, GradedExamples examples) {
        GradingOptions.Builder b = GradingOptions.builder().embeddings(!o.noEmbeddings).judge(o.judge)
                .examples(examples.checkAgainst(rubric));
        if (o.policy != null) {
            b.policy(o.policy);
        }
        if (o.model != null) {
            b.model(o.model);
        }
        if (o.baseUrl != null) {
            b.baseUrl(o.baseUrl);
        }
        if (o.samples != null) {
            b.samples(o.samples);
        }
        if (o.temperature != null) {
            b.temperature(o.temperature);
        }
        if (o.maxCalls != null) {
            b.maxCalls(o.maxCalls);
        }
        if (o.concurrency != null) {
            b.concurrency(o.concurrency);
        }
        if (o.timeout != null) {
            b.timeoutSeconds(o.timeout);
        }
        if (o.cacheDir != null) {
            b.cacheDir(o.cacheDir);
        }
        b.jsonSchema(!o.noJsonSchema);
        for (String price : o.prices) {
            int eq = price.lastIndexOf('=');
            String[] parts = eq < 0 ? new String[0] : price.substring(eq + 1).split(",");
            try {
                if (eq <= 0 || parts.length != 2) {
                    throw new NumberFormatException();
                }
                b.price(price.substring(0, eq), Double.parseDouble(parts[0].strip()),
                        Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--price " + price + ": expected MODEL=IN,OUT in USD per million "
                        + "tokens, such as gpt-4o-mini=0.15,0.60");
            }
        }
        if (o.maxAnswerBytes != null) {
            b.maxAnswerBytes(o.maxAnswerBytes);
        }
        if (o.batchSize != null) {
            b.batchSize(o.batchSize);
        }
        if (o.nativeCacheDir != null) {
            b.nativeCacheDir(o.nativeCacheDir);
        }
        if (!o.questions.isEmpty()) {
            b.questions(idsOrLevels(rubric, o.questions));
        }
        return b.build();
    }

    /** {@code Q1,Q4} and levels ({@code senior}) as question ids, in rubric order. */
    static List<String> idsOrLevels(Rubric rubric, List<String> tokens) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : tokens) {
            String t = raw.strip();
            if (t.isEmpty()) {
                continue;
            }
            List<String> byLevel = rubric.questions().stream()
                    .filter(q -> q.level() != null && q.level().equalsIgnoreCase(t)).map(Question::id).toList();
            if (rubric.questionIds().contains(t)) {
                ids.add(t);
            } else if (!byLevel.isEmpty()) {
                ids.addAll(byLevel);
            } else {
                throw new IllegalArgumentException("--questions: '" + t + "' is neither a question id nor a level of "
                        + "rubric " + rubric.id());
            }
        }
        return rubric.questionIds().stream().filter(ids::contains).distinct().toList();
    }

    /**
     * The graded examples: {@code RUBRIC.examples.jsonl} beside the rubric when there is one (as {@code grader batch}
     * finds them) unless {@code --no-rubric-examples}, and {@code --examples}; none with {@code --no-examples}.
     */
    private static GradedExamples readExamples(SparkSession spark, JobOptions o) {
        if (o.noExamples) {
            if (o.examples != null) {
                throw new IllegalArgumentException("--examples and --no-examples exclude each other");
            }
            return GradedExamples.NONE;
        }
        GradedExamples all = GradedExamples.NONE;
        if (!o.noRubricExamples) {
            Path rubric = new Path(o.rubric);
            Path beside = new Path(rubric.getParent(), Rubrics.examplesFileName(rubric.getName()));
            String text = readText(spark, beside, null, MAX_EXAMPLES_BYTES,
                    "larger than 256 MB, the limit for graded examples");
            if (text != null) {
                all = GradedExamples.parse(text, beside.toString());
            }
        }
        if (o.examples != null) {
            all = all.plus(GradedExamples.parse(readText(spark, new Path(o.examples), o.examples, MAX_EXAMPLES_BYTES,
                    "larger than 256 MB, the limit for graded examples"), o.examples));
        }
        return all;
    }

    private static final long MAX_EXAMPLES_BYTES = 256L << 20;

    private static Rubric readRubric(SparkSession spark, String location) {
        Path path = new Path(location);
        String text = readText(spark, path, location, MAX_RUBRIC_BYTES, "larger than 16 MB, the limit for a rubric");
        if (!path.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new InvalidInputException(location, null, "not a compiled rubric (JSON): compile a question bank "
                    + "first, with 'grader compile BANK -o rubric.json'");
        }
        return Rubrics.fromString(text, location);
    }

    /**
     * A file any Hadoop file system holds, as strict UTF-8 text; null when {@code location} is null and the file
     * does not exist (an optional file), else a missing file is an error naming it.
     */
    private static String readText(SparkSession spark, Path path, String location, long limit, String tooLarge) {
        String shown = location != null ? location : path.toString();
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                if (location == null) {
                    return null;
                }
                throw new InvalidInputException(shown, null, "not found");
            }
            if (fs.getFileStatus(path).getLen() > limit) {
                throw new InvalidInputException(shown, null, tooLarge);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = fs.open(path)) {
                in.transferTo(bytes);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(shown, null, "not valid UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(shown, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Input splits sized for grading, unless the user chose theirs. Spark's defaults (128 MB splits, about one per
     * core for a small input) suit scans, but grading costs milliseconds per answer: a 128 MB split is hours of one
     * core's work, and with as many tasks as cores the slowest decides when the job ends. So at least 8 tasks per
     * core, of at most 4 MB (about 12,000 answers, two minutes of one core with sentence embeddings), small files
     * not packed together beyond 64 KB of cost each.
     */
    static void splitsForGrading(SparkSession spark) {
        String[][] settings = {{MAX_SPLIT, String.valueOf(4L << 20)}, {OPEN_COST, String.valueOf(64L << 10)},
            {MIN_SPLITS, String.valueOf(8 * spark.sparkContext().defaultParallelism())}};
        for (String[] setting : settings) {
            if (!spark.conf().contains(setting[0]) && !spark.sparkContext().conf().contains(setting[0])) {
                spark.conf().set(setting[0], setting[1]);
            }
        }
    }

    private static final String MAX_SPLIT = "spark.sql.files.maxPartitionBytes";
    private static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    private static final String MIN_SPLITS = "spark.sql.files.minPartitionNum";

    /** Overwrite with {@code --overwrite}; otherwise refuse a DIR that holds an earlier run's tables. */
    private static SaveMode prepareOutput(SparkSession spark, Path dir, boolean overwrite) {
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!overwrite) {
                for (String table : List.of("answers", "candidates", "cohort", "problems")) {
                    if (fs.exists(new Path(dir, table))) {
                        throw new InvalidInputException(dir.toString(), null, "holds the tables of an earlier run ("
                                + table + "/); --overwrite replaces them");
                    }
                }
            }
            return overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        } catch (IOException e) {
            throw new OutputException(dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(SparkSession spark, Path file) {
        try {
            file.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(file, false);
        } catch (IOException e) {
            // a stale page of an earlier run stays; the tables are what counts
        }
    }

    private static String child(Path dir, String name) {
        return new Path(dir, name).toString();
    }

    private static void report(PrintWriter out, PrintWriter err, JobOptions o, Rubric rubric, List<String> assigned,
                               boolean fromAnswers, long graded, long candidates, Map<String, Long> byKind,
                               long problems, PartitionGrading.RunMeters meters, long fallbacks, Duration grading,
                               Duration total, String format, boolean html, long countedGraded) {
        double seconds = Math.max(0.001, grading.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "Graded %,d answers of %,d candidates in %s (%,.0f answers/s; %s in all).%n", graded,
                candidates, clock(grading), graded / seconds, clock(total));
        if (assigned.size() < rubric.questions().size()) {
            out.println("Questions: " + String.join(", ", assigned) + (fromAnswers
                    ? ", the ones the answers answer (" : ", as assigned (") + assigned.size() + " of "
                    + rubric.questions().size() + "); totals count these only"
                    + (fromAnswers ? " (--questions sets them)." : "."));
        }
        if (problems > 0) {
            List<String> kinds = new ArrayList<>();
            byKind.forEach((k, n) -> kinds.add(k + " " + n));
            err.printf(Locale.ROOT, "GradeJob: %,d rows could not be graded or do not count (%s): see %s%n", problems,
                    String.join(", ", kinds), child(new Path(o.output), "problems"));
        }
        if (meters.requests.value() > 0 || meters.fallbacks.value() > 0 || meters.cacheHits.value() > 0) {
            out.printf(Locale.ROOT, "LLM: %,d requests sent, %,d replies from the cache, %,d fallbacks to the offline "
                    + "judge.%n", meters.requests.value(), meters.cacheHits.value(), meters.fallbacks.value());
        }
        if (fallbacks > 0) {
            err.printf(Locale.ROOT, "GradeJob: %,d answers fell back to the offline judge: their grades are "
                    + "provisional (answers.fallback says why); rerun them once the model can be reached or the "
                    + "budget allows.%n", fallbacks);
        }
        String dir = o.output;
        out.println("Tables (" + format + "): " + child(new Path(dir), "answers") + ", candidates, problems, cohort/"
                + "{questions,key-points,misconceptions,summary}" + (html ? "; page: "
                + child(new Path(dir), "cohort/report.html") : "; no report.html: " + countedGraded
                + " graded answers, over --html-max-answers " + o.htmlMaxAnswers));
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The output cannot be written. */
    static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
