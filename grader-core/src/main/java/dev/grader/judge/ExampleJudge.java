package dev.grader.judge;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.examples.ExampleIndex;
import dev.grader.examples.ExampleWeights;
import dev.grader.examples.GradedExample;
import dev.grader.examples.GradedExamples;
import dev.grader.examples.MisconceptionModel;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.score.Scorer;
import dev.grader.score.ScoringPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades by example: a reference judge's findings, corrected by how that judge fared on the answers already
 * graded for the same question that are nearest in meaning.
 *
 * <p>For each answer, the {@link ExampleWeights#neighbours()} nearest examples of its question vote with weights
 * {@code similarity^power}. Their vote is how far the reference judge's score was off on them (the residual: a
 * judge that over-credits confident wrong answers over-credits the answers that resemble them) and their own
 * grade. The correction added to the reference score is {@code (residual * r + (vote - reference) * v) *
 * nearest^nearness}: it fades when no example is near. The weights {@code r} and {@code v} are fitted on the
 * examples themselves, each predicted from the others of its question (leave-one-out), by least squares over the
 * whole rubric; so a pool whose examples do not predict each other earns little say. Without examples for a
 * question the reference judge decides alone, exactly as it would without this policy.
 *
 * <pre>{@code
 * Judge judge = ExampleJudge.builder(OfflineJudge.create(), GradedExamples.read(Path.of("graded.jsonl")))
 *         .encoder(SentenceEncoderProvider.installed().orElseThrow())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe; per question, examples are graded and embedded once, on first use.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ExampleJudge implements Judge {

    /** The value of {@code policy} in {@link #info()}. */
    public static final String NAME = "examples";
    /** The similarity of an answer to an example that is the same answer (up to case, spacing and punctuation). */
    static final double SAME_ANSWER = 0.98;
    /** How many nearest examples are shown in a report. */
    private static final int SHOWN = 3;

    private final Judge reference;
    private final GradedExamples examples;
    private final SentenceEncoder encoder;
    private final ScoringPolicy scoring;
    private final ExampleWeights fixedWeights;
    private final dev.grader.examples.ExampleWeightsStore store;
    private final Map<Question, Pool> pools = new ConcurrentHashMap<>();
    private volatile Rubric rubric;
    private volatile Fitted fitted;

    /**
     * A question's own leave-one-out rows count as this many examples against the rubric's weights: a question
     * with as many examples as this gets weights halfway between its own fit and the rubric's.
     */
    static final double QUESTION_PRIOR = 40;

    /** The rubric's weights, and those of the questions with examples enough to have their own. */
    private record Fitted(ExampleWeights rubric, Map<String, ExampleWeights> byQuestion) {
        ExampleWeights of(Question q) {
            return byQuestion.getOrDefault(q.id(), rubric);
        }
    }

    private ExampleJudge(Builder b) {
        this.reference = b.reference;
        this.examples = b.examples;
        this.encoder = b.encoder;
        this.scoring = b.scoring;
        this.fixedWeights = b.weights;
        this.store = b.store;
    }

    /** Bump when the fitting changes: weights stored by another method are not reused. */
    static final String FIT_VERSION = "loo-residual-vote-3-sentence-means+misconceptions-4";

    /** What the fitted weights depend on, for {@link dev.grader.examples.ExampleWeightsStore}. */
    private String storeKey(Rubric r) {
        // the build, too: another build may grade the examples differently, and the weights fit those grades
        return dev.grader.internal.Hashing.sha256(String.join("\n", FIT_VERSION, dev.grader.Version.build(),
                dev.grader.internal.Hashing.sha256(dev.grader.rubric.RubricWriter.toJson(r)), examples.sha256(),
                dev.grader.internal.Json.compact(reference.info()), dev.grader.internal.Json.compact(scoring),
                encoder == null ? "words" : encoder.name()));
    }

    public static Builder builder(Judge reference, GradedExamples examples) {
        return new Builder(reference, examples);
    }

    @Override
    public Assessment assess(Question question, String answer) {
        Assessment found = reference.assess(question, answer);
        Pool pool = pool(question);
        if (pool == null || !saysAnything(answer)) {
            return found; // an empty answer is near nothing: it earns no grade from its neighbours
        }
        double ref = Scorer.score(question, found, scoring).score();
        List<float[]> sentences = pool.index.sentenceVectors(answer);
        Object answerVector = pool.index.vector(answer, sentences);
        ExampleWeights w = fixedWeights != null ? fixedWeights : fitted().of(question);
        Vote vote = pool.vote(answerVector, -1, w.neighbours(), w.power());
        double adjustment = w.correction(vote.residual(), vote.grade() - ref, vote.nearest());
        double adjusted = clamp(ref + adjustment);
        // the same answer, graded by a person before: their grade is the grade
        double same = 0;
        int sameCount = 0;
        Boolean sameStates = null;
        for (ExampleIndex.Hit h : vote.order()) {
            if (h.similarity() >= SAME_ANSWER) {
                same += h.example().fraction();
                sameCount++;
                sameStates = sameStates != null ? sameStates : h.example().statesMisconception().orElse(null);
            }
        }
        if (sameCount > 0) {
            adjusted = clamp(same / sameCount);
        }
        Assessment judged = found;
        if (w.misconceptions() != null && ExampleMisconceptions.reports(found)) {
            List<ExampleIndex.Hit> all = pool.index.nearest(answerVector, pool.examples.size(), -1);
            MisconceptionModel.Signals signals = ExampleMisconceptions.signals(found, ref, all, w.neighbours(),
                    w.power(), sentences, pool.index, -1, pool.texts);
            // a person's mark on the same answer decides; else the model
            boolean confirmed = sameStates != null ? sameStates : w.misconceptions().confirms(signals);
            judged = ExampleMisconceptions.confirm(found, confirmed);
        }
        // the examples decide the score; what they changed in the findings is shown, not counted twice
        double judgedRef = judged == found ? ref : Scorer.score(question, judged, scoring).score();
        List<Assessment.Neighbour> shown = new ArrayList<>();
        for (ExampleIndex.Hit h : vote.order().subList(0, Math.min(SHOWN, vote.order().size()))) {
            GradedExample ex = h.example();
            shown.add(new Assessment.Neighbour(ex.id(), ex.score(), ex.scale(), round(h.similarity()), ex.answer()));
        }
        return judged.withExamples(new Assessment.ExampleVote(round(judgedRef), round(vote.grade()),
                round(adjusted - judgedRef), shown, examples.sha256()));
    }

    /**
     * The rubric's weights: given to the builder, or fitted on the examples on first need. A question with
     * examples of its own may refine them ({@link #weights(Question)}).
     */
    public ExampleWeights weights() {
        return fixedWeights != null ? fixedWeights : fitted().rubric();
    }

    /** The weights a question is graded with. */
    public ExampleWeights weights(Question question) {
        return fixedWeights != null ? fixedWeights : fitted().of(question);
    }

    private Fitted fitted() {
        Fitted f = fitted;
        if (f == null) {
            synchronized (this) {
                f = fitted;
                if (f == null) {
                    f = loadOrFit();
                    fitted = f;
                }
            }
        }
        return f;
    }

    private Fitted loadOrFit() {
        Rubric r = rubric;
        String key = store != null && r != null ? storeKey(r) : null;
        if (key != null) {
            Optional<ExampleWeights> stored = store.load(key);
            if (stored.isPresent()) {
                Map<String, ExampleWeights> byQuestion = new HashMap<>();
                boolean complete = true;
                for (Question q : r.questions()) {
                    if (examples.forQuestion(q.id()).size() > 1) {
                        Optional<ExampleWeights> own = store.load(questionKey(key, q));
                        complete &= own.isPresent();
                        own.ifPresent(w -> byQuestion.put(q.id(), w));
                    }
                }
                if (complete) {
                    return new Fitted(stored.get(), Map.copyOf(byQuestion));
                }
            }
        }
        Fitted f = fit();
        if (key != null) {
            store.save(key, f.rubric());
            f.byQuestion().forEach((id, w) -> r.question(id).ifPresent(q -> store.save(questionKey(key, q), w)));
        }
        return f;
    }

    private static String questionKey(String key, Question q) {
        return dev.grader.internal.Hashing.sha256(key + "\nquestion " + q.id());
    }

    /**
     * Leave-one-out over every question of the rubric that has examples, for each neighbourhood tried; then each
     * question's own weights at the chosen neighbourhood, drawn toward the rubric's by {@link #QUESTION_PRIOR}.
     */
    private Fitted fit() {
        Rubric r = rubric;
        List<Question> questions = r == null ? new ArrayList<>(pools.keySet()) : r.questions();
        List<ExampleWeights.LeftOut> tried = new ArrayList<>();
        Map<String, Map<String, List<double[]>>> rowsByQuestion = new HashMap<>();
        for (int k : ExampleWeights.NEIGHBOURS) {
            for (double power : ExampleWeights.POWERS) {
                List<double[]> rows = new ArrayList<>();
                Map<String, List<double[]>> own = new HashMap<>();
                for (Question q : questions) {
                    Pool pool = pool(q);
                    if (pool == null) {
                        continue;
                    }
                    List<double[]> questionRows = new ArrayList<>();
                    for (int i = 0; i < pool.examples.size(); i++) {
                        Vote v = pool.vote(pool.index.vectorOf(i), i, k, power);
                        if (!v.order().isEmpty()) {
                            double ref = pool.referenceScores[i];
                            questionRows.add(new double[] {v.residual(), v.grade() - ref, v.nearest(),
                                pool.examples.get(i).fraction() - ref});
                        }
                    }
                    rows.addAll(questionRows);
                    own.put(q.id(), questionRows);
                }
                tried.add(new ExampleWeights.LeftOut(k, power, rows));
                rowsByQuestion.put(k + "/" + power, own);
            }
        }
        ExampleWeights fittedShares = ExampleWeights.fit(tried);
        ExampleWeights chosen = fittedShares.withMisconceptions(fitMisconceptions(questions, fittedShares));
        Map<String, ExampleWeights> byQuestion = new HashMap<>();
        Map<String, List<double[]>> own = rowsByQuestion.get(chosen.neighbours() + "/" + chosen.power());
        if (own != null) {
            own.forEach((id, rows) -> {
                if (!rows.isEmpty()) {
                    byQuestion.put(id, chosen.forQuestion(rows, QUESTION_PRIOR));
                }
            });
        }
        return new Fitted(chosen, Map.copyOf(byQuestion));
    }

    /**
     * When the examples mark which of them state a misconception: the model that weighs a reported one, fitted on
     * each marked example the reference judge reported one in, as judged from the others of its question; else
     * null.
     */
    private MisconceptionModel fitMisconceptions(List<Question> questions, ExampleWeights w) {
        List<MisconceptionModel.Row> rows = new ArrayList<>();
        for (Question q : questions) {
            Pool pool = pool(q);
            if (pool == null) {
                continue;
            }
            for (int i = 0; i < pool.examples.size(); i++) {
                Optional<Boolean> states = pool.examples.get(i).statesMisconception();
                if (states.isPresent() && ExampleMisconceptions.reports(pool.referenceAssessments[i])) {
                    List<ExampleIndex.Hit> others = pool.index.nearest(pool.index.vectorOf(i), pool.examples.size(),
                            i);
                    rows.add(new MisconceptionModel.Row(ExampleMisconceptions.signals(pool.referenceAssessments[i],
                            pool.referenceScores[i], others, w.neighbours(), w.power(),
                            pool.index.sentenceVectorsOf(i), pool.index, i, pool.texts), states.get()));
                }
            }
        }
        return MisconceptionModel.fit(rows);
    }

    private static boolean saysAnything(String answer) {
        return dev.grader.text.Tokenizer.tokenize(answer).stream().anyMatch(dev.grader.text.Token::content);
    }

    private Pool pool(Question question) {
        List<GradedExample> own = examples.forQuestion(question.id());
        if (own.isEmpty()) {
            return null;
        }
        return pools.computeIfAbsent(question, q -> new Pool(q, own));
    }

    /** The examples of one question, graded by the reference judge and indexed once. */
    private final class Pool {
        final List<GradedExample> examples;
        final double[] referenceScores;
        final Assessment[] referenceAssessments;
        final ExampleIndex index;
        final ExampleMisconceptions.Texts texts;

        Pool(Question question, List<GradedExample> examples) {
            this.examples = examples;
            this.referenceScores = new double[examples.size()];
            this.referenceAssessments = new Assessment[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                referenceAssessments[i] = reference.assess(question, examples.get(i).answer());
                referenceScores[i] = Scorer.score(question, referenceAssessments[i], scoring).score();
            }
            this.index = new ExampleIndex(examples, encoder);
            this.texts = ExampleMisconceptions.Texts.of(question, encoder);
        }

        /** The vote of the {@code k} nearest examples, leaving out {@code skip} (or none when negative). */
        Vote vote(Object vector, int skip, int k, double power) {
            double sum = 0;
            double residual = 0;
            double grade = 0;
            List<ExampleIndex.Hit> hits = index.nearest(vector, k, skip);
            for (ExampleIndex.Hit h : hits) {
                double weight = Math.pow(Math.max(0, h.similarity()), power);
                sum += weight;
                residual += weight * (h.example().fraction() - referenceScores[h.index()]);
                grade += weight * h.example().fraction();
            }
            double nearest = hits.isEmpty() ? 0 : Math.max(0, hits.get(0).similarity());
            if (sum <= 0) {
                return new Vote(0, hits.isEmpty() ? 0 : hits.get(0).example().fraction(), 0, hits);
            }
            return new Vote(residual / sum, grade / sum, nearest, hits);
        }
    }

    /**
     * @param residual how far the reference score was off on the nearest examples, similarity-weighted
     * @param grade    their similarity-weighted grade
     * @param nearest  the similarity of the nearest one, 0..1
     * @param order    the examples that voted, nearest first
     */
    private record Vote(double residual, double grade, double nearest, List<ExampleIndex.Hit> order) {
    }

    /**
     * The reference judge's: a question without examples is graded exactly as that judge grades it, and an answer
     * graded by example says so in its report (which examples, the nearest, the correction). Settings then stay
     * the same when only the examples change, so a batch rerun regrades only who answered a question whose
     * examples changed.
     */
    @Override
    public JudgeInfo info() {
        return reference.info();
    }

    @Override
    public void prepare(Rubric rubric) {
        reference.prepare(rubric);
        this.rubric = rubric;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    /** Configures an {@link ExampleJudge}; the reference judge and the examples are required. */
    public static final class Builder {
        private final Judge reference;
        private final GradedExamples examples;
        private SentenceEncoder encoder;
        private ScoringPolicy scoring = ScoringPolicy.DEFAULT;
        private ExampleWeights weights;
        private dev.grader.examples.ExampleWeightsStore store;

        private Builder(Judge reference, GradedExamples examples) {
            this.reference = Objects.requireNonNull(reference, "reference");
            this.examples = Objects.requireNonNull(examples, "examples");
        }

        /** Nearness in meaning by sentence embeddings; without one, by shared words (stems weighted by rarity). */
        public Builder encoder(SentenceEncoder encoder) {
            this.encoder = encoder;
            return this;
        }

        /** The policy that turns the reference judge's findings into the score the examples correct. */
        public Builder scoring(ScoringPolicy scoring) {
            this.scoring = Objects.requireNonNull(scoring, "scoring");
            return this;
        }

        /** Weights fitted before (see {@link ExampleJudge#weights()}), so they need not be fitted again. */
        public Builder weights(ExampleWeights weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** Keeps fitted weights between runs (a disk cache, for instance); none by default. */
        public Builder weightsStore(dev.grader.examples.ExampleWeightsStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public ExampleJudge build() {
            return new ExampleJudge(this);
        }
    }
}
