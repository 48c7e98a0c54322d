package dev.grader.match;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.PointStatus;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides key points and misconceptions for one answer from the lexical, semantic and polarity signals.
 *
 * <p>For every key point, each of its phrasings is matched against each window of the answer. A window that
 * states the claim with the same polarity supports it; one that negates it, says the opposite word, or makes
 * the claim about another entity of a comparison contradicts it. The best support decides covered or
 * partial; a contradiction decides only when nothing supports the point as well.
 */
public final class Matcher {

    private final MatchSettings settings;
    private final SentenceEncoder encoder;
    private final String judgeName;
    private final Map<Question, PreparedQuestion> prepared = new ConcurrentHashMap<>();

    /**
     * @param encoder sentence encoder, or null for lexical matching alone
     */
    public Matcher(MatchSettings settings, SentenceEncoder encoder, String judgeName) {
        this.settings = settings;
        this.encoder = encoder;
        this.judgeName = judgeName;
    }

    /** Prepares every question with word rarity measured across the whole rubric. */
    public void prepare(dev.grader.rubric.Rubric rubric) {
        Vocabulary vocabulary = Vocabulary.of(rubric);
        for (Question q : rubric.questions()) {
            prepared.put(q, new PreparedQuestion(q, vocabulary));
        }
    }

    public Assessment assess(Question question, String answer) {
        PreparedQuestion pq = prepared.computeIfAbsent(question, q -> new PreparedQuestion(q, Vocabulary.of(q)));
        AnswerModel am = new AnswerModel(answer, pq.context().entities());
        List<Window> windows = am.windows();
        float[][] windowVectors = null;
        List<float[]> textVectors = null;
        if (encoder != null && !windows.isEmpty()) {
            textVectors = pq.vectors(encoder);
            windowVectors = encodeWindows(am, windows);
        }
        Signals signals = new Signals(pq, am, windows, textVectors, windowVectors);
        List<Assessment.Point> points = new ArrayList<>();
        for (PreparedQuestion.Point p : pq.points()) {
            points.add(decidePoint(p, signals));
        }
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        for (PreparedQuestion.Myth m : pq.myths()) {
            Assessment.MisconceptionHit hit = decideMyth(m, signals);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return new Assessment(points, hits, List.of(), null, null);
    }

    private float[][] encodeWindows(AnswerModel am, List<Window> windows) {
        int limit = Math.min(windows.size(), 96);
        List<String> texts = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            Window w = windows.get(i);
            texts.add(am.text().substring(w.start(), w.end()));
        }
        List<float[]> vectors = encoder instanceof MiniLmEncoder mini ? mini.encodeUncached(texts) : encoder.encode(texts);
        float[][] out = new float[windows.size()][];
        for (int i = 0; i < limit; i++) {
            out[i] = vectors.get(i);
        }
        return out;
    }

    /** Per-answer signal cache shared by all key points and misconceptions. */
    private final class Signals {
        final PreparedQuestion pq;
        final AnswerModel am;
        final List<Window> windows;
        final List<float[]> textVectors;
        final float[][] windowVectors;
        final Map<PreparedText, Integer> textIndex = new java.util.IdentityHashMap<>();

        Signals(PreparedQuestion pq, AnswerModel am, List<Window> windows, List<float[]> textVectors,
                float[][] windowVectors) {
            this.pq = pq;
            this.am = am;
            this.windows = windows;
            this.textVectors = textVectors;
            this.windowVectors = windowVectors;
            List<PreparedText> all = pq.allTexts();
            for (int i = 0; i < all.size(); i++) {
                textIndex.put(all.get(i), i);
            }
        }

        double cosine(PreparedText text, int window) {
            if (windowVectors == null || windowVectors[window] == null) {
                return Double.NaN;
            }
            return SentenceEncoder.cosine(textVectors.get(textIndex.get(text)), windowVectors[window]);
        }
    }

    /** One text against one window: the combined match and what its polarity says. */
    private record Reading(double match, double lexical, double cosine, boolean contradicts, String why, int window) {
    }

    private Reading read(PreparedText text, int wi, Signals s) {
        Window w = s.windows.get(wi);
        LexicalMatch lex = LexicalMatcher.match(text, s.am, w);
        double cos = s.cosine(text, wi);
        double semantic = Double.isNaN(cos) ? lex.score()
                : clamp((cos - settings.semanticFloor()) / (settings.semanticCeiling() - settings.semanticFloor()));
        double lexWeight = Double.isNaN(cos) ? 1.0 : settings.lexicalWeight();
        double match = lexWeight * lex.score() + (1 - lexWeight) * semantic;
        if (w.listItem()) {
            match *= settings.listItemFactor();
        }
        Entities entities = s.pq.context().entities();
        boolean swapped = entities.comparative() && text.subject() != null && w.subject() != null
                && !w.subject().equals(text.subject())
                && !entities.mentions(s.am.text(), s.am.tokens(), w.from(), w.to(), text.subject());
        boolean strong = lex.score() >= settings.contradictionSupport();
        String why = null;
        boolean contradicts = false;
        if (swapped && strong) {
            contradicts = true;
            why = "states it about another subject";
        } else if (strong && lex.polarityConflict()) {
            contradicts = true;
            why = text.negative() ? "the answer affirms what the key point denies" : "negated in the answer";
        } else if (lex.antonymShare() > 0 && lex.score() + lex.antonymShare() >= settings.contradictionSupport()
                && lex.score() >= settings.contradictionSupport() * 0.5) {
            contradicts = true;
            why = "the answer says the opposite";
        } else if (swapped) {
            match *= 0.3; // said of another entity: weak support at best
        }
        return new Reading(match, lex.score(), cos, contradicts, why, wi);
    }

    private Assessment.Point decidePoint(PreparedQuestion.Point point, Signals s) {
        Reading bestSupport = null;
        Reading bestContra = null;
        for (PreparedText text : point.texts()) {
            for (int wi = 0; wi < s.windows.size(); wi++) {
                Reading r = read(text, wi, s);
                if (r.contradicts()) {
                    if (bestContra == null || r.match() > bestContra.match()) {
                        bestContra = r;
                    }
                } else if (bestSupport == null || r.match() > bestSupport.match()) {
                    bestSupport = r;
                }
            }
        }
        String id = point.keyPoint().id();
        double support = bestSupport == null ? 0 : bestSupport.match();
        double contra = bestContra == null ? 0 : bestContra.match();
        if (support >= settings.covered() && support >= contra) {
            return point(id, PointStatus.COVERED, confidence(support, settings.covered()), bestSupport, s, null);
        }
        if (contra >= settings.partial() && contra > support) {
            return point(id, PointStatus.CONTRADICTED, confidence(contra, settings.partial()), bestContra, s,
                    bestContra.why());
        }
        if (support >= settings.partial()) {
            double conf = Math.min(confidence(support, settings.partial()), confidence(support, settings.covered()));
            return point(id, PointStatus.PARTIAL, conf, bestSupport, s, null);
        }
        return new Assessment.Point(id, PointStatus.MISSED, confidence(support, settings.partial()), null, judgeName,
                null);
    }

    private Assessment.Point point(String id, PointStatus status, double confidence, Reading r, Signals s, String why) {
        Window w = s.windows.get(r.window());
        Evidence evidence = Evidence.of(s.am.text(), w.start(), w.end());
        return new Assessment.Point(id, status, confidence, evidence, judgeName, reason(r, why));
    }

    private static String reason(Reading r, String why) {
        String base = Double.isNaN(r.cosine())
                ? String.format(Locale.ROOT, "words %.2f", r.lexical())
                : String.format(Locale.ROOT, "words %.2f, meaning %.2f", r.lexical(), r.cosine());
        return why == null ? base : why + " (" + base + ")";
    }

    private Assessment.MisconceptionHit decideMyth(PreparedQuestion.Myth myth, Signals s) {
        Reading best = null;
        for (int wi = 0; wi < s.windows.size(); wi++) {
            Reading r = read(myth.text(), wi, s);
            if (!r.contradicts() && (best == null || r.match() > best.match())) {
                best = r;
            }
        }
        if (best == null || best.match() < settings.misconception()) {
            return null;
        }
        Window w = s.windows.get(best.window());
        if (!myth.distinctive().isEmpty() && !mentionsAny(myth.distinctive(), s.am, w)) {
            return null; // the words that make it wrong are not there
        }
        double margin = settings.contrastMargin();
        for (PreparedQuestion.Point p : s.pq.points()) {
            for (PreparedText t : p.texts()) {
                Reading truth = read(t, best.window(), s);
                if (!truth.contradicts() && truth.match() >= best.match() - margin) {
                    return null; // the window states the truth at least as well
                }
            }
        }
        if (myth.correction() != null) {
            Reading correction = read(myth.correction(), best.window(), s);
            if (!correction.contradicts() && correction.match() >= best.match() - margin) {
                return null;
            }
        }
        Evidence evidence = Evidence.of(s.am.text(), w.start(), w.end());
        return new Assessment.MisconceptionHit(myth.misconception().id(),
                confidence(best.match(), settings.misconception()), evidence, judgeName);
    }

    private static boolean mentionsAny(java.util.Set<String> stems, AnswerModel am, Window w) {
        for (int i = w.from(); i < w.to(); i++) {
            if (stems.contains(am.tokens().get(i).stem())) {
                return true;
            }
        }
        return false;
    }

    /** 0.5 at the threshold, rising to 1 a quarter-unit away from it either side. */
    private static double confidence(double value, double threshold) {
        return Math.min(1.0, 0.5 + Math.abs(value - threshold) * 2);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
