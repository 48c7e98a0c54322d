package dev.grader.embeddings.provider;

import dev.grader.embeddings.MiniLmEncoder;
import dev.grader.judge.SentenceEncoder;
import dev.grader.judge.SentenceEncoderProvider;

/** Registers {@link MiniLmEncoder} as the offline judge's sentence encoder (ServiceLoader needs a public class). */
public final class MiniLmEncoderProvider implements SentenceEncoderProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MiniLmEncoderProvider() {
    }

    @Override
    public SentenceEncoder encoder() {
        return MiniLmEncoder.shared();
    }
}
