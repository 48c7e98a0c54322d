package dev.grader.llm;

/** A reply that is not a usable grading object. The message describes the problem without quoting the reply. */
final class ReplyFormatException extends Exception {

    ReplyFormatException(String message) {
        super(message);
    }
}
