package dev.grader.llm.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * No complete reply within the timeout: headers and body together, so a server that stalls mid-body is cut off
 * like one that never answers. The message is the fallback reason in words.
 */
public final class ReplyTimeoutException extends HttpTimeoutException {

    public ReplyTimeoutException(Duration timeout) {
        super("the model server sent no complete reply within " + seconds(timeout));
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
