package io.greentrain.exporter.carbon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grid intensity as a step function of wall-clock time, so that a long training call is charged the
 * intensity integrated over its own span rather than the value read when it ends (carbontracker#7).
 *
 * <p>Rules: a value recorded at {@code t} holds from {@code t} until the next recorded value; before the first
 * recorded value the first value holds. {@link #over} is the time-weighted mean over {@code [from, to]}, which
 * equals the energy-weighted mean when power is constant over the call (we only know the call's total
 * energy). Its source lists every distinct source that contributed, in order, joined by {@code +}.
 * Memory is bounded: at most {@value #MAX_POINTS} points are kept, the oldest dropped first.
 * Thread-safe.
 */
public final class IntensityTimeline {

    static final int MAX_POINTS = 4096;

    private final List<Point> points = new ArrayList<>();

    /** One step: {@code reading} holds from {@code atMillis} until the next point. */
    private static final class Point {
        final long atMillis;
        final IntensityReading reading;

        Point(long atMillis, IntensityReading reading) {
            this.atMillis = atMillis;
            this.reading = reading;
        }
    }

    /** The value applies from {@code atMillis} on. Out-of-order points are inserted in time order. */
    public synchronized void record(long atMillis, IntensityReading reading) {
        if (reading == null) {
            throw new IllegalArgumentException("reading must not be null");
        }
        int index = points.size();
        while (index > 0 && points.get(index - 1).atMillis > atMillis) {
            index--;
        }
        if (index == points.size() && index > 0 && points.get(index - 1).reading.equals(reading)) {
            return; // the same value again: the step function is unchanged
        }
        points.add(index, new Point(atMillis, reading));
        if (points.size() > MAX_POINTS) {
            points.remove(0);
        }
    }

    public synchronized boolean isEmpty() {
        return points.isEmpty();
    }

    /** The value in force at {@code atMillis}. @throws IllegalStateException when nothing was recorded */
    public synchronized IntensityReading at(long atMillis) {
        requireNotEmpty();
        return points.get(indexAt(atMillis)).reading;
    }

    /**
     * Time-weighted mean over {@code [fromMillis, toMillis]}; an empty span gives the value at {@code fromMillis}.
     *
     * @throws IllegalArgumentException when {@code toMillis < fromMillis}
     * @throws IllegalStateException    when nothing was recorded
     */
    public synchronized IntensityReading over(long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("time span ends before it starts: " + fromMillis + " > " + toMillis);
        }
        requireNotEmpty();
        int first = indexAt(fromMillis);
        if (toMillis == fromMillis) {
            return points.get(first).reading;
        }
        double weighted = 0;
        Set<String> sources = new LinkedHashSet<>();
        for (int i = first; i < points.size(); i++) {
            long segmentStart = i == first ? fromMillis : points.get(i).atMillis;
            if (segmentStart >= toMillis) {
                break;
            }
            long segmentEnd = i + 1 < points.size() ? Math.min(points.get(i + 1).atMillis, toMillis) : toMillis;
            if (segmentEnd > segmentStart) {
                weighted += points.get(i).reading.gramsPerKwh() * (segmentEnd - segmentStart);
                sources.add(points.get(i).reading.source());
            }
        }
        return new IntensityReading(weighted / (toMillis - fromMillis), String.join("+", sources));
    }

    /** Index of the point in force at the instant: the last point at or before it, else the first point. */
    private int indexAt(long atMillis) {
        int index = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).atMillis <= atMillis) {
                index = i;
            } else {
                break;
            }
        }
        return index;
    }

    private void requireNotEmpty() {
        if (points.isEmpty()) {
            throw new IllegalStateException("no intensity recorded yet");
        }
    }
}
