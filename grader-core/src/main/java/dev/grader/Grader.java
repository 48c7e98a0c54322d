package dev.grader;

import dev.grader.GradeReport.KeyPointResult;
import dev.grader.GradeReport.MisconceptionResult;
import dev.grader.feedback.FeedbackWriter;
import dev.grader.feedback.FollowUpPlanner;
import dev.grader.internal.Hashing;
import dev.grader.internal.Json;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLinter;
import dev.grader.rubric.RubricWriter;
import dev.grader.score.Score;
import dev.grader.score.Scorer;
import dev.grader.score.ScoringPolicy;
import dev.grader.score.Uncertainty;
import dev.grader.text.AnswerShape;
import dev.grader.text.AnswerText;
import dev.grader.text.InjectionDetector;
import dev.grader.text.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades free-text answers against a rubric.
 *
 * <ul>
 *   <li>per key point: covered, partial, missed or contradicted, with the quoted evidence span;</li>
 *   <li>misconceptions stated, with their corrections;</li>
 *   <li>a score with partial credit and penalties, and a verdict;</li>
 *   <li>the follow-up probes to ask next, and a feedback paragraph.</li>
 * </ul>
 *
 * <pre>{@code
 * Grader grader = Grader.builder()
 *         .rubric(Rubrics.defaultRubric())
 *         .build();                      // offline judge: no network, deterministic
 * GradeReport report = grader.grade("Q4", "Shutdown is graceful: it waits for in-flight handlers ...");
 * System.out.println(report.score() + " " + report.verdict());
 * }</pre>
 *
 * <p>A {@code Grader} is immutable, thread-safe and meant to be reused: build it once, grade many answers
 * from many threads. Answers are untrusted: text addressed to the grader is masked before any judge sees it.
 */
@Api(status = Api.Status.STABLE)
public final class Grader {

    /** A gap between the examples' grade and the reference score that a person should settle. */
    private static final double EXAMPLES_DISAGREE = 0.5;
    /** Below this similarity the nearest graded example says little about the answer. */
    private static final double EXAMPLES_FAR = 0.3;
    /** Share of an answer's terms in lists (not statements) from which a person should look at it. */
    private static final double LISTED_SHARE = 0.5;
    /** An answer of more words than this and {@link #LONG_ANSWER_FACTOR} times the model answer's gets a review. */
    static final int LONG_ANSWER_WORDS = 300;
    static final int LONG_ANSWER_FACTOR = 8;

    /** Answers longer than this many chars are graded on their prefix and flagged as truncated. */
    public static final int DEFAULT_MAX_ANSWER_CHARS = 32_768;

    private final Rubric rubric;
    private final Judge judge;
    private final ScoringPolicy scoring;
    private final int maxAnswerChars;
    private final String rubricSha256;
    private final Map<String, Question> questions;
    private final Map<Question, String> questionHashes = new ConcurrentHashMap<>();

    private Grader(Builder builder) {
        this.rubric = builder.rubric;
        Judge base = builder.judge != null ? builder.judge : OfflineJudge.create();
        if (builder.examples != null && !builder.examples.isEmpty()) {
            builder.examples.checkAgainst(builder.rubric);
            dev.grader.judge.ExampleJudge.Builder b = dev.grader.judge.ExampleJudge.builder(base, builder.examples)
                    .scoring(builder.scoring)
                    .encoder(encoderOf(base));
            if (builder.exampleWeights != null) {
                b.weights(builder.exampleWeights);
            }
            base = b.build();
        }
        this.judge = base;
        this.judge.prepare(builder.rubric);
        this.scoring = builder.scoring;
        this.maxAnswerChars = builder.maxAnswerChars;
        this.rubricSha256 = Hashing.sha256(RubricWriter.toJson(rubric));
        Map<String, Question> byId = new HashMap<>();
        for (Question q : rubric.questions()) {
            byId.putIfAbsent(q.id(), q);
        }
        this.questions = Map.copyOf(byId);
    }

    /**
     * What graded examples are compared with: the offline judge's own sentence encoder (none when it matches words
     * alone), or, for other judges, the installed encoder ({@code grader-embeddings}) if any.
     */
    private static dev.grader.judge.SentenceEncoder encoderOf(Judge judge) {
        Judge inner = judge instanceof dev.grader.judge.CachingJudge caching ? caching.judge() : judge;
        return inner instanceof OfflineJudge offline ? offline.sentenceEncoder()
                : dev.grader.judge.SentenceEncoderProvider.installed().orElse(null);
    }

    /** A builder: set the rubric (required), optionally the judge and scoring policy, then build. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Grades an answer to one question of the rubric.
     *
     * @param questionId the question id as written in the bank, such as {@code Q4}
     * @param answer     the candidate's answer; empty is allowed (it scores 0)
     * @throws UnknownQuestionException if the rubric has no such question (the message lists valid ids)
     */
    public GradeReport grade(String questionId, String answer) {
        Objects.requireNonNull(questionId, "questionId");
        Question question = questions.get(questionId);
        if (question == null) {
            throw new UnknownQuestionException(rubric.id(), questionId, rubric.questionIds());
        }
        return grade(question, answer);
    }

    /**
     * Grades an answer to a question that need not belong to the rubric (a follow-up turned into a question,
     * for instance). Audit fields still name this grader's rubric.
     */
    public GradeReport grade(Question question, String answer) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        boolean truncated = answer.length() > maxAnswerChars;
        String graded = AnswerText.sanitize(truncated ? cutAt(answer, maxAnswerChars) : answer);
        List<Span> injected = InjectionDetector.find(graded);
        String masked = AnswerText.mask(graded, injected);

        Assessment assessment = judge.assess(question, masked);
        Assessment checked = conform(question, assessment, answer);
        boolean manipulation = !injected.isEmpty();
        Score score = Scorer.score(question, checked, scoring, manipulation);
        if (checked.examples() != null) {
            // the report says what the examples changed: from the score the same findings give without them
            double without = Scorer.score(question, checked.withExamples(null), scoring, manipulation).score();
            Assessment.ExampleVote vote = checked.examples();
            checked = checked.withExamples(new Assessment.ExampleVote(round(without), vote.examplesScore(),
                    round(score.score() - without), vote.nearest(), vote.examplesSha256()));
        }

        List<KeyPointResult> points = pointResults(question, checked, scoring);
        List<MisconceptionResult> misconceptions = misconceptionResults(question, checked, points);
        List<String> reasons = reviewReasons(question, masked, checked, score, truncated, manipulation, points);
        suspicions(question, assessment, checked, answer).forEach(reasons::add);
        String feedback = checked.feedback() != null && !checked.feedback().isBlank()
                ? checked.feedback()
                : FeedbackWriter.write(score, points, misconceptions, manipulation);
        return new GradeReport(
                question.id(),
                question.prompt(),
                round(score.score()),
                round(score.points()),
                round(score.maxPoints()),
                score.verdict(),
                points,
                misconceptions,
                checked.errors().stream().map(e -> new GradeReport.WrongClaimResult(e.claim(), e.correction(),
                        e.judge(), e.evidence())).toList(),
                checked.examples(),
                FollowUpPlanner.plan(question, checked),
                feedback,
                !reasons.isEmpty(),
                reasons,
                new GradeReport.AnswerInfo(answer.length(), truncated, Hashing.sha256(answer)),
                checked.trace(),
                new GradeReport.Audit(rubric.id(), rubricSha256, questionHash(question), Version.get(), judge.info(),
                        scoring));
    }

    /** The rubric this grader grades against. */
    public Rubric rubric() {
        return rubric;
    }

    /** The judge deciding key points and misconceptions. */
    public Judge judge() {
        return judge;
    }

    /** How verdicts become points and a score. */
    public ScoringPolicy scoring() {
        return scoring;
    }

    /** SHA-256 of the rubric's canonical JSON, as reported in every report's audit. */
    public String rubricSha256() {
        return rubricSha256;
    }

    private String questionHash(Question question) {
        return questionHashes.computeIfAbsent(question, q -> Hashing.sha256(Json.compact(q)));
    }

    /**
     * Keeps a judge honest: one point per graded key point in rubric order (missing ones are missed), evidence
     * that really is a span of the answer, no unknown misconception ids.
     */
    private static Assessment conform(Question question, Assessment a, String original) {
        Map<String, Assessment.Point> byId = new HashMap<>();
        for (Assessment.Point p : a.points()) {
            byId.putIfAbsent(p.keyPointId(), p);
        }
        List<Assessment.Point> points = new ArrayList<>();
        for (KeyPoint k : question.gradedKeyPoints()) {
            Assessment.Point p = byId.get(k.id());
            if (p == null) {
                points.add(new Assessment.Point(k.id(), PointStatus.MISSED, 1.0, null, a.trace().llmCalls() > 0 ? "llm"
                        : "offline", null));
            } else {
                points.add(new Assessment.Point(p.keyPointId(), p.status(), p.confidence(),
                        requote(p.evidence(), original), p.judge(), p.reason(), p.credit()));
            }
        }
        Map<String, Misconception> known = new HashMap<>();
        question.gradedMisconceptions().forEach(m -> known.put(m.id(), m));
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Assessment.MisconceptionHit h : a.misconceptions()) {
            if (known.containsKey(h.misconceptionId()) && !h.suspected() && seen.add(h.misconceptionId())) {
                hits.add(new Assessment.MisconceptionHit(h.misconceptionId(), h.confidence(),
                        requote(h.evidence(), original), h.judge()));
            }
        }
        List<Assessment.WrongClaim> errors = new ArrayList<>();
        for (Assessment.WrongClaim e : a.errors()) {
            Evidence evidence = requote(e.evidence(), original);
            if (evidence != null) {
                errors.add(new Assessment.WrongClaim(e.claim(), e.correction(), evidence, e.judge()));
            }
        }
        return new Assessment(points, hits, a.probes(), a.feedback(), a.trace(), errors, a.examples());
    }

    /** Evidence quotes always come from the answer as received, whatever the judge saw. */
    private static Evidence requote(Evidence e, String original) {
        if (e == null || e.end() > original.length()) {
            return null;
        }
        return Evidence.of(original, e.start(), e.end());
    }

    private static List<KeyPointResult> pointResults(Question question, Assessment a, ScoringPolicy scoring) {
        Map<String, KeyPoint> byId = new HashMap<>();
        question.gradedKeyPoints().forEach(k -> byId.put(k.id(), k));
        List<KeyPointResult> out = new ArrayList<>();
        for (Assessment.Point p : a.points()) {
            KeyPoint k = byId.get(p.keyPointId());
            out.add(new KeyPointResult(k.id(), k.text(), k.weight(), p.status(), round3(p.confidence()), p.judge(),
                    p.status() == PointStatus.MISSED ? null : p.evidence(), p.reason(),
                    round3(Scorer.credit(p, scoring))));
        }
        return out;
    }

    /** Rubric misconceptions stated, then contradicted key points (a stated opposite is a misconception too). */
    private static List<MisconceptionResult> misconceptionResults(Question question, Assessment a,
                                                                  List<KeyPointResult> points) {
        Map<String, Misconception> byId = new HashMap<>();
        question.gradedMisconceptions().forEach(m -> byId.put(m.id(), m));
        List<MisconceptionResult> out = new ArrayList<>();
        for (Assessment.MisconceptionHit h : a.misconceptions()) {
            Misconception m = byId.get(h.misconceptionId());
            out.add(new MisconceptionResult(m.id(), m.text(), m.correction(), "rubric", round3(h.confidence()),
                    h.judge(), h.evidence()));
        }
        for (KeyPointResult p : points) {
            if (p.status() == PointStatus.CONTRADICTED) {
                out.add(new MisconceptionResult(p.id(), "States the opposite of: " + p.text(), p.text(),
                        "contradiction", p.confidence(), p.judge(), p.evidence()));
            }
        }
        return out;
    }

    /** Misconceptions the judge suspects but did not confirm, as review reasons naming them and where. */
    private static List<String> suspicions(Question question, Assessment judged, Assessment checked, String original) {
        java.util.Set<String> stated = new java.util.HashSet<>();
        checked.misconceptions().forEach(h -> stated.add(h.misconceptionId()));
        List<String> out = new ArrayList<>();
        for (Assessment.MisconceptionHit h : judged.misconceptions()) {
            if (!h.suspected() || !stated.add(h.misconceptionId())) {
                continue;
            }
            question.gradedMisconceptions().stream().filter(m -> m.id().equals(h.misconceptionId())).findFirst()
                    .ifPresent(m -> {
                        Evidence e = requote(h.evidence(), original);
                        out.add("the answer may state the misconception \u201c" + m.text() + "\u201d"
                                + (e == null ? "" : " in \u201c" + e.quote() + "\u201d"));
                    });
        }
        return out;
    }

    private List<String> reviewReasons(Question question, String answer, Assessment a, Score score,
                                       boolean truncated, boolean manipulation, List<KeyPointResult> points) {
        List<String> reasons = new ArrayList<>();
        if (manipulation) {
            reasons.add("the answer contains text addressed to the grader (masked, not graded)");
        }
        if (truncated) {
            reasons.add("the answer exceeds " + maxAnswerChars + " chars; only its beginning was graded");
        }
        if (a.trace().fallback() != null) {
            reasons.add("judge fallback: " + a.trace().fallback());
        }
        reasons.addAll(a.trace().review());
        Assessment.ExampleVote vote = a.examples();
        if (vote != null) {
            if (Math.abs(vote.examplesScore() - vote.referenceScore()) >= EXAMPLES_DISAGREE) {
                reasons.add(String.format(Locale.ROOT, "the graded examples and the model answer disagree: the "
                        + "nearest examples scored %d%%, the key points give %d%%",
                        Math.round(vote.examplesScore() * 100), Math.round(vote.referenceScore() * 100)));
            }
            double nearest = vote.nearest().isEmpty() ? 0 : vote.nearest().get(0).similarity();
            if (nearest < EXAMPLES_FAR) {
                reasons.add(String.format(Locale.ROOT, "the answer is unlike every graded example of this question "
                        + "(the nearest has similarity %.2f)", nearest));
            }
        }
        if (!a.errors().isEmpty()) {
            reasons.add(a.errors().size() + " false claim(s) the rubric does not list, found by the "
                    + a.errors().get(0).judge() + " judge");
        }
        if (a.trace().disagreements() > 0) {
            reasons.add(a.trace().disagreements() + " key point(s) with disagreeing judges");
        }
        long unsure = points.stream().filter(p -> p.confidence() < 0.5).count();
        boolean nearPass = Math.abs(score.score() - scoring.passThreshold()) < 0.1;
        if (unsure > 0 && nearPass) {
            reasons.add(unsure + " low-confidence key point(s) and a score near the pass mark");
        }
        int words = AnswerShape.words(answer);
        int modelWords = words > LONG_ANSWER_WORDS ? Math.max(1, AnswerShape.words(question.modelAnswer())) : 0;
        if (words > LONG_ANSWER_WORDS && words > LONG_ANSWER_FACTOR * modelWords) {
            reasons.add(String.format(Locale.ROOT, "the answer is %d times as long as the model answer, so it can "
                    + "touch key points by chance", words / modelWords));
        }
        List<String> hedges = dev.grader.text.Hedges.of(answer);
        if (dev.grader.text.Hedges.uncommitted(hedges)) {
            reasons.add("the answer hedges (" + String.join(", ", hedges.subList(0, Math.min(4, hedges.size())))
                    + "): it earns credit for what it names, and a person should judge what it commits to");
        }
        if (AnswerShape.listShare(answer) >= LISTED_SHARE) {
            reasons.add("the answer is mostly a list of terms, which states no relation between them");
        }
        if (Uncertainty.mixed(a)) {
            reasons.add(a.misconceptions().isEmpty() ? "the answer states some key points and contradicts others"
                    : "the answer states some key points and also a misconception");
        } else if (Uncertainty.of(question, a, score) >= Uncertainty.REVIEW_THRESHOLD) {
            long partial = points.stream().filter(p -> p.status() == PointStatus.PARTIAL).count();
            reasons.add(String.format(Locale.ROOT,
                    "a mid-range score resting on %d partly matched key point(s) of %d", partial, points.size()));
        }
        return reasons;
    }

    private static String cutAt(String s, int max) {
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    private static double round3(double v) {
        return Math.round(v * 1_000d) / 1_000d;
    }

    /**
     * Configures a {@link Grader}. Each setting is validated when set; a rubric is required.
     */
    public static final class Builder {

        private Rubric rubric;
        private Judge judge;
        private ScoringPolicy scoring = ScoringPolicy.DEFAULT;
        private int maxAnswerChars = DEFAULT_MAX_ANSWER_CHARS;
        private dev.grader.examples.GradedExamples examples;
        private dev.grader.examples.ExampleWeights exampleWeights;

        private Builder() {
        }

        /**
         * Answers already graded for the rubric's questions: the judge's score is corrected by how it fared on the
         * nearest of them ({@link dev.grader.judge.ExampleJudge}). Checked against the rubric when the grader is
         * built. Without examples (or with {@link dev.grader.examples.GradedExamples#NONE}) grading is
         * reference-based alone.
         */
        public Builder examples(dev.grader.examples.GradedExamples examples) {
            this.examples = Objects.requireNonNull(examples, "examples");
            return this;
        }

        /** Example weights fitted before for the same rubric, examples and judge, so they are not fitted again. */
        public Builder exampleWeights(dev.grader.examples.ExampleWeights weights) {
            this.exampleWeights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** The rubric to grade against (required); checked for errors when the grader is built. */
        public Builder rubric(Rubric rubric) {
            this.rubric = Objects.requireNonNull(rubric, "rubric");
            return this;
        }

        /** Loads and validates the rubric file now, so a bad file fails here rather than at first grade. */
        public Builder rubric(Path rubricFile) {
            return rubric(Rubrics.fromFile(Objects.requireNonNull(rubricFile, "rubricFile")));
        }

        /** The judge; defaults to {@link OfflineJudge#create()} (lexical and embedding signals, no network). */
        public Builder judge(Judge judge) {
            this.judge = Objects.requireNonNull(judge, "judge");
            return this;
        }

        /** How verdicts become points; defaults to {@link ScoringPolicy#DEFAULT}. */
        public Builder scoring(ScoringPolicy scoring) {
            this.scoring = Objects.requireNonNull(scoring, "scoring");
            return this;
        }

        /** Answers longer than this are graded on their first {@code chars} chars and flagged; at least 100. */
        public Builder maxAnswerChars(int chars) {
            if (chars < 100) {
                throw new IllegalArgumentException("maxAnswerChars must be at least 100, found " + chars);
            }
            this.maxAnswerChars = chars;
            return this;
        }

        /**
         * @throws IllegalStateException if no rubric was set
         * @throws InvalidInputException if the rubric has errors (duplicate ids, no key points, ...)
         */
        public Grader build() {
            if (rubric == null) {
                throw new IllegalStateException("rubric must be set before build()");
            }
            RubricLinter.requireUsable(rubric, "rubric " + rubric.id());
            return new Grader(this);
        }
    }
}
