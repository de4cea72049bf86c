package io.greentrain.exporter.records;

import java.io.IOException;

/** Turns one {@link CallRecord} into exactly one line of the records file, and back. */
interface RecordCodec {

    /** The line written once at the top of a new file, without line break; "" when the format has none. */
    String header();

    /** One complete line with its trailing {@code \n}; never contains another line break. */
    String line(CallRecord record);

    /** Parses a line written by {@link #line}. @throws IOException describing what is malformed */
    CallRecord parse(String line) throws IOException;
}
