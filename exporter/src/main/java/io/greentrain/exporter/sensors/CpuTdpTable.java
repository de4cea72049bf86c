package io.greentrain.exporter.sensors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TDP in watts per socket by CPU model, from the {@code cpu-tdp.tsv} resource (codecarbon's
 * {@code cpu_power.csv}: 4,841 distinct Intel ARK and AMD models, keyed by their {@linkplain #normalize
 * normalized} name; see the resource's header and NOTICE).
 *
 * <p>Matching: the OS's model string and the table's names are both {@linkplain #normalize normalized}
 * (trademarks, "CPU", "Processor", core counts, generation prefixes, clock speeds and parenthesised
 * notes removed; lower case). An exact normalized match wins; otherwise the longest table name found as
 * consecutive words of the model string, if it contains a model number (a word with a digit) and no
 * other name of that length with a different TDP matches. "AMD EPYC" alone, as some VMs report it,
 * matches nothing.
 */
public final class CpuTdpTable {

    static final String RESOURCE = "cpu-tdp.tsv";
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern CLOCK = Pattern.compile("@.*$");
    private static final Pattern CORES = Pattern.compile("\\b\\d+-core\\b");
    private static final Pattern GENERATION = Pattern.compile("\\b\\d+(st|nd|rd|th) gen\\b");
    private static final Pattern RADEON = Pattern.compile("\\bwith radeon.*$");
    private static final Pattern NOISE = Pattern.compile("\\b(cpu|processor|mobile)\\b");

    private final Map<String, Double> wattsByName;

    /** Takes over {@code wattsByNormalizedName} (no copy: the table is loaded in every JVM that trains). */
    private CpuTdpTable(LinkedHashMap<String, Double> wattsByNormalizedName) {
        this.wattsByName = Collections.unmodifiableMap(wattsByNormalizedName);
    }

    /** The table shipped in the jar. */
    public static CpuTdpTable load() {
        LinkedHashMap<String, Double> table = new LinkedHashMap<>(8192);
        try (InputStream in = CpuTdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the GreenTrain jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                // keys are stored normalized (derive_cpu_tdp.py): no regex work at agent startup
                int tab = line.indexOf('\t');
                table.putIfAbsent(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE, e);
        }
        return new CpuTdpTable(table);
    }

    public int size() {
        return wattsByName.size();
    }

    /** The table's keys: model names as {@link #normalize} gives them. */
    public java.util.Set<String> names() {
        return wattsByName.keySet();
    }

    /** Watts per socket of the model, if the table knows it. */
    public Optional<Match> lookup(String modelName) {
        String wanted = normalize(modelName);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Double exact = wattsByName.get(wanted);
        if (exact != null) {
            return Optional.of(new Match(wanted, exact));
        }
        String[] words = wanted.split(" ");
        String best = null;
        int bestLength = 0;
        boolean ambiguous = false;
        for (String key : wattsByName.keySet()) {
            // a name found as consecutive words of the model string is a substring of it: that cheap test first, so
            // only a handful of the 4,841 names are split into words (this runs once, at agent start, interpreted)
            if (key.length() > wanted.length() || !wanted.contains(key)) {
                continue;
            }
            String[] candidate = key.split(" ");
            if (candidate.length < bestLength || !hasModelNumber(candidate) || !containsRun(words, candidate)) {
                continue;
            }
            if (candidate.length > bestLength) {
                best = key;
                bestLength = candidate.length;
                ambiguous = false;
            } else if (!wattsByName.get(key).equals(wattsByName.get(best))) {
                ambiguous = true;
            }
        }
        return best == null || ambiguous ? Optional.empty() : Optional.of(new Match(best, wattsByName.get(best)));
    }

    /** Lower case, without trademarks, "CPU"/"Processor", core counts, generation, clock and parenthesised notes. */
    public static String normalize(String name) {
        String text = name.toLowerCase(Locale.ROOT).replace("(r)", "").replace("(tm)", "").replace("®", "").replace("™", "");
        text = PARENTHESES.matcher(text).replaceAll(" ");
        text = CLOCK.matcher(text).replaceAll(" ");
        text = RADEON.matcher(text).replaceAll(" ");
        text = CORES.matcher(text).replaceAll(" ");
        text = GENERATION.matcher(text).replaceAll(" ");
        text = NOISE.matcher(text).replaceAll(" ");
        return text.trim().replaceAll("\\s+", " ");
    }

    private static boolean hasModelNumber(String[] words) {
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                if (Character.isDigit(word.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsRun(String[] words, String[] run) {
        outer:
        for (int start = 0; start + run.length <= words.length; start++) {
            for (int i = 0; i < run.length; i++) {
                if (!words[start + i].equals(run[i])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A table row that matched: its normalized name and watts per socket. */
    public static final class Match {
        private final String name;
        private final double wattsPerSocket;

        Match(String name, double wattsPerSocket) {
            this.name = name;
            this.wattsPerSocket = wattsPerSocket;
        }

        public String name() {
            return name;
        }

        public double wattsPerSocket() {
            return wattsPerSocket;
        }
    }
}
