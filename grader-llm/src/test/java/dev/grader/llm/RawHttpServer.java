package dev.grader.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving model server on 127.0.0.1 at the socket level, for what an HTTP library will not do: headers and
 * then a body dribbled a byte a second, a connection closed mid-reply, a reply far larger than announced. Each
 * connection reads one request and hands the socket's output to the behaviour.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does once it has read a request. */
    @FunctionalInterface
    interface Behaviour {
        void respond(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    RawHttpServer(Behaviour behaviour) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    Thread worker = new Thread(() -> serve(client, behaviour), "raw-http-worker");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket client, Behaviour behaviour) {
        try (client) {
            readRequest(client.getInputStream());
            requests.incrementAndGet();
            behaviour.respond(client.getOutputStream());
        } catch (IOException e) {
            closedByClient.incrementAndGet(); // the client gave up on us: a broken pipe or a reset
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads headers and a Content-Length body, so the client has sent everything before the behaviour starts. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.skipNBytes(length);
    }

    /**
     * Writes a status line and headers and flushes them: with a Content-Length, or, when it is negative, a body
     * that ends when the connection closes.
     */
    static void headers(OutputStream out, long contentLength) throws IOException {
        String length = contentLength < 0 ? "Connection: close" : "Content-Length: " + contentLength;
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A complete reply with this body. */
    static void reply(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers(out, bytes.length);
        out.write(bytes);
        out.flush();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    /** Connections on which the client stopped reading and closed (a write then failed). */
    int closedByClient() {
        return closedByClient.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
