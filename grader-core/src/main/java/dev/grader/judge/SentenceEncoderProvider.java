package dev.grader.judge;

import dev.grader.Api;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The service through which a module offers the offline judge a sentence encoder.
 *
 * <p>{@code grader-embeddings} registers one (in {@code module-info} and {@code META-INF/services}); with that
 * module on the class path or module path, {@link OfflineJudge} uses its encoder whenever embeddings are on.
 * Without it the judge runs lexically and says so in its {@code JudgeInfo} settings.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface SentenceEncoderProvider {

    /** The encoder. Called once per judge built: return a shared instance if it is costly to make. */
    SentenceEncoder encoder();

    /**
     * The encoder of the first provider installed, if any: looked up through the thread's context class loader,
     * then through the loader of grader-core.
     */
    static Optional<SentenceEncoder> installed() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Optional<SentenceEncoderProvider> found = context == null ? Optional.empty()
                : ServiceLoader.load(SentenceEncoderProvider.class, context).findFirst();
        if (found.isEmpty()) {
            found = ServiceLoader.load(SentenceEncoderProvider.class, SentenceEncoderProvider.class.getClassLoader())
                    .findFirst();
        }
        return found.map(SentenceEncoderProvider::encoder);
    }
}
