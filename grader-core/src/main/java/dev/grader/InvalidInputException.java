package dev.grader;

import java.util.Objects;

/**
 * Input that grader cannot use: a malformed bank, rubric, answer file or option. The message is one line that
 * names the source, the place in it (line and column, or JSON pointer) and what is wrong, ready to show a user.
 */
@Api(status = Api.Status.STABLE)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file name or other origin ({@code <string>}, {@code classpath:...}); never null
     * @param location {@code line 12}, {@code line 3, column 7}, a JSON pointer such as {@code /questions/0/id},
     *                 or {@code null} when the whole source is at fault
     * @param problem  what is wrong, in words a user understands
     */
    public InvalidInputException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    /** As {@link #InvalidInputException(String, String, String)}, with the failure that revealed the problem. */
    public InvalidInputException(String source, String location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.location = location;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The file name or other origin. */
    public String source() {
        return source;
    }

    /** The place inside the source, or {@code null}. */
    public String location() {
        return location;
    }

    /** What is wrong, without the source and location. */
    public String problem() {
        return problem;
    }

    private static String format(String source, String location, String problem) {
        return location == null || location.isEmpty()
                ? source + ": " + problem
                : source + ": " + location + ": " + problem;
    }
}
