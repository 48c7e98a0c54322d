/**
 * grader's library: compiles question banks into rubrics and grades free-text answers against them with the
 * offline judge (lexical matching; sentence embeddings when {@code dev.grader.embeddings} is present) or any
 * {@link dev.grader.Judge}, scores them and renders reports. No native code, no network.
 *
 * <p>The API is the exported packages; their types carry {@link dev.grader.Api} with their stability.
 * {@code dev.grader.text} and {@code dev.grader.internal} are shared with grader's own modules only.
 */
// "module": the modules named in qualified exports are built after this one. "requires-automatic": the
// dependencies without module descriptors, named below.
@SuppressWarnings({"module", "requires-automatic"})
module dev.grader.core {
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    requires org.apache.commons.text;
    requires org.apache.commons.csv;
    // No Automatic-Module-Name in its manifest: the name comes from the jar file (snowball-stemmer-*.jar).
    requires snowball.stemmer;

    exports dev.grader;
    exports dev.grader.compile;
    exports dev.grader.examples;
    exports dev.grader.judge;
    exports dev.grader.report;
    exports dev.grader.rubric;
    exports dev.grader.score;

    // Tokens and spans for eval's breakdowns and the LLM judge's quotes; not an API.
    exports dev.grader.text to dev.grader.eval, dev.grader.llm;
    // JSON configuration, hashing, atomic writes, bounded input: shared by grader's modules, not an API.
    exports dev.grader.internal to dev.grader.batch, dev.grader.eval, dev.grader.llm;

    // Reports, rubrics and scoring policies are bound to JSON by Jackson.
    opens dev.grader to com.fasterxml.jackson.databind;
    opens dev.grader.rubric to com.fasterxml.jackson.databind;
    opens dev.grader.score to com.fasterxml.jackson.databind;
    opens dev.grader.examples to com.fasterxml.jackson.databind;

    uses dev.grader.judge.SentenceEncoderProvider;
}
