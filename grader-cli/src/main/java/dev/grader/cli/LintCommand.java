package dev.grader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grader.internal.Json;
import dev.grader.rubric.LintFinding;
import dev.grader.rubric.LintFinding.Severity;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader lint [RUBRIC]}. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check a rubric against the schema and for semantic problems.",
        description = {
            "Checks a rubric, typically after editing it by hand: first the JSON syntax, then the schema "
                    + "(rubrics/rubric.schema.json), then what a schema cannot express: duplicate ids, questions "
                    + "without key points, weights of 0 or less, follow-ups probing unknown key points, empty texts.",
            "",
            "Prints one line per finding, 'FILE: POINTER: MESSAGE', then a summary. Warnings and notices (such as "
                    + "suggestions awaiting review) are printed but do not fail the check.",
            "",
            "Without RUBRIC, checks the rubric grader ships with.",
            "",
            "Exit status: 0 no errors, 1 errors found, 2 the file is missing or not JSON."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader lint rubrics/net-http-server-concurrency.json",
            "  grader lint my-rubric.json || echo 'fix the rubric first'",
            "  grader lint"
        })
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUBRIC", arity = "0..1",
            description = "The rubric JSON file (default: the shipped net/http rubric).")
    Path rubricFile;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String name = RubricInput.name(rubricFile);
        String json;
        try (PipeWait wait = PipeWait.watch(spec.commandLine().getErr(), rubricFile)) {
            json = RubricInput.text(rubricFile);
        }
        // Syntax errors throw here: there is nothing to lint in text that is not JSON (exit 2).
        List<SchemaViolation> violations = RubricReader.validate(json, name).stream()
                .map(SchemaViolation::of)
                .sorted(SchemaViolation.IN_DOCUMENT_ORDER)
                .toList();

        PrintWriter out = spec.commandLine().getOut();
        violations.forEach(v -> out.println(name + ": " + v.text()));
        long errors = violations.size();
        long warnings = 0;
        long notices = 0;
        Rubric rubric = null;
        try {
            Set<String> reported = violations.stream()
                    .map(SchemaViolation::pointer)
                    .filter(p -> p != null)
                    .collect(Collectors.toSet());
            rubric = bind(json);
            for (LintFinding f : RubricLinter.lint(rubric)) {
                if (reported.contains(f.pointer())) {
                    continue;
                }
                out.println(format(name, f));
                switch (f.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    case NOTICE -> notices++;
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Expected only when the schema already failed; counted anyway, so a rubric that cannot be read never passes.
            out.println(name + ": semantic checks skipped: the rubric does not fit the rubric model");
            errors++;
        }
        out.println(name + ": " + summary(errors, warnings, notices, rubric));
        out.flush();
        return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Binds without the schema check, so a rubric that breaks one schema rule still gets its semantic findings.
     */
    private static Rubric bind(String json) throws JsonProcessingException {
        return Json.mapper().readValue(json, Rubric.class);
    }

    static String format(String name, LintFinding f) {
        String where = f.pointer().isEmpty() ? "" : f.pointer() + ": ";
        String severity = f.severity() == Severity.ERROR ? "" : f.severity().label() + ": ";
        return name + ": " + where + severity + f.message();
    }

    static String summary(long errors, long warnings, long notices, Rubric rubric) {
        if (errors + warnings + notices == 0) {
            return "no problems in " + RubricSummary.of(rubric);
        }
        List<String> counts = new ArrayList<>();
        if (errors > 0) {
            counts.add(RubricSummary.count(errors, "error"));
        }
        if (warnings > 0) {
            counts.add(RubricSummary.count(warnings, "warning"));
        }
        if (notices > 0) {
            counts.add(RubricSummary.count(notices, "notice"));
        }
        return String.join(", ", counts);
    }
}
