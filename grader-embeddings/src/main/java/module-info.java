/**
 * Sentence embeddings for grader's offline judge: all-MiniLM-L6-v2 (quantised) run in-process by ONNX Runtime,
 * provided to {@code dev.grader.core} as a {@link dev.grader.judge.SentenceEncoderProvider}. With this module
 * present the offline judge grades by meaning as well as by words.
 */
// "requires-automatic": the dependencies without module descriptors, named below.
@SuppressWarnings({"requires-automatic"})
module dev.grader.embeddings {
    requires transitive dev.grader.core;
    // LangChain4j's in-process BERT encoder and its types; ONNX Runtime. None has a module descriptor: the names
    // are those of their jars (automatic modules).
    requires langchain4j.core;
    requires langchain4j.embeddings;
    // Holds only the model and tokenizer files, read as resources.
    requires langchain4j.embeddings.all.minilm.l6.v2.q;
    requires com.microsoft.onnxruntime;

    exports dev.grader.embeddings;

    provides dev.grader.judge.SentenceEncoderProvider with dev.grader.embeddings.provider.MiniLmEncoderProvider;
}
