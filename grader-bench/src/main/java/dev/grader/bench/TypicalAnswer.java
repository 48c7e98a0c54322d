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

    private TypicalAnswer() {
    }
}
