package dev.grader.llm;

import java.util.List;

/**
 * A grading reply as the model wrote it, before any check against the rubric or the answer.
 *
 * @param points         per key point: id, status label, quote, reason, follow-up question
 * @param misconceptions misconceptions stated: id and quote
 * @param feedback       the feedback paragraph, may be empty
 * @param errors         false claims the rubric does not cover: quote, the claim, its correction
 */
record ModelReply(List<PointReply> points, List<MisconceptionReply> misconceptions, String feedback,
                  List<ErrorReply> errors) {

    ModelReply(List<PointReply> points, List<MisconceptionReply> misconceptions, String feedback) {
        this(points, misconceptions, feedback, List.of());
    }

    record ErrorReply(String quote, String claim, String correction) {
    }

    record PointReply(String id, String status, String quote, String reason, String followUp) {
    }

    record MisconceptionReply(String id, String quote) {
    }
}
