package io.greentrain.exporter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The records files a {@code report} reads: files as given, directories searched (with their subdirectories, where
 * Spark workers keep each executor's working directory) for {@code *.jsonl} and {@code *.csv}, in name order.
 */
final class RecordFiles {

    private RecordFiles() {
    }

    static List<Path> expand(List<Path> arguments, Function<String, RuntimeException> bad) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument); // a missing file is reported by the reader, with its name
                continue;
            }
            try (Stream<Path> walk = Files.walk(argument)) {
                List<Path> found = walk.filter(Files::isRegularFile).filter(RecordFiles::isRecordsFile).sorted().collect(Collectors.toList());
                if (found.isEmpty()) {
                    throw bad.apply("no records files (*.jsonl, *.csv) in directory " + argument);
                }
                files.addAll(found);
            } catch (IOException e) {
                throw bad.apply("cannot list directory " + argument + ": " + e.getMessage());
            }
        }
        return files;
    }

    private static boolean isRecordsFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".csv");
    }
}
