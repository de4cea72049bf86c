package io.greentrain.agent.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child process's stream to the end on a daemon thread, so a chatty child never blocks on a full pipe,
 * while the test can look at what arrived so far with {@link #text()}.
 */
public final class StreamDrain extends Thread {

    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public StreamDrain(InputStream in) {
        this.in = in;
        setDaemon(true);
    }

    @Override
    public void run() {
        byte[] chunk = new byte[8192];
        try {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                synchronized (buffer) {
                    buffer.write(chunk, 0, read);
                }
            }
        } catch (IOException ignored) {
            // process gone
        }
    }

    /** Everything read so far, as UTF-8. */
    public String text() {
        synchronized (buffer) {
            return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
