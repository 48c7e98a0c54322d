package dev.grader.llm.http;

import java.io.IOException;

/**
 * A reply that never arrived whole, said in words for the report ("the connection closed mid-reply", "the model
 * server's reply was larger than 8 MB"): the message is the fallback reason as the user reads it.
 */
public class ReplyFailureException extends IOException {

    public ReplyFailureException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
