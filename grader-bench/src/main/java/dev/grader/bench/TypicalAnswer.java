package dev.grader.bench;

/**
 * The workload the performance requirements name: an answer of about 80 words to a question with five key
 * points (Q13 of the shipped rubric, ReadHeaderTimeout).
 */
final class TypicalAnswer {

    static final String QUESTION = "Q13";

    static final String ANSWER = "ReadHeaderTimeout limits how long the server may spend reading the request "
            + "headers, not the body. You keep it short, a few seconds, so a slowloris client that sends its headers "
            + "one byte at a time cannot hold a connection and a goroutine for ever. ReadTimeout covers the whole "
            + "request including the body, so with big uploads it must stay generous; having both lets you be strict "
            + "on headers and lenient on bodies.";

    private static final java.util.concurrent.atomic.AtomicLong VARIANT = new java.util.concurrent.atomic.AtomicLong();

    private TypicalAnswer() {
    }

    /**
     * The answer with a number no other call gets in each sentence, so that no sentence's embedding is ever
     * reused, by any thread: each call costs what a new answer costs.
     */
    static String nextVariant() {
        String n = " (" + VARIANT.getAndIncrement() + ")";
        return ANSWER.replace(". ", n + ". ").replaceAll("\\.$", n + ".");
    }
}
