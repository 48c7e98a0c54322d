/**
 * Internal helpers shared across packages (JSON, hashing, atomic file writes). Not a public API: may change
 * in any release.
 */
package dev.grader.internal;
