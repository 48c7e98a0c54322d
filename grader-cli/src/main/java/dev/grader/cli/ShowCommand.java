package dev.grader.cli;

import dev.grader.cli.sheet.MarkdownSheet;
import dev.grader.cli.sheet.SheetFormat;
import dev.grader.cli.sheet.Style;
import dev.grader.cli.sheet.TextSheet;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code grader show [RUBRIC] [-q ID]... [--level LEVEL] [--format text|markdown]}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Print a rubric as a grading sheet.",
        description = {
            "Prints what a grader needs at hand: per question its level and prompt, the code it shows, the key "
                    + "points to tick (numbered, with weight and terms), known misconceptions with their "
                    + "corrections, follow-up probes with the key points they test, and notes.",
            "",
            "Without RUBRIC, shows the rubric grader ships with (net/http server concurrency)."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader show -q Q1",
            "  grader show -q Q1,Q4 --format markdown > sheet.md",
            "  grader show --level senior | less -R",
            "  grader show my-rubric.json"
        })
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUBRIC", arity = "0..1",
            description = "The rubric JSON file (default: the shipped net/http rubric).")
    Path rubricFile;

    @Option(names = {"-q", "--question"}, paramLabel = "ID", split = ",",
            description = "Only these questions, such as Q4 (repeatable, or comma-separated).")
    List<String> questionIds = new ArrayList<>();

    @Option(names = {"-l", "--level"}, paramLabel = "LEVEL",
            description = "Only questions at this level, such as junior or senior (case-insensitive).")
    String level;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "text (default; wrapped, bold on a terminal) or markdown.")
    SheetFormat format;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Rubric rubric;
        try (PipeWait wait = PipeWait.watch(spec.commandLine().getErr(), rubricFile)) {
            rubric = RubricInput.read(rubricFile);
        }
        List<Question> shown = QuestionChoice.atLevel(rubric, QuestionChoice.byIds(rubric, questionIds), level);
        Terminal terminal = common.terminal();
        String sheet = format == SheetFormat.MARKDOWN
                ? MarkdownSheet.render(rubric, shown)
                : TextSheet.render(rubric, shown, Style.of(terminal.color()), terminal.width());
        PrintWriter out = spec.commandLine().getOut();
        out.print(sheet);
        out.flush();
        return ExitCodes.OK;
    }

    /** Bad values are parse errors: picocli reports them with the usage line. */
    static final class FormatConverter implements ITypeConverter<SheetFormat> {
        @Override
        public SheetFormat convert(String value) {
            try {
                return SheetFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
