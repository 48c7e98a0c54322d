/**
 * The service provider registration of {@link dev.grader.embeddings.MiniLmEncoder}; not exported.
 */
package dev.grader.embeddings.provider;
