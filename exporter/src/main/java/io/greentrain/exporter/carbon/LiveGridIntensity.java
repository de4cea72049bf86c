package io.greentrain.exporter.carbon;

import io.greentrain.exporter.threads.DaemonThreads;
import io.greentrain.exporter.status.AgentLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Intensity from a live provider, refreshed on one daemon thread ({@code greentrain-carbon}) and kept in an
 * {@link IntensityTimeline} so each call is charged the intensity over its own span.
 *
 * <p>Rules: the latest answer is cached until the next refresh (every {@code refresh}, default 15 min). Any
 * failure (network, HTTP status, timeout, malformed body) switches to the embedded table value of the
 * fallback zone, labelled {@code fallback:table:<dataset>}, from that moment until the provider answers
 * again; it is reported once per reason through {@link AgentLog#problem} and counted every time. After a
 * failure the next try comes sooner (30 s, doubling, at most {@code refresh}). The first answer (or failure)
 * is back-dated to the moment this object was created, so calls that began before it are charged too.
 */
public final class LiveGridIntensity implements GridIntensity {

    static final long FIRST_RETRY_MILLIS = 30_000;

    private final IntensityProvider provider;
    private final GridZone fallbackZone;
    private final String zoneLabel;
    private final LongSupplier clock;
    private final long createdMillis;
    private final IntensityTimeline timeline = new IntensityTimeline();
    private final IntensityReading fallback;
    private final List<Consumer<IntensityReading>> listeners = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean everLive;
    private int consecutiveFailures;

    /**
     * @param zoneLabel    zone written into records and the gauge label
     * @param fallbackZone the table row used whenever the provider gives nothing
     * @param clock        epoch millis (a test clock in tests)
     */
    public LiveGridIntensity(IntensityProvider provider, String zoneLabel, GridZone fallbackZone, LongSupplier clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        if (zoneLabel == null || zoneLabel.isEmpty()) {
            throw new IllegalArgumentException("zone label must not be empty: '" + zoneLabel + "'");
        }
        this.zoneLabel = zoneLabel;
        this.fallbackZone = Objects.requireNonNull(fallbackZone, "fallbackZone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.createdMillis = clock.getAsLong();
        this.fallback = new IntensityReading(fallbackZone.gramsPerKwh(), "fallback:" + fallbackZone.tableSource());
    }

    /** Starts refreshing now and then every {@code refresh}. @throws IllegalArgumentException for a non-positive refresh */
    public synchronized LiveGridIntensity start(Duration refresh) {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive: " + refresh);
        }
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("greentrain-carbon"));
            scheduler.execute(() -> refreshAndReschedule(refresh.toMillis()));
        }
        return this;
    }

    private void refreshAndReschedule(long refreshMillis) {
        boolean live = refresh();
        long delay;
        synchronized (this) {
            delay = live ? refreshMillis : Math.min(refreshMillis, FIRST_RETRY_MILLIS << Math.min(consecutiveFailures - 1, 10));
        }
        ScheduledExecutorService s = scheduler;
        if (s != null && !s.isShutdown()) {
            try {
                s.schedule(() -> refreshAndReschedule(refreshMillis), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                // closed between the check and the call: nothing left to refresh
            }
        }
    }

    /** Asks the provider once and records the answer or the fallback. Never throws; true when live. */
    public boolean refresh() {
        long now = clock.getAsLong();
        IntensityReading reading;
        boolean live;
        try {
            reading = provider.fetch();
            live = true;
        } catch (IntensityUnavailableException e) {
            AgentLog.problem("carbon", "provider_" + e.reason(), provider.describe() + " unavailable: " + e.getMessage() + " (check " + io.greentrain.config.Options.CARBON_PROVIDER_URL.key() + ", " + io.greentrain.config.Options.CARBON_PROVIDER_TOKEN.key() + ", "
                    + io.greentrain.config.Options.CARBON_PROVIDER_REGION.key() + ")"
                    + "; using the embedded " + fallbackZone.code() + " value " + fallbackZone.gramsPerKwh() + " g/kWh ("
                    + fallbackZone.tableSource() + ") until it answers");
            reading = fallback;
            live = false;
        } catch (RuntimeException e) {
            AgentLog.problem("carbon", "provider_failed", provider.describe() + " failed: " + e.getClass().getSimpleName()
                    + "; using the embedded " + fallbackZone.code() + " value (" + fallbackZone.tableSource() + ")");
            reading = fallback;
            live = false;
        }
        synchronized (this) {
            consecutiveFailures = live ? 0 : consecutiveFailures + 1;
            // the first answer also covers the time since start-up, so early calls are not left on the fallback
            timeline.record(timeline.isEmpty() ? Math.min(createdMillis, now) : now, reading);
        }
        if (live && !everLive) {
            everLive = true;
            AgentLog.info("carbon intensity from " + provider.describe() + ": " + reading.gramsPerKwh() + " g/kWh");
        }
        for (Consumer<IntensityReading> listener : listeners) {
            notify(listener, reading);
        }
        return live;
    }

    @Override
    public String zone() {
        return zoneLabel;
    }

    @Override
    public IntensityReading current() {
        synchronized (this) {
            return timeline.isEmpty() ? fallback : timeline.at(clock.getAsLong());
        }
    }

    @Override
    public IntensityReading over(long fromMillis, long toMillis) {
        synchronized (this) {
            if (timeline.isEmpty()) {
                return fallback;
            }
            return timeline.over(Math.min(fromMillis, toMillis), Math.max(fromMillis, toMillis));
        }
    }

    @Override
    public void onChange(Consumer<IntensityReading> listener) {
        listeners.add(listener);
        notify(listener, current());
    }

    private static void notify(Consumer<IntensityReading> listener, IntensityReading reading) {
        try {
            listener.accept(reading);
        } catch (RuntimeException e) {
            AgentLog.problem("carbon", "listener_failed", "intensity listener failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdownNow();
        }
    }
}
