package dev.grader.llm.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a server that sends more than any reply needs is cut off
 * rather than filling the heap. It can also be aborted from another thread (the caller's deadline passed), which
 * cancels the subscription and so closes the connection instead of leaving a stalled exchange behind.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

    private final int maxBytes;
    private volatile boolean headersReceived;
    private volatile Subscriber subscriber;
    private volatile boolean aborted;

    BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        headersReceived = true;
        long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
        Subscriber s = new Subscriber(announced > maxBytes);
        subscriber = s;
        return s;
    }

    /** Whether the status line and headers arrived: a failure after them happened mid-reply. */
    boolean headersReceived() {
        return headersReceived;
    }

    /** Stops reading: the exchange is cancelled and its connection closed. */
    void abort() {
        aborted = true;
        Subscriber s = subscriber;
        if (s != null) {
            s.cancel();
        }
    }

    private ReplyFailureException tooLarge() {
        return new ReplyFailureException("the model server's reply was larger than " + (maxBytes >> 20) + " MB",
                null);
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean announcedTooLarge;
        private volatile Flow.Subscription subscription;

        Subscriber(boolean announcedTooLarge) {
            this.announcedTooLarge = announcedTooLarge;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announcedTooLarge) {
                s.cancel();
                body.completeExceptionally(tooLarge());
            } else if (aborted) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > maxBytes) {
                    cancel();
                    body.completeExceptionally(tooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
