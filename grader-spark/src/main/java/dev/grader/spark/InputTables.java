package dev.grader.spark;

import dev.grader.InvalidInputException;
import dev.grader.batch.TableRules;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the answer tables of a job into one shape, with the rules of {@code grader batch} ({@link TableRules}):
 * JSON Lines (one object a line), CSV or TSV with a header ("long": candidate, question, answer; or "wide": a
 * candidate column and one column per question), and Parquet with the same columns. Any path Spark reads
 * (local, HDFS, S3 through the user's Hadoop configuration), globs and directories included.
 *
 * <p>The shape: {@code candidate} (string), {@code question} (the label as given), {@code answer} (the bytes as
 * stored, so invalid UTF-8 is seen), {@code source} (the file), {@code row} (an ordinal within the file's reading),
 * and {@code readKind}/{@code readError} for a row that could not be read (a malformed JSON line, a missing
 * candidate). A bad row is kept, with its error, so that it counts in the problems table.
 */
final class InputTables {

    static final StructType SHAPE = new StructType()
            .add("candidate", DataTypes.StringType)
            .add("question", DataTypes.StringType)
            .add("answer", DataTypes.BinaryType)
            .add("source", DataTypes.StringType)
            .add("row", DataTypes.LongType)
            .add("readKind", DataTypes.StringType)
            .add("readError", DataTypes.StringType);

    /** Input formats by the names {@code --input-format} takes. */
    static final List<String> FORMATS = List.of("auto", "jsonl", "csv", "tsv", "parquet");

    private InputTables() {
    }

    /**
     * The rows of every input, in the shape above.
     *
     * @throws InvalidInputException when an input is missing, its format cannot be told, or a table lacks the
     *                               columns (the message names the input)
     */
    static Dataset<Row> read(SparkSession spark, List<String> inputs, String format, Rubric rubric) {
        Dataset<Row> all = null;
        for (String input : inputs) {
            String kind = format.equals("auto") ? detect(spark, input) : format;
            Dataset<Row> rows = switch (kind) {
                case "jsonl" -> jsonLines(spark, input);
                case "csv", "tsv" -> columns(input, csv(spark, input, kind.equals("tsv")), rubric);
                case "parquet" -> columns(input, spark.read().parquet(input), rubric);
                default -> throw new IllegalStateException(kind);
            };
            all = all == null ? rows : all.unionByName(rows);
        }
        return all;
    }

    /** The format of a path by its extension, or by its files' extensions for a directory. */
    static String detect(SparkSession spark, String input) {
        String kind = kindOf(input);
        if (kind != null) {
            return kind;
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Set<String> kinds = new LinkedHashSet<>();
        try {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new InvalidInputException(input, null, "not found");
            }
            for (FileStatus match : matches) {
                FileStatus[] files = match.isDirectory() ? fs.listStatus(match.getPath()) : new FileStatus[] {match};
                for (FileStatus f : files) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        String k = kindOf(name);
                        kinds.add(k == null ? "unknown" : k);
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(input, null, "cannot read: " + e.getMessage());
        }
        if (kinds.size() == 1 && !kinds.contains("unknown")) {
            return kinds.iterator().next();
        }
        throw new InvalidInputException(input, null, kinds.isEmpty() ? "no files in it"
                : "cannot tell its format from the file names (" + String.join(", ", kinds) + "): give "
                + "--input-format jsonl, csv, tsv or parquet");
    }

    /** {@code jsonl}, {@code csv}, {@code tsv}, {@code parquet} by a name's extension (after a compression one). */
    static String kindOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|zst|lz4|snappy)$", "");
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return "jsonl";
        }
        if (n.endsWith(".csv")) {
            return "csv";
        }
        if (n.endsWith(".tsv")) {
            return "tsv";
        }
        if (n.endsWith(".parquet")) {
            return "parquet";
        }
        return null;
    }

    /** JSON Lines, one line a row, each read by batch's rules from its raw bytes. */
    private static Dataset<Row> jsonLines(SparkSession spark, String input) {
        Dataset<Row> lines = spark.read().text(input).select(
                functions.col("value").cast(DataTypes.BinaryType).as("line"),
                functions.col("_metadata.file_path").as("source"),
                functions.monotonically_increasing_id().as("row"));
        return lines.flatMap((FlatMapFunction<Row, Row>) InputTables::jsonLine, Encoders.row(SHAPE));
    }

    private static Iterator<Row> jsonLine(Row r) {
        byte[] bytes = (byte[]) r.get(0);
        String source = r.getString(1);
        long row = r.getLong(2);
        TableRules.JsonLine line = TableRules.jsonLine(bytes);
        if (line == null) {
            return java.util.Collections.emptyIterator(); // a blank line
        }
        if (line.problem() == null) {
            return List.of(RowFactory.create(line.candidate().strip(), line.question(),
                    line.answer().getBytes(StandardCharsets.UTF_8), source, row, null, null)).iterator();
        }
        if (line.problem().startsWith("not valid UTF-8")) {
            // Whose line it is still shows through a lenient reading, for the problems table.
            TableRules.JsonLine lenient = TableRules.jsonLine(new String(bytes, StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8));
            return List.of(RowFactory.create(lenient == null || lenient.candidate() == null ? null
                            : lenient.candidate().strip(), lenient == null ? null : lenient.question(), null, source,
                    row, GradeColumns.INVALID_UTF8, "the line is " + AnswerCheck.describeInvalid(bytes)))
                    .iterator();
        }
        return List.of(RowFactory.create(line.candidate() == null ? null : line.candidate().strip(), line.question(),
                null, source, row, GradeColumns.MALFORMED, line.problem())).iterator();
    }

    private static Dataset<Row> csv(SparkSession spark, String input, boolean tabs) {
        Dataset<Row> table = spark.read()
                .option("header", "true")
                .option("multiLine", "true") // quoted answers span lines
                .option("escape", "\"")      // RFC 4180: a quote inside quotes is doubled
                .option("sep", tabs ? "\t" : ",")
                .option("encoding", "UTF-8")
                .option("mode", "PERMISSIVE")
                .csv(input);
        String[] names = table.columns();
        if (names.length > 0 && names[0].startsWith("\uFEFF")) {
            table = table.withColumnRenamed(names[0], names[0].substring(1));
        }
        return table;
    }

    /** A CSV or Parquet table: long as it is, wide turned into one row per answer. */
    private static Dataset<Row> columns(String input, Dataset<Row> table, Rubric rubric) {
        List<String> header = Arrays.asList(table.columns());
        TableRules.Columns c = TableRules.columns(header);
        Column source = functions.col("_metadata.file_path");
        Column row = functions.monotonically_increasing_id();
        Dataset<Row> long_;
        if (c.isLong()) {
            long_ = table.select(functions.col(quoted(c.candidate())).cast(DataTypes.StringType).as("candidate"),
                    functions.col(quoted(c.question())).cast(DataTypes.StringType).as("question"),
                    functions.col(quoted(c.answer())).cast(DataTypes.BinaryType).as("answer"),
                    source.as("source"), row.as("row"));
        } else {
            if (c.candidate() == null) {
                throw new InvalidInputException(input, null, "no candidate column: the header needs candidate, "
                        + "question and answer, or candidate and one column per question");
            }
            Map<String, String> questions = TableRules.of(rubric).questionColumns(header, c.candidate());
            if (questions.isEmpty()) {
                throw new InvalidInputException(input, null, "no question columns: name them by question id (Q4), "
                        + "number or text, or use candidate, question and answer columns");
            }
            List<Column> selected = new ArrayList<>(List.of(functions.col(quoted(c.candidate()))
                    .cast(DataTypes.StringType).as("candidate"), source.as("source"), row.as("row")));
            List<Column> values = new ArrayList<>();
            for (String h : questions.keySet()) {
                selected.add(functions.col(quoted(h)).cast(DataTypes.BinaryType).as(h));
                values.add(functions.col(quoted(h)));
            }
            // One row per answer; the column's name, a label such as "Q4" or the question's text, is its question.
            long_ = table.select(selected.toArray(Column[]::new))
                    .unpivot(new Column[] {functions.col("candidate"), functions.col("source"), functions.col("row")},
                            values.toArray(Column[]::new), "question", "answer")
                    .select("candidate", "question", "answer", "source", "row");
        }
        Column candidate = functions.regexp_replace(functions.col("candidate"), "(?U)^\\s+|\\s+$", "");
        Column missing = candidate.isNull().or(candidate.equalTo(""));
        return long_.select(candidate.as("candidate"), functions.col("question"), functions.col("answer"),
                functions.col("source"), functions.col("row"),
                functions.when(missing, functions.lit(GradeColumns.MALFORMED)).as("readKind"),
                functions.when(missing, functions.lit("empty candidate")).as("readError"));
    }

    /** A column name with dots, spaces or backticks, quoted for {@code functions.col}. */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
