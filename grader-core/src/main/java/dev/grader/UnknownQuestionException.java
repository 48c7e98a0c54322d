package dev.grader;

import java.util.List;

/**
 * A question id that the rubric does not have. The message lists the valid ids.
 */
@Api(status = Api.Status.STABLE)
public class UnknownQuestionException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final List<String> validIds;

    /**
     * @param rubricId   the rubric asked
     * @param questionId the id it does not have
     * @param validIds   the ids it has, in rubric order
     */
    public UnknownQuestionException(String rubricId, String questionId, List<String> validIds) {
        super("rubric " + rubricId, null, "unknown question '" + questionId + "'; valid ids: " + summarize(validIds));
        this.validIds = List.copyOf(validIds);
    }

    /** The rubric's question ids, in rubric order. */
    public List<String> validIds() {
        return validIds;
    }

    private static String summarize(List<String> ids) {
        if (ids.size() <= 40) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, 40)) + ", ... (" + ids.size() + " in all)";
    }
}
