package io.greentrain.exporter.carbon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider API on loopback: answers every path with the configured status, body and delay, and keeps
 * each request's URI and headers for assertions. Stops itself on close.
 */
final class FakeProviderServer implements AutoCloseable {

    /** One received request. */
    static final class Request {
        final URI uri;
        final Map<String, List<String>> headers;

        Request(URI uri, Map<String, List<String>> headers) {
            this.uri = uri;
            this.headers = headers;
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile long delayMillis;
    private final AtomicInteger count = new AtomicInteger();

    FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-provider");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        count.incrementAndGet();
        requests.add(new Request(exchange.getRequestURI(), Map.copyOf(exchange.getRequestHeaders())));
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String answer = bodies.getOrDefault(exchange.getRequestURI().getPath(), body);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeProviderServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    FakeProviderServer answerOn(String path, String body) {
        bodies.put(path, body);
        return this;
    }

    FakeProviderServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    int requestCount() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
