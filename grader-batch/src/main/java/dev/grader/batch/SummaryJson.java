package dev.grader.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.Grader;
import dev.grader.Version;
import dev.grader.internal.Json;
import dev.grader.rubric.Question;
import java.util.List;

/**
 * {@code summary.json}: the cohort for programs. Rubric, judge and scoring; counts; statistics; judge usage
 * summed over every result on disk; per-question means; one entry per candidate (ranked, as in
 * {@code summary.csv}) with its scores and the mapping from candidate id and submission to file name (the
 * pseudonym only, under anonymization); the problems; the inputs skipped on purpose (hidden files, backups,
 * special files, repeats; without their paths under anonymization); and, under {@code run}, what this run did —
 * the only part that differs between a resumed and an uninterrupted run. Fields keep this order (a JSON tree, not a map, so
 * the mapper's key sorting leaves {@code Q1, Q2, ..., Q10} in rubric order).
 */
final class SummaryJson {

    static final String FORMAT = "grader-batch-summary/1";

    private SummaryJson() {
    }

    /**
     * What one run did.
     *
     * @param interrupted  whether it was cancelled before every candidate was graded
     * @param outputFailed whether it stopped because its output could not be written
     * @param gradedNow   candidates graded by this run
     * @param reused      candidates skipped because their result was up to date
     * @param changed     candidates graded again because their submission or the grading changed
     * @param usage       judge usage of this run
     */
    record Run(boolean interrupted, boolean outputFailed, int gradedNow, int reused, int changed, Usage usage) {

        /** This run, marked as stopped by its output when a write failed (a report before summary.json, say). */
        Run failedIf(boolean failed) {
            return new Run(interrupted, outputFailed || failed, gradedNow, reused, changed, usage);
        }
    }

    static String render(Grader grader, boolean anonymized, Assignment assignment, Cohort cohort,
                         List<BatchProblem> problems, List<SkippedInput> skipped, Run run) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("format", FORMAT);
        ObjectNode rubric = doc.putObject("rubric");
        rubric.put("id", grader.rubric().id());
        rubric.put("title", grader.rubric().title());
        rubric.put("sha256", grader.rubricSha256());
        rubric.put("questions", grader.rubric().questions().size());
        ObjectNode assigned = doc.putObject("assigned");
        assigned.put("from", assignment.fromSubmissions() ? "submissions" : "option");
        ArrayNode ids = assigned.putArray("questions");
        assignment.ids().forEach(ids::add);
        doc.set("judge", Json.mapper().valueToTree(grader.judge().info()));
        doc.set("scoring", Json.mapper().valueToTree(grader.scoring()));
        doc.put("engineVersion", Version.get());
        doc.put("anonymized", anonymized);
        if (anonymized) {
            doc.put("anonymizationMap", Pseudonyms.MAP_FILE);
        }
        List<CohortRow> rows = cohort.ranked();
        ObjectNode counts = doc.putObject("counts");
        counts.put("candidates", rows.size());
        for (String status : List.of(CohortRow.GRADED, CohortRow.UNREADABLE, CohortRow.FAILED, CohortRow.PENDING)) {
            counts.put(status, rows.stream().filter(r -> r.status().equals(status)).count());
        }
        counts.put("provisional", cohort.provisional());
        counts.put("problems", problems.size());
        counts.put("skipped", skipped.size());
        ObjectNode stats = doc.putObject("statistics");
        Cohort.Spread spread = cohort.spread();
        stats.put("meanPercent", spread.mean());
        stats.put("medianPercent", spread.median());
        stats.put("minPercent", spread.min());
        stats.put("lowerQuartilePercent", spread.lowerQuartile());
        stats.put("upperQuartilePercent", spread.upperQuartile());
        stats.put("maxPercent", spread.max());
        stats.put("standardDeviation", spread.standardDeviation());
        ArrayNode histogram = stats.putArray("histogram");
        for (int bin : cohort.histogram()) {
            histogram.add(bin);
        }
        doc.set("usage", Json.mapper().valueToTree(cohort.usage()));
        questions(doc.putArray("questions"), cohort);
        ArrayNode candidates = doc.putArray("candidates");
        rows.forEach(r -> candidate(candidates.addObject(), r, cohort));
        ArrayNode problemList = doc.putArray("problems");
        problems.forEach(p -> problem(problemList.addObject(), p, anonymized));
        ArrayNode skippedList = doc.putArray("skipped");
        for (SkippedInput s : skipped) {
            ObjectNode m = skippedList.addObject();
            if (!anonymized) { // a file name may name the candidate
                m.put("source", s.source());
            }
            m.put("reason", anonymized ? s.anonymousReason() : s.reason());
        }
        ObjectNode runDoc = doc.putObject("run");
        runDoc.put("status", run.interrupted() ? "interrupted" : run.outputFailed() ? "output-failed" : "complete");
        runDoc.put("gradedNow", run.gradedNow());
        runDoc.put("reused", run.reused());
        runDoc.put("regradedChanged", run.changed());
        runDoc.set("usage", Json.mapper().valueToTree(run.usage()));
        return Json.pretty(doc);
    }

    private static void questions(ArrayNode out, Cohort cohort) {
        int graded = cohort.graded();
        for (int i = 0; i < cohort.questions().size(); i++) {
            Question q = cohort.questions().get(i);
            ObjectNode m = out.addObject();
            m.put("id", q.id());
            m.put("prompt", q.prompt());
            m.put("answered", cohort.answered(i));
            m.put("unanswered", graded - cohort.answered(i));
            m.put("meanScore", cohort.meanScore(i));
            for (Cohort.QuestionFailure f : cohort.failures()) {
                if (f.question().equals(q.id())) {
                    m.put("notGraded", f.answers());
                    m.put("notGradedReason", f.reason());
                }
            }
        }
    }

    private static void candidate(ObjectNode m, CohortRow r, Cohort cohort) {
        if (r.graded()) {
            m.put("rank", r.rank());
        } else {
            m.putNull("rank");
        }
        m.put("candidate", r.candidate());
        if (r.id() != null) {
            m.put("id", r.id());
        }
        if (r.source() != null) {
            m.put("source", r.source());
        }
        m.put("file", OutputLayout.CANDIDATES + "/" + r.file());
        m.put("status", r.status());
        if (r.reason() != null) {
            m.put("reason", r.reason());
        }
        CandidateResult.Totals t = r.totals();
        if (t == null) {
            return;
        }
        m.put("total", t.score());
        m.put("max", t.max());
        m.put("percent", t.percent());
        m.put("answered", t.answered());
        m.put("unanswered", t.unanswered());
        m.put("needsReview", t.needsReview());
        ObjectNode scores = m.putObject("scores");
        for (int i = 0; i < cohort.questions().size(); i++) {
            scores.put(cohort.questions().get(i).id(), i < r.scores().size() ? r.scores().get(i) : null);
        }
    }

    private static void problem(ObjectNode m, BatchProblem p, boolean anonymized) {
        // A submission file's path may name the candidate (the anonymization map has it); a table's does not.
        if (!(anonymized && p.candidate() != null && p.location() == null)) {
            m.put("source", p.source());
        }
        if (p.location() != null) {
            m.put("location", p.location());
        }
        if (p.candidate() != null) {
            m.put("candidate", p.candidate());
        }
        m.put("reason", p.reason());
    }
}
