/** Pure, deterministic scoring: from a judge's assessment and a policy to points, score and verdict. */
package dev.grader.score;
