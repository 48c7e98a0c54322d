package dev.grader.compile;

import java.util.List;

/**
 * A parsed bank.
 *
 * @param title       first line or heading; may be null for JSON banks
 * @param description text between the title and the first question; may be null
 * @param questions   questions in order
 * @param format      {@code text}, {@code markdown} or {@code jsonl}
 */
record RawBank(String title, String description, List<RawQuestion> questions, String format) {
}
