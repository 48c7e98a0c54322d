/**
 * Sentence embeddings for the offline judge: {@link dev.grader.embeddings.MiniLmEncoder} (all-MiniLM-L6-v2,
 * quantised, run in-process by ONNX Runtime), which the judge finds through {@code ServiceLoader} whenever this
 * module is present, and {@link dev.grader.embeddings.NativeLibraries}, the cache directory where its native
 * libraries are unpacked.
 */
package dev.grader.embeddings;
