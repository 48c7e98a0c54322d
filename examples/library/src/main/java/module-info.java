/**
 * README's library example as a caller's module: it reads only grader's API (the exported packages of
 * {@code dev.grader.core}), and the sentence encoder of {@code dev.grader.embeddings}, when present, is bound in
 * through the service it provides.
 */
module dev.grader.example {
    requires dev.grader.core;
}
