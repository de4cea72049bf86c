package io.greentrain.exporter.sensors;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * Host CPU time through OSHI, for hosts without {@code /proc/stat} (macOS, Windows). Same busy/total
 * rule as {@link ProcStatCpuTimes}; OSHI reports ticks in milliseconds.
 */
final class OshiCpuTimes implements HostCpuTimes {

    private CentralProcessor processor;
    private boolean failed;

    @Override
    public synchronized boolean read(long[] busyAndTotalNanos) {
        if (failed) {
            return false;
        }
        try {
            if (processor == null) {
                processor = new SystemInfo().getHardware().getProcessor();
            }
            long[] ticks = processor.getSystemCpuLoadTicks();
            long busy = ticks[CentralProcessor.TickType.USER.getIndex()] + ticks[CentralProcessor.TickType.NICE.getIndex()]
                    + ticks[CentralProcessor.TickType.SYSTEM.getIndex()] + ticks[CentralProcessor.TickType.IRQ.getIndex()]
                    + ticks[CentralProcessor.TickType.SOFTIRQ.getIndex()];
            long total = busy + ticks[CentralProcessor.TickType.IDLE.getIndex()] + ticks[CentralProcessor.TickType.IOWAIT.getIndex()];
            busyAndTotalNanos[0] = busy * 1_000_000L;
            busyAndTotalNanos[1] = total * 1_000_000L;
            return true;
        } catch (Throwable e) {
            // no OSHI support for this platform: the process share stays unknown, never an error for the job
            failed = true;
            return false;
        }
    }
}
