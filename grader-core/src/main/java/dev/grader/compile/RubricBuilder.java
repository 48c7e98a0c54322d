package dev.grader.compile;

import dev.grader.compile.RawQuestion.RawFollowUp;
import dev.grader.compile.RawQuestion.RawWrongAnswer;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the rubric from parsed questions: claims become key points, wrong answers misconceptions. */
final class RubricBuilder {

    private RubricBuilder() {
    }

    /** @param skipped where questions without a key point go; null to fail on the first one */
    static Rubric build(RawBank bank, String rubricId, RubricSource source, List<SkippedQuestion> skipped) {
        Map<RawQuestion, List<Claim>> claims = new LinkedHashMap<>();
        List<String> allTexts = new ArrayList<>();
        for (RawQuestion q : bank.questions()) {
            List<Claim> qc = ClaimSplitter.split(q.modelAnswer(), InterviewerNotes.split(q.prompt()).prompt());
            if (qc.isEmpty()) {
                qc = ClaimSplitter.terse(q.modelAnswer());
            }
            if (qc.isEmpty()) {
                BankSyntaxException e = new BankSyntaxException(q.line(), "question " + q.id()
                        + ": no key points could be extracted from its model answer");
                if (skipped == null) {
                    throw e;
                }
                skipped.add(new SkippedQuestion(q.id(), e.location(), e.getMessage()));
                continue;
            }
            claims.put(q, qc);
            qc.forEach(c -> allTexts.add(c.text()));
            q.wrongAnswers().forEach(w -> allTexts.add(w.text()));
        }
        TermExtractor terms = new TermExtractor(allTexts);
        List<Question> questions = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (Map.Entry<RawQuestion, List<Claim>> e : claims.entrySet()) {
            questions.add(question(e.getKey(), e.getValue(), terms, usedIds));
        }
        if (claims.isEmpty()) {
            SkippedQuestion first = skipped.get(0);
            throw new BankSyntaxException(0, "no question could be compiled (" + skipped.size() + " skipped; the "
                    + "first: " + first.message("").substring(2) + ")");
        }
        String title = bank.title() != null ? bank.title() : rubricId;
        return new Rubric(Rubric.FORMAT_VERSION, rubricId, title, bank.description(), source, questions);
    }

    private static Question question(RawQuestion q, List<Claim> claims, TermExtractor terms, Set<String> usedIds) {
        InterviewerNotes.Split split = InterviewerNotes.split(q.prompt());
        String prompt = split.prompt();
        List<dev.grader.rubric.Note> notes = new ArrayList<>(q.notes());
        if (split.note() != null) {
            notes.add(0, split.note());
        }
        boolean single = claims.size() == 1;
        List<KeyPoint> keyPoints = new ArrayList<>();
        for (Claim c : claims) {
            List<String> aliases = new ArrayList<>(c.aliases());
            if (single) {
                // a one-claim answer: the accepted alternatives are paraphrases of that claim
                q.acceptedAnswers().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
            }
            List<String> t = terms.terms(c.text(), prompt);
            keyPoints.add(new KeyPoint(unique(Ids.of(q.id(), 'k', c.text()), usedIds), c.text(), c.weight(), t,
                    aliases));
        }
        List<Misconception> misconceptions = new ArrayList<>();
        for (RawWrongAnswer w : q.wrongAnswers()) {
            String text = ClaimSplitter.clean(w.text());
            if (text.isBlank()) {
                continue;
            }
            List<String> t = terms.terms(text, prompt);
            List<String> aliases = w.aliases().stream().map(ClaimSplitter::clean).filter(a -> !a.isBlank())
                    .distinct().toList();
            misconceptions.add(new Misconception(unique(Ids.of(q.id(), 'm', text), usedIds), text,
                    w.correction(), t, null, aliases));
        }
        List<FollowUp> followUps = new ArrayList<>();
        for (RawFollowUp f : q.followUps()) {
            List<String> probes = FollowUpLinker.probes(f.question(), f.answer(), keyPoints, terms);
            followUps.add(new FollowUp(unique(Ids.of(q.id(), 'f', f.question()), usedIds), f.question(),
                    f.answer(), probes));
        }
        Integer expected = ExpectedPoints.of(prompt, keyPoints.size());
        return new Question(q.id(), q.level(), prompt, q.modelAnswer(), q.acceptedAnswers(), expected, keyPoints,
                misconceptions, followUps, List.copyOf(notes), q.code());
    }

    /** Identical texts in one question are merged by the splitter; across questions the id prefix differs. */
    private static String unique(String id, Set<String> used) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
