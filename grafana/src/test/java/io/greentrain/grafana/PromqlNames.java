package io.greentrain.grafana;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GreenTrain metric names a PromQL expression reads. There is no PromQL parser for Java, so this is a
 * lexer-level scan: string literals (label values, regexes) are blanked first, then every identifier that
 * starts with {@code greentrain_} (an exposed metric) or {@code greentrain:} (a recording rule) is taken.
 * Label names never start with {@code greentrain}; function and keyword names never do either.
 */
final class PromqlNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_:])greentrain[_:][A-Za-z0-9_:]*");

    private PromqlNames() {
    }

    static Set<String> in(String expr) {
        String code = STRING.matcher(expr).replaceAll("\"\"");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    static Set<String> in(Collection<String> exprs) {
        Set<String> names = new TreeSet<>();
        exprs.forEach(e -> names.addAll(in(e)));
        return names;
    }

    /** Exposed metric names (not recording rules). */
    static Set<String> exposed(Collection<String> exprs) {
        Set<String> names = in(exprs);
        names.removeIf(n -> n.contains(":"));
        return names;
    }

    /** Recording rule names ({@code greentrain:...}). */
    static Set<String> recorded(Collection<String> exprs) {
        Set<String> names = in(exprs);
        names.removeIf(n -> !n.contains(":"));
        return names;
    }
}
