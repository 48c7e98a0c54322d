/**
 * What the candidate reads after grading: the follow-up probes to ask next and the feedback paragraph.
 * Deterministic and offline; an LLM judge may supply its own probes and feedback instead.
 */
package dev.grader.feedback;
