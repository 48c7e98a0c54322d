package dev.grader.text;

import java.util.Map;

/**
 * A small, general thesaurus of the abbreviations engineers write, mapped to the word they stand for before
 * stemming ({@code conn} and {@code connection} then share a stem). Nothing here is keyed to a question.
 */
public final class Thesaurus {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("conn", "connection"), Map.entry("conns", "connections"),
            Map.entry("ctx", "context"), Map.entry("req", "request"), Map.entry("reqs", "requests"),
            Map.entry("resp", "response"), Map.entry("res", "response"), Map.entry("srv", "server"),
            Map.entry("msg", "message"), Map.entry("msgs", "messages"), Map.entry("cfg", "config"),
            Map.entry("config", "configuration"), Map.entry("err", "error"), Map.entry("errs", "errors"),
            Map.entry("buf", "buffer"), Map.entry("bufs", "buffers"), Map.entry("chan", "channel"),
            Map.entry("chans", "channels"), Map.entry("ch", "channel"), Map.entry("mu", "mutex"),
            Map.entry("fn", "function"), Map.entry("func", "function"), Map.entry("funcs", "functions"),
            Map.entry("param", "parameter"), Map.entry("params", "parameters"), Map.entry("arg", "argument"),
            Map.entry("args", "arguments"), Map.entry("auth", "authentication"), Map.entry("db", "database"),
            Map.entry("dbs", "databases"), Map.entry("info", "information"), Map.entry("impl", "implementation"),
            Map.entry("init", "initialization"), Map.entry("max", "maximum"), Map.entry("min", "minimum"),
            Map.entry("ms", "milliseconds"), Map.entry("sec", "seconds"), Map.entry("secs", "seconds"),
            Map.entry("approx", "approximately"), Map.entry("w/o", "without"), Map.entry("b/c", "because"),
            Map.entry("h2", "http2"), Map.entry("h1", "http1.1"), Map.entry("goroutines", "goroutines"),
            Map.entry("cancelled", "canceled"), Map.entry("cancelling", "canceling"),
            Map.entry("cancellation", "cancelation"), Map.entry("ack", "acknowledgement"),
            Map.entry("acks", "acknowledgements"), Map.entry("acknowledgment", "acknowledgement"),
            Map.entry("pkt", "packet"), Map.entry("pkts", "packets"), Map.entry("addr", "address"),
            Map.entry("num", "number"), Map.entry("no.", "number"));

    private Thesaurus() {
    }

    /** The canonical form of a lower-case word, or the word itself. */
    public static String canonical(String lower) {
        return WORDS.getOrDefault(lower, lower);
    }
}
