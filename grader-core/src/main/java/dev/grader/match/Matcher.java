package dev.grader.match;

import dev.grader.Assessment;
import dev.grader.Evidence;
import dev.grader.PointStatus;
import dev.grader.judge.MatchSettings;
import dev.grader.judge.SentenceEncoder;
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

    private static final int MAX_EMBEDDED_SENTENCES = 64;
    private static final double EVIDENCE_TOLERANCE = 0.05;
    /** How far below the misconception thresholds a window still makes the misconception suspected. */
    private static final double SUSPICION_MARGIN = 0.1;

    private final MatchSettings settings;
    private final SentenceEncoder encoder;
    private final String judgeName;
    private final Map<Question, PreparedQuestion> prepared = new ConcurrentHashMap<>();
    /** Questions assessed without a prepared rubric, weighed on their own; a rubric's preparation wins over these. */
    private final Map<Question, PreparedQuestion> onDemand = new ConcurrentHashMap<>();

    /**
     * @param encoder sentence encoder, or null for lexical matching alone
     */
    public Matcher(MatchSettings settings, SentenceEncoder encoder, String judgeName) {
        this.settings = settings;
        this.encoder = encoder;
        this.judgeName = judgeName;
    }

    /**
     * Prepares every question with word rarity measured across the whole rubric. A question already prepared
     * (for an earlier rubric that has it too) keeps its preparation: graders built before keep their results.
     */
    public void prepare(dev.grader.rubric.Rubric rubric) {
        Vocabulary vocabulary = Vocabulary.of(rubric);
        for (Question q : rubric.questions()) {
            prepared.computeIfAbsent(q, key -> new PreparedQuestion(key, vocabulary));
        }
    }

    public Assessment assess(Question question, String answer) {
        PreparedQuestion pq = prepared.get(question);
        if (pq == null) {
            pq = onDemand.computeIfAbsent(question, q -> new PreparedQuestion(q, Vocabulary.of(q)));
        }
        AnswerModel am = new AnswerModel(answer, pq.context().entities());
        List<Window> windows = am.windows();
        float[][] windowVectors = null;
        List<float[]> textVectors = null;
        if (encoder != null && !windows.isEmpty()) {
            textVectors = pq.vectors(encoder);
            windowVectors = encodeWindows(am, windows);
        }
        Signals signals = new Signals(pq, am, windows, textVectors, windowVectors);
        List<Assessment.MisconceptionHit> hits = new ArrayList<>();
        for (PreparedQuestion.Myth m : pq.myths()) {
            MythHit hit = decideMyth(m, signals);
            if (hit != null) {
                hits.add(hit.hit());
                if (!hit.hit().suspected()) {
                    signals.myths.add(hit);
                }
            }
        }
        List<Assessment.Point> points = new ArrayList<>();
        for (PreparedQuestion.Point p : pq.points()) {
            points.add(decidePoint(p, signals));
        }
        return new Assessment(points, hits, List.of(), null, null);
    }

    /**
     * Embeds each sentence once; its clauses share the sentence's vector. Clauses are where words are matched
     * precisely, sentences where meaning is: this keeps the model to a few calls per answer.
     */
    private float[][] encodeWindows(AnswerModel am, List<Window> windows) {
        List<String> texts = new ArrayList<>();
        Map<Integer, Integer> slotBySentence = new java.util.HashMap<>();
        for (Window w : windows) {
            if (!w.joined() && !slotBySentence.containsKey(w.sentence())
                    && slotBySentence.size() < MAX_EMBEDDED_SENTENCES) {
                slotBySentence.put(w.sentence(), texts.size());
                texts.add(sentenceText(am, windows, w.sentence()));
            }
        }
        List<float[]> vectors = encoder.encodeUncached(texts);
        float[][] out = new float[windows.size()][];
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            Integer slot = slotBySentence.get(w.sentence());
            Integer next = slotBySentence.get(w.sentence() + 1);
            if (!w.joined()) {
                out[i] = slot == null ? null : vectors.get(slot);
            } else if (slot != null && next != null) {
                out[i] = mean(vectors.get(slot), vectors.get(next)); // two sentences' meaning, without another call
            }
        }
        return out;
    }

    private static float[] mean(float[] a, float[] b) {
        float[] m = new float[a.length];
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            m[i] = a[i] + b[i];
            norm += m[i] * m[i];
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < m.length; i++) {
            m[i] *= inv;
        }
        return m;
    }

    private static String sentenceText(AnswerModel am, List<Window> windows, int sentence) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Window w : windows) {
            if (w.sentence() == sentence && !w.joined()) {
                start = Math.min(start, w.start());
                end = Math.max(end, w.end());
            }
        }
        return am.text().substring(start, end);
    }

    /** Per-answer signal cache shared by all key points and misconceptions. */
    private final class Signals {
        final PreparedQuestion pq;
        final AnswerModel am;
        final List<Window> windows;
        final List<float[]> textVectors;
        final float[][] windowVectors;
        final Map<PreparedText, Integer> textIndex = new java.util.IdentityHashMap<>();
        final java.util.Set<Integer> splitSentences = new java.util.HashSet<>();
        final Map<ReadingKey, Reading> readings = new java.util.HashMap<>();
        /** Misconceptions stated, decided before the key points. */
        final List<MythHit> myths = new ArrayList<>();

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
            for (Window w : windows) {
                if (w.clause()) {
                    splitSentences.add(w.sentence());
                }
            }
        }

        private double[] closest;

        /** The highest cosine between the window and any key point text of the question, NaN without embeddings. */
        double closestCosine(int window) {
            if (windowVectors == null) {
                return Double.NaN;
            }
            if (closest == null) {
                double[] c = new double[windows.size()];
                for (int wi = 0; wi < windows.size(); wi++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (PreparedQuestion.Point p : pq.points()) {
                        for (PreparedText t : p.texts()) {
                            best = Math.max(best, cosine(t, wi));
                        }
                    }
                    c[wi] = best;
                }
                closest = c;
            }
            return closest[window];
        }

        /** A clause, or a sentence that is a single clause. */
        boolean atomic(Window w) {
            return !w.joined() && (w.clause() || !splitSentences.contains(w.sentence()));
        }

        double cosine(PreparedText text, int window) {
            if (windowVectors == null || windowVectors[window] == null) {
                return Double.NaN;
            }
            return SentenceEncoder.cosine(textVectors.get(textIndex.get(text)), windowVectors[window]);
        }
    }

    /** One text against one window: the combined match and what its polarity says. */
    private record Reading(double match, double lexical, double cosine, boolean contradicts, String why, int window,
                           int specific, boolean denies, int words) {
    }

    private Reading read(PreparedText text, int wi, Signals s) {
        return read(text, wi, s, false);
    }

    /** @param term whether the text names a thing, which a list item states as well as a sentence */
    private Reading read(PreparedText text, int wi, Signals s, boolean term) {
        // each text is read against each window several times per answer: by its point, as a rival truth, ...
        ReadingKey key = new ReadingKey(text, wi, term);
        Reading known = s.readings.get(key);
        if (known == null) {
            known = readOnce(text, wi, s, term);
            s.readings.put(key, known);
        }
        return known;
    }

    private record ReadingKey(PreparedText text, int window, boolean term) {
    }

    private Reading readOnce(PreparedText text, int wi, Signals s, boolean term) {
        Window w = s.windows.get(wi);
        LexicalMatch lex = LexicalMatcher.match(text, s.am, w);
        double cos = s.cosine(text, wi);
        double semantic = Double.isNaN(cos) ? lex.score()
                : clamp((cos - settings.semanticFloor()) / (settings.semanticCeiling() - settings.semanticFloor()));
        double lexWeight = Double.isNaN(cos) ? 1.0 : settings.lexicalWeight();
        double match = Math.min(lexWeight * lex.score() + (1 - lexWeight) * semantic,
                lex.score() + settings.semanticLift());
        if (w.listItem() && !term) {
            match *= settings.listItemFactor();
        }
        boolean swapped = swapped(text, w, s);
        boolean strong = lex.score() >= settings.contradictionSupport();
        String why = null;
        boolean contradicts = false;
        if (swapped && strong && !lex.polarityConflict() && !trueOfItsOwnSubject(text, w, s)) {
            contradicts = true;
            why = "states it about another subject";
        } else if (!swapped && strong && lex.polarityConflict() && (!lex.onlyAffirmsDenied() || s.atomic(w))
                && !deniedOnlyOfTheOther(text, w, s)) {
            // a denial said of the other entity ("Shutdown ... does not force-close") is no denial of this one
            // "(not the body)" is denied by "the body" in a clause of the point's own claim, not in another clause
            // of the sentence: "X caps the headers; Y covers the body"
            contradicts = true;
            why = text.negative() ? "the answer affirms what the key point denies" : "negated in the answer";
        } else if (!swapped && strong && lex.exchangedShare() > 0) {
            // the text's own opposites in each other's place state another claim, in one sentence as in a clause
            contradicts = true;
            why = "the answer swaps its opposites";
        } else if (!swapped && s.atomic(w) && lex.antonymShare() > 0
                && lex.score() + lex.antonymShare() >= settings.contradictionSupport()
                && lex.score() >= settings.contradictionSupport() * 0.5) {
            // an opposite word counts in a clause, where it is said of the point's subject; a sentence joining
            // "Shutdown waits ...; Close is forceful" holds opposites about different things
            contradicts = true;
            why = "the answer says the opposite";
        } else if (swapped) {
            match = 0; // said of another entity: no support of this one
        }
        if (contradicts && w.joined()) {
            contradicts = false; // each sentence answers for its own opposites
            why = null;
        }
        if (contradicts && !claims(s.am, w)) {
            contradicts = false; // code shows and an if-clause supposes: neither says the point is false
            why = null;
        }
        return new Reading(match, lex.score(), cos, contradicts, why, wi, lex.specificStems(),
                lex.polarityConflict(), lex.matchedStems());
    }

    /** Whether the window speaks of the other entity a comparison question sets against the text's. */
    private static boolean swapped(PreparedText text, Window w, Signals s) {
        Entities entities = s.pq.context().entities();
        return entities.comparative() && text.subject() != null && w.subject() != null
                && !w.subject().equals(text.subject())
                && !entities.mentions(s.am.text(), s.am.tokens(), w.from(), w.to(), text.subject());
    }

    /**
     * Whether every clause of a sentence that denies the text speaks of the other entity: "It does not cancel
     * r.Context(), and when its context expires it does not force-close anything; you call Close yourself" denies
     * force-closing of Shutdown, not of Close, though the sentence names Close.
     */
    private static boolean deniedOnlyOfTheOther(PreparedText text, Window w, Signals s) {
        if (w.clause() || w.joined()) {
            return false;
        }
        boolean denied = false;
        for (Window c : s.windows) {
            if (c.clause() && c.sentence() == w.sentence() && !c.listItem()
                    && LexicalMatcher.match(text, s.am, c).polarityConflict()) {
                if (!swapped(text, c, s)) {
                    return false;
                }
                denied = true;
            }
        }
        return denied;
    }

    /**
     * Whether a clause of the sentence speaks of the other entity a comparison question sets against the text's:
     * the sentence then joins claims about two subjects, and only its clauses can say what the text says of one.
     */
    private static boolean partlyOfTheOther(PreparedText text, Window sentence, Signals s) {
        if (!s.pq.context().entities().comparative() || text.subject() == null) {
            return false;
        }
        for (Window c : s.windows) {
            if (c.clause() && c.sentence() == sentence.sentence() && swapped(text, c, s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a key point about the window's own subject says what the window says at least as well: "Close kills
     * active connections immediately" is true of Close, not Shutdown's "closes idle connections immediately"
     * said of the wrong server method.
     */
    private static boolean trueOfItsOwnSubject(PreparedText swappedText, Window w, Signals s) {
        List<String> swappedSubject = java.util.Arrays.asList(swappedText.subject().split(" "));
        java.util.Set<String> said = new java.util.HashSet<>();
        for (String stem : swappedText.weights().keySet()) {
            if (!swappedSubject.contains(stem)
                    && LexicalMatcher.share(swappedText, java.util.Set.of(stem), s.am, w) > 0) {
                said.add(stem);
            }
        }
        for (PreparedQuestion.Point p : s.pq.points()) {
            for (PreparedText t : p.texts()) {
                // a point that compares the two ("ConnState fires once per conn, middleware once per request")
                // says nothing of one alone
                if (w.subject().equals(t.subject()) && t.weights().keySet().containsAll(said)
                        && java.util.Collections.disjoint(t.weights().keySet(), swappedSubject)
                        && !LexicalMatcher.match(t, s.am, w).polarityConflict()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Yes."/"No." opening an answer to a yes/no question decides the key point that restates the question. */
    private Assessment.Point decideDirectAnswer(PreparedQuestion.Point point, Signals s) {
        List<dev.grader.text.Token> tokens = s.am.tokens();
        if (tokens.isEmpty() || s.windows.isEmpty()) {
            return null;
        }
        String first = tokens.get(0).lower();
        Boolean yes = switch (first) {
            case "yes", "yep", "yeah", "correct", "true" -> Boolean.TRUE;
            case "no", "nope", "not" -> Boolean.FALSE;
            default -> null;
        };
        if (yes == null) {
            return null;
        }
        boolean negative = point.texts().get(0).negative();
        Window w = s.windows.get(0);
        Evidence evidence = Evidence.of(s.am.text(), w.start(), w.end());
        String id = point.keyPoint().id();
        return yes != negative
                ? new Assessment.Point(id, PointStatus.COVERED, 0.9, evidence, judgeName, "answers \"" + first + "\"")
                : new Assessment.Point(id, PointStatus.CONTRADICTED, 0.9, evidence, judgeName,
                        "answers \"" + first + "\", the opposite");
    }

    private Assessment.Point decidePoint(PreparedQuestion.Point point, Signals s) {
        if (s.pq.isDirectAnswer(point.keyPoint())) {
            Assessment.Point direct = decideDirectAnswer(point, s);
            if (direct != null) {
                return direct;
            }
        }
        Reading bestSupport = null;
        Reading bestContra = null;
        List<Reading> supports = new ArrayList<>();
        // one side of a comparison said of the other entity ("ConnState fires once per request") swaps them
        java.util.Set<Integer> swappedSentences = new java.util.HashSet<>();
        for (PreparedText side : point.sides()) {
            for (int wi = 0; wi < s.windows.size(); wi++) {
                Window w = s.windows.get(wi);
                Reading r = s.atomic(w) && !w.joined() ? read(side, wi, s) : null;
                if (r != null && r.contradicts() && swapped(side, w, s)
                        && !s.pq.context().entities().mentionsInAnyCase(s.am.text(), s.am.tokens(), w.from(), w.to(),
                                side.subject())
                        && LexicalMatcher.share(side, PreparedQuestion.ownWords(side, point.sides()), s.am, w) >= 0.5) {
                    swappedSentences.add(w.sentence());
                    if (bestContra == null || r.match() > bestContra.match()) {
                        bestContra = r;
                    }
                }
            }
        }
        for (PreparedText text : point.texts()) {
            Reading[] readings = new Reading[s.windows.size()];
            java.util.Set<Integer> contradictedSentences = new java.util.HashSet<>();
            java.util.Set<Integer> contradictingSentences = new java.util.HashSet<>();
            for (int wi = 0; wi < s.windows.size(); wi++) {
                readings[wi] = read(text, wi, s, point.term());
                if (readings[wi].contradicts() && s.windows.get(wi).clause()) {
                    contradictedSentences.add(s.windows.get(wi).sentence());
                }
                if (readings[wi].contradicts()) {
                    contradictingSentences.add(s.windows.get(wi).sentence());
                }
            }
            for (int wi = 0; wi < readings.length; wi++) {
                Reading r = readings[wi];
                Window w = s.windows.get(wi);
                if (r.contradicts()) {
                    if (bestContra == null || r.match() > bestContra.match()) {
                        bestContra = r;
                    }
                } else if (!w.clause() && contradictedSentences.contains(w.sentence())
                        || w.joined() && (contradictingSentences.contains(w.sentence())
                        || contradictingSentences.contains(w.sentence() + 1))) {
                    continue; // a clause of this sentence states the opposite: the sentence does not support it
                } else if (swappedSentences.contains(w.sentence())) {
                    continue; // a clause of it says one side of the comparison of the other entity
                } else if (!w.clause() && !w.joined() && partlyOfTheOther(text, w, s)) {
                    continue; // "Close waits ... and Shutdown closes every active connection": each clause for itself
                } else if (w.listItem() && !point.term() && r.words() < LISTED_WORDS) {
                    continue; // one term of a bare list ("Serve") states no part of a claim
                } else if (w.joined() && s.pq.isDirectAnswer(point.keyPoint())) {
                    continue; // the answer to a yes/no question is one claim, in one sentence
                } else if (text.negative() && s.pq.isDirectAnswer(point.keyPoint()) && !deniesAnything(text, w, s)) {
                    // the "no" to a yes/no question needs a denial: "ResponseWriter is fine to write from several
                    // goroutines" answers "Is ResponseWriter safe for concurrent use?" with a yes
                    continue;
                } else if (!r.denies() && evidenced(r, point, s) && !statesMythRather(r, s)) {
                    // a window that negates the point's words is no evidence of it, even when too few of them
                    // are there to call it a contradiction
                    if (bestSupport == null || r.match() > bestSupport.match()) {
                        bestSupport = r;
                    }
                    supports.add(r);
                }
            }
        }
        bestSupport = narrowest(bestSupport, supports, s);
        if (bestSupport != null && bestSupport.match() < settings.covered()) {
            bestSupport = partialSupport(point, supports, s);
        }
        String id = point.keyPoint().id();
        double support = bestSupport == null ? 0 : bestSupport.match();
        double contra = bestContra == null ? 0 : bestContra.match();
        boolean listed = bestSupport != null && s.windows.get(bestSupport.window()).listItem() && !point.term();
        if (support >= settings.covered() && support >= contra && !listed) {
            return point(id, PointStatus.COVERED, confidence(support, settings.covered()), bestSupport, s, null);
        }
        if (contra >= settings.partial() && contra > support) {
            return point(id, PointStatus.CONTRADICTED, confidence(contra, settings.partial()), bestContra, s,
                    bestContra.why());
        }
        if (support >= settings.partial()) {
            double conf = Math.min(confidence(support, settings.partial()), confidence(support, settings.covered()));
            // credit grows with the match between the partial and covered thresholds: 0.1 .. 0.9
            double credit = 0.1 + 0.8 * Math.min(1,
                    (support - settings.partial()) / (settings.covered() - settings.partial()));
            if (listed) {
                credit = Math.min(credit, settings.listCredit()); // the words are there, no statement is
            }
            Assessment.Point p = point(id, PointStatus.PARTIAL, conf, bestSupport, s, null);
            return new Assessment.Point(p.keyPointId(), p.status(), p.confidence(), p.evidence(), p.judge(),
                    p.reason(), Math.round(credit * 1000) / 1000.0);
        }
        return new Assessment.Point(id, PointStatus.MISSED, confidence(support, settings.partial()), null, judgeName,
                null);
    }

    /**
     * Whether a window supporting a key point is one where a misconception was found and states the
     * misconception at least as well: "Only when the handler returns" earns nothing for "When the handler returns".
     */
    private boolean statesMythRather(Reading r, Signals s) {
        Window w = s.windows.get(r.window());
        for (MythHit m : s.myths) {
            Window mw = s.windows.get(m.reading().window());
            if (w.start() < mw.end() && mw.start() < w.end()
                    && read(m.myth().text(), r.window(), s).match() >= r.match() - settings.contrastMargin()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a reading states part of its key point, so that it may earn credit: words of the point beyond the
     * question's own; or shared words with a meaning near the point's; or, without shared words, a meaning nearer
     * this point than any other of the question (a paraphrase of it, not of the topic). Topic similarity alone is
     * no evidence.
     */
    private boolean evidenced(Reading r, PreparedQuestion.Point point, Signals s) {
        if (r.specific() >= 1) {
            return true;
        }
        if (Double.isNaN(r.cosine())) {
            return false;
        }
        if (!statesItsNumbers(point, s.windows.get(r.window()), s)) {
            return false; // "43" means much what "42" means, and is wrong
        }
        if (r.lexical() >= settings.partialEvidence() && r.cosine() >= settings.meaningWithWords()) {
            return true;
        }
        // nearer this point than any other of the question; a terse lone point ("By reference.") has no other to
        // be nearer than, and its neighbours ("By value.") are near in meaning: nearness must stand on its own
        return s.pq.points().size() > 1 || !terse(point)
                ? r.cosine() >= settings.meaningClosest() && r.cosine() >= s.closestCosine(r.window())
                : r.cosine() >= settings.meaningWithWords() + settings.meaningClosest() * 3 / 4;
    }

    /** A key point of a few words at most (a terse model answer: "By reference.", "push", "42"). */
    private static boolean terse(PreparedQuestion.Point point) {
        return point.texts().get(0).contentCount() <= PreparedText.TERSE_WORDS;
    }

    /** For a key point that is a number ("42"), whether the window states that number. */
    private static boolean statesItsNumbers(PreparedQuestion.Point point, Window w, Signals s) {
        PreparedText text = point.texts().get(0);
        java.util.List<String> numbers = text.weights().keySet().stream()
                .filter(stem -> Character.isDigit(stem.charAt(0))).toList();
        boolean onlyNumbers = !numbers.isEmpty() && text.weights().keySet().stream()
                .allMatch(stem -> Character.isDigit(stem.charAt(0)) || !text.specific(stem));
        return !onlyNumbers || LexicalMatcher.share(text, numbers, s.am, w) > 0;
    }

    /**
     * The best reading's match, quoted from the narrowest window that matches almost as well: "Close drops them"
     * rather than the whole sentence it sits in.
     */
    private static Reading narrowest(Reading best, List<Reading> supports, Signals s) {
        if (best == null) {
            return null;
        }
        Reading chosen = best;
        int chosenLength = length(best, s);
        for (Reading r : supports) {
            int length = length(r, s);
            if (r.match() >= best.match() - EVIDENCE_TOLERANCE && length < chosenLength) {
                chosen = r;
                chosenLength = length;
            }
        }
        return chosen == best ? best
                : new Reading(best.match(), chosen.lexical(), chosen.cosine(), false, null, chosen.window(),
                        chosen.specific(), chosen.denies(), chosen.words());
    }

    private static int length(Reading r, Signals s) {
        Window w = s.windows.get(r.window());
        return w.end() - w.start();
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

    /** A misconception the answer states, found in one window. */
    private record MythHit(Assessment.MisconceptionHit hit, PreparedQuestion.Myth myth, Reading reading) {
    }

    /**
     * The misconception stated in the window that matches it best among those that state it rather than a
     * truth, or null.
     */
    private MythHit decideMyth(PreparedQuestion.Myth myth, Signals s) {
        MythHit suspected = null;
        for (PreparedText statement : myth.statements()) {
            MythHit hit = decideMyth(myth, statement, s);
            if (hit != null && hit.hit().confidence() != Assessment.MisconceptionHit.SUSPECTED) {
                return hit;
            }
            if (suspected == null) {
                suspected = hit;
            }
        }
        return suspected;
    }

    /** Whether a window states one statement of a misconception: the whole of it, or one of its parts. */
    private MythHit decideMyth(PreparedQuestion.Myth myth, PreparedText statement, Signals s) {
        List<Reading> candidates = new ArrayList<>();
        for (int wi = 0; wi < s.windows.size(); wi++) {
            if (s.windows.get(wi).joined()) {
                continue; // one wrong claim is stated in one sentence; joined ones raised false alarms
            }
            Reading r = read(statement, wi, s);
            // any denial refutes a misconception, however few of its words the window repeats: "No pool."
            if (!r.contradicts() && !r.denies() && r.match() >= settings.misconception() - SUSPICION_MARGIN
                    && r.lexical() >= settings.mythLexical()) {
                candidates.add(r);
            }
        }
        candidates.sort((a, b) -> Double.compare(b.match(), a.match()));
        for (Reading r : candidates) {
            if (statesMyth(myth, statement, r, s, settings.misconception(), settings.mythClaim())) {
                Window w = s.windows.get(r.window());
                Evidence evidence = Evidence.of(s.am.text(), w.start(), w.end());
                return new MythHit(new Assessment.MisconceptionHit(myth.misconception().id(),
                        confidence(r.match(), settings.misconception()), evidence, judgeName), myth, r);
            }
        }
        // Nearly stated: matched a little below the thresholds, passing every other check. Not scored, but a
        // person should look (and --policy escalate asks the model).
        for (Reading r : candidates) {
            if (statesMyth(myth, statement, r, s, settings.misconception() - SUSPICION_MARGIN,
                    settings.mythClaim() - SUSPICION_MARGIN)) {
                Window w = s.windows.get(r.window());
                return new MythHit(new Assessment.MisconceptionHit(myth.misconception().id(),
                        Assessment.MisconceptionHit.SUSPECTED, Evidence.of(s.am.text(), w.start(), w.end()), judgeName),
                        myth, r);
            }
        }
        return null;
    }

    private boolean statesMyth(PreparedQuestion.Myth myth, PreparedText statement, Reading r, Signals s,
                               double minMatch, double minClaim) {
        Window w = s.windows.get(r.window());
        if (r.match() < minMatch || !claims(s.am, w)) {
            return false;
        }
        if (w.clause() && r.lexical() < CLAUSE_MYTH_LEXICAL) {
            // a clause borrows its sentence's meaning: "sends each socket a close frame" is no statement of
            // "Server.Close also closes the WebSocket connections" because the sentence is about closing them
            return false;
        }
        java.util.Set<String> distinctive = new java.util.HashSet<>(myth.distinctive());
        distinctive.retainAll(statement.weights().keySet());
        // near enough in meaning, a paraphrase need not repeat the words that set the misconception apart; the
        // truths it is weighed against below still must not explain the window better
        boolean meaning = !Double.isNaN(r.cosine()) && r.cosine() >= MYTH_MEANING;
        if (!meaning && (distinctive.isEmpty() ? !recombines(myth, statement, w, s)
                : !statesDistinctive(distinctive, statement, w, s))) {
            return false; // the words that make it wrong are not there
        }
        if (!w.clause() && !statement.text().contains(",") && !statedInOneClause(statement, r, s, minMatch)) {
            return false;
        }
        if (!w.clause() && !statedLocally(statement, r, s)) {
            return false;
        }
        java.util.Set<String> claim = new java.util.HashSet<>(myth.claim());
        claim.retainAll(statement.weights().keySet());
        if (!claim.isEmpty() && LexicalMatcher.share(statement, claim, s.am, w) < minClaim) {
            return false; // a sentence on the same topic, not this claim
        }
        for (int other = 0; other < s.windows.size(); other++) {
            Window o = s.windows.get(other);
            Reading inside = o.start() >= w.start() && o.end() <= w.end() ? read(statement, other, s) : null;
            if (inside != null && (inside.denies() || inside.contradicts())) {
                // "No pool, and no limit", "deadlines are absolute times": a clause of it refutes the misconception
                return false;
            }
        }
        for (PreparedQuestion.Point p : s.pq.points()) {
            for (PreparedText t : p.texts()) {
                if (truthWins(statement, t, r, s, settings.contrastMargin())) {
                    return false;
                }
            }
        }
        for (PreparedText correctionText : myth.corrections()) {
            if (truthWins(statement, correctionText, r, s, 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the window where a misconception matched states a true claim instead. A misconception is usually a
     * wrong version of a true claim and shares most of its words ("Only when the handler returns" against "When
     * the handler returns"), so when both match about as well the words they do not share decide: the window
     * states the misconception only when it says more of what sets the misconception apart than of what sets
     * the truth apart.
     */
    private boolean truthWins(PreparedText mythText, PreparedText truthText, Reading myth, Signals s,
                              double margin) {
        Reading truth = read(truthText, myth.window(), s);
        boolean close = truth.match() >= myth.match() - margin
                || margin <= 0 && !Double.isNaN(truth.cosine()) && truth.cosine() > myth.cosine();
        if (!close) {
            return false;
        }
        Window w = s.windows.get(myth.window());
        if (LexicalMatcher.match(truthText, s.am, w).polarityConflict()) {
            return false; // "a bounded worker pool" is no statement of "Go does not pool goroutines"
        }
        java.util.Set<String> mythOnly = new java.util.HashSet<>(mythText.weights().keySet());
        mythOnly.removeAll(truthText.weights().keySet());
        java.util.Set<String> truthOnly = new java.util.HashSet<>(truthText.weights().keySet());
        truthOnly.removeAll(mythText.weights().keySet());
        // the question's own words ("cancelled" in "When does r.Context() get cancelled?") tell neither apart
        mythOnly.removeIf(s.pq.context()::inPrompt);
        truthOnly.removeIf(s.pq.context()::inPrompt);
        // more of the words only the misconception has are there than of those only the truth has
        double mythShare = mythOnly.isEmpty() ? 0 : LexicalMatcher.share(mythText, mythOnly, s.am, w);
        boolean mythWords = mythShare >= 0.5 && mythShare > LexicalMatcher.share(truthText, truthOnly, s.am, w);
        return !mythWords;
    }

    /**
     * Whether a window says what sets a misconception apart from every key point: one such word affirmed, and at
     * least half of them there. "With keep-alives disabled the server stops accepting new connections"
     * is not stated by "it disables keep-alive on the server side".
     */
    private static boolean statesDistinctive(java.util.Set<String> distinctive, PreparedText statement, Window w,
                                             Signals s) {
        if (!mentionsAffirmed(distinctive, s.am, w)) {
            return false;
        }
        int said = 0;
        for (String stem : distinctive) {
            said += LexicalMatcher.share(statement, java.util.Set.of(stem), s.am, w) > 0 ? 1 : 0;
        }
        return said >= DISTINCTIVE_SHARE * distinctive.size();
    }

    /**
     * Whether a one-clause misconception matched in a sentence of several clauses is stated by one of them: its
     * words spread over clauses about different things ("ConnState sees one connection, while middleware runs for
     * every stream") do not state "ConnState runs for every stream".
     */
    private boolean statedInOneClause(PreparedText statement, Reading sentence, Signals s, double minMatch) {
        boolean clauses = false;
        for (int other = 0; other < s.windows.size(); other++) {
            Window o = s.windows.get(other);
            if (o.clause() && o.sentence() == s.windows.get(sentence.window()).sentence()) {
                clauses = true;
                if (read(statement, other, s).match() >= minMatch - SUSPICION_MARGIN) {
                    return true;
                }
            }
        }
        return !clauses;
    }

    /**
     * Whether the words of a misconception matched in a long sentence of many clauses come together in two
     * neighbouring clauses of it: "no WriteTimeout, so slow clients pin goroutines forever; ...; using the default
     * http.Client with no timeout" spreads "the default client ... forever" over a list of separate claims.
     */
    private static boolean statedLocally(PreparedText statement, Reading sentence, Signals s) {
        Window w = s.windows.get(sentence.window());
        List<Window> clauses = s.windows.stream().filter(o -> o.clause() && o.sentence() == w.sentence()).toList();
        if (clauses.size() < LOCAL_CLAUSES + 1) {
            return true;
        }
        double best = 0;
        for (int i = 0; i + LOCAL_CLAUSES <= clauses.size(); i++) {
            Window first = clauses.get(i);
            Window last = clauses.get(i + LOCAL_CLAUSES - 1);
            Window span = new Window(first.start(), last.end(), first.from(), last.to(), true, false, first.subject(),
                    first.sentence(), false);
            best = Math.max(best, LexicalMatcher.match(statement, s.am, span).score());
        }
        return best >= LOCALITY * sentence.lexical();
    }

    /** How many neighbouring clauses may state one misconception. */
    private static final int LOCAL_CLAUSES = 3;

    /** The share of a sentence's word match for a misconception that two neighbouring clauses must hold. */
    private static final double LOCALITY = 0.9;

    /**
     * The best support for a point only partly stated, among windows that state neither a misconception nor
     * another key point of the question outright: "Close is graceful: it stops accepting new connections and
     * waits for in-flight handlers" is evidence of Shutdown's point, not part of "Close interrupts in-flight
     * handlers" by its shared words.
     */
    private Reading partialSupport(PreparedQuestion.Point point, List<Reading> supports, Signals s) {
        List<Reading> ordered = new ArrayList<>(supports);
        ordered.sort((a, b) -> Double.compare(b.match(), a.match()));
        for (Reading r : ordered) {
            if (!claimedElsewhere(point, r, s)) {
                return narrowest(r, supports.stream().filter(o -> !claimedElsewhere(point, o, s)).toList(), s);
            }
        }
        return null;
    }

    private boolean claimedElsewhere(PreparedQuestion.Point point, Reading r, Signals s) {
        Window w = s.windows.get(r.window());
        for (MythHit m : s.myths) {
            Window mw = s.windows.get(m.reading().window());
            if (w.start() < mw.end() && mw.start() < w.end()) {
                return true; // part of a sentence stating a misconception half-proves no truth
            }
        }
        for (PreparedQuestion.Point other : s.pq.points()) {
            if (other == point) {
                continue;
            }
            for (PreparedText t : other.texts()) {
                Reading o = read(t, r.window(), s, other.term());
                if (o.contradicts() && o.match() >= settings.covered() && o.match() >= r.match() + CLAIMED_MARGIN) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How much better another key point must match a window for the window to be that point's evidence only. */
    private static final double CLAIMED_MARGIN = 0.15;

    /** How many of a claim's words an item of a bare list of terms must name to show part of it. */
    private static final int LISTED_WORDS = 2;

    /**
     * The word match a clause needs to state a misconception: its vector is its sentence's, so its own words must
     * carry more of the claim than a whole sentence's do ({@code mythLexical}). Measured on the shipped examples:
     * 0.4 to 0.5 all drop the misconceptions quoted from clauses that do not state them; 0.5 also drops true ones.
     */
    private static final double CLAUSE_MYTH_LEXICAL = 0.45;

    /** The sentence-embedding similarity at which a window states a misconception in words of its own. */
    private static final double MYTH_MEANING = 0.8;

    /** The share of a misconception's distinctive words a window needs to state it. */
    private static final double DISTINCTIVE_SHARE = 0.5;

    /**
     * Whether a window states a misconception made of true words wrongly combined ("Each request gets its own
     * goroutine" against "each connection gets its own goroutine"): it says what the misconception has that its
     * correction lacks, and nothing of what the correction has that the misconception lacks.
     */
    private static boolean recombines(PreparedQuestion.Myth myth, PreparedText statement, Window w, Signals s) {
        for (PreparedText correction : myth.corrections()) {
            java.util.Set<String> mythOnly = new java.util.HashSet<>(statement.weights().keySet());
            mythOnly.removeAll(correction.weights().keySet());
            mythOnly.removeIf(s.pq.context()::inPrompt);
            java.util.Set<String> truthOnly = new java.util.HashSet<>(correction.weights().keySet());
            truthOnly.removeAll(statement.weights().keySet());
            truthOnly.removeIf(s.pq.context()::inPrompt);
            if (!mythOnly.isEmpty() && !truthOnly.isEmpty() && mentionsAffirmed(mythOnly, s.am, w)
                    && LexicalMatcher.share(statement, mythOnly, s.am, w) >= 0.5
                    && LexicalMatcher.share(correction, truthOnly, s.am, w) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a window denies anything, as a point that is itself a denial ("is not safe for concurrent use")
     * needs of its evidence: a negation ("isn't"), a word that denies ("stops", "never"), or an opposite of one of
     * the point's words ("unsafe").
     */
    private static boolean deniesAnything(PreparedText text, Window w, Signals s) {
        for (int i = w.from(); i < w.to(); i++) {
            String lower = s.am.tokens().get(i).lower();
            if (dev.grader.text.Negation.isCue(lower) || dev.grader.text.Negation.isImplicit(lower)) {
                return true;
            }
        }
        for (String stem : text.negatedStems()) {
            if (LexicalMatcher.hasOpposite(text, stem, s.am, w)) {
                return true;
            }
        }
        return LexicalMatcher.match(text, s.am, w).antonymShare() > 0;
    }

    /** Whether a window claims anything: some content word outside fenced code and supposing if-clauses. */
    private static boolean claims(AnswerModel am, Window w) {
        for (int i = w.from(); i < w.to(); i++) {
            if (am.tokens().get(i).content() && !am.supposed(i) && !am.inCode(i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAffirmed(java.util.Set<String> stems, AnswerModel am, Window w) {
        for (int i = w.from(); i < w.to(); i++) {
            if (stems.contains(am.tokens().get(i).stem()) && !am.negated(i) && !am.supposed(i) && !am.inCode(i)) {
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
