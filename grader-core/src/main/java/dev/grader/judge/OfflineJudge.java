package dev.grader.judge;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.match.Matcher;
import dev.grader.rubric.Question;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default judge: no network, no key, deterministic. It matches each key point and misconception against
 * the sentences and clauses of the answer with
 * <ul>
 *   <li>lexical signals: stems (Snowball), typo tolerance (Levenshtein, Jaro-Winkler), code identifiers kept
 *       whole and split, compounds written apart or together, words of the question itself discounted;</li>
 *   <li>semantic signals: in-process sentence embeddings (all-MiniLM-L6-v2, quantised), so a paraphrase with
 *       few shared words still earns the point;</li>
 *   <li>polarity: negation scope, opposite words and swapped subjects make a match a contradiction.</li>
 * </ul>
 *
 * <pre>{@code
 * Judge judge = OfflineJudge.create();                                  // lexical + embeddings
 * Judge fast = OfflineJudge.builder().embeddings(false).build();         // lexical only, thousands per second
 * }</pre>
 *
 * <p>Thread-safe; prepared key points and their vectors are cached per question.
 */
@Api(status = Api.Status.STABLE)
public final class OfflineJudge implements Judge {

    /** The value of {@code judge} in reports for points this judge decided. */
    public static final String NAME = "offline";

    /**
     * The {@code embeddings} setting of a judge asked for embeddings when no {@link SentenceEncoderProvider} is
     * installed: it grades lexically, exactly as with {@code embeddings(false)}.
     */
    public static final String EMBEDDINGS_MISSING = "off (grader-embeddings not on the class path)";

    private final Matcher matcher;
    private final SentenceEncoder encoder;
    private final JudgeInfo info;

    private OfflineJudge(Builder b) {
        SentenceEncoder encoder = !b.embeddings ? null
                : b.encoder != null ? b.encoder : SentenceEncoderProvider.installed().orElse(null);
        MatchSettings settings = b.settings != null ? b.settings : encoder != null ? MatchSettings.DEFAULT
                : MatchSettings.LEXICAL;
        this.matcher = new Matcher(settings, encoder, NAME);
        this.encoder = encoder;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("embeddings", encoder != null ? encoder.name() : b.embeddings ? EMBEDDINGS_MISSING : "off");
        s.put("covered", settings.covered());
        s.put("partial", settings.partial());
        s.put("lexicalWeight", settings.lexicalWeight());
        s.put("misconception", settings.misconception());
        this.info = new JudgeInfo(NAME, s);
    }

    /** The offline judge with embeddings and default settings. */
    public static OfflineJudge create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Assessment assess(Question question, String answer) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        return matcher.assess(question, answer);
    }

    /** The sentence encoder this judge reads meaning with, or null when it matches words alone. */
    public SentenceEncoder sentenceEncoder() {
        return encoder;
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public void prepare(dev.grader.rubric.Rubric rubric) {
        matcher.prepare(rubric);
    }

    /** Configures an {@link OfflineJudge}. */
    public static final class Builder {
        private boolean embeddings = true;
        private SentenceEncoder encoder;
        private MatchSettings settings;

        private Builder() {
        }

        /**
         * Whether to use sentence embeddings (default true); off is much faster and needs no model. On, the
         * encoder comes from the installed {@link SentenceEncoderProvider} ({@code grader-embeddings}); without
         * one the judge grades lexically, as with {@code false}, and its settings say so.
         */
        public Builder embeddings(boolean on) {
            this.embeddings = on;
            return this;
        }

        /** A different sentence encoder (for tests or another model); implies embeddings on. */
        public Builder encoder(SentenceEncoder encoder) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            this.embeddings = true;
            return this;
        }

        /** Matching thresholds and weights; defaults are tuned on development data. */
        public Builder settings(MatchSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public OfflineJudge build() {
            return new OfflineJudge(this);
        }
    }
}
