package dev.grader.compile;

import java.util.List;

/**
 * An atomic claim extracted from a model answer, before it gets terms and an id.
 *
 * @param text     the claim as a grader would tick it
 * @param weight   its weight (headline claims weigh more)
 * @param aliases  other sentences that state the same point (explanations of a list item, alternatives)
 * @param negative whether the claim states a negation the answer must match ("does not need to close it")
 */
record Claim(String text, double weight, List<String> aliases, boolean negative) {
}
