package io.greentrain.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the text of one configuration value becomes a typed value, and what is allowed.
 * {@link #parse} throws {@link IllegalArgumentException} for a value outside {@link #allowed()};
 * {@link GreenTrainConfig} turns that into one line naming the key, the value and what is allowed.
 */
public interface ValueType<T> {

    T parse(String text);

    /** Human description of the allowed values, e.g. {@code "an integer from 0 to 65535"}. */
    String allowed();

    /** Short type name for the README table. */
    String typeName();

    static ValueType<Boolean> bool() {
        return new ValueType<>() {
            @Override
            public Boolean parse(String text) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("yes") || t.equals("on")) {
                    return Boolean.TRUE;
                }
                if (t.equals("false") || t.equals("no") || t.equals("off")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException(allowed());
            }

            @Override
            public String allowed() {
                return "true or false";
            }

            @Override
            public String typeName() {
                return "boolean";
            }
        };
    }

    static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>() {
            @Override
            public Integer parse(String text) {
                int value;
                try {
                    value = Integer.parseInt(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(allowed());
                }
                if (value < min || value > max) {
                    throw new IllegalArgumentException(allowed());
                }
                return value;
            }

            @Override
            public String allowed() {
                return "an integer from " + min + " to " + max;
            }

            @Override
            public String typeName() {
                return "integer";
            }
        };
    }

    static ValueType<Double> decimal(double min, double max) {
        return new ValueType<>() {
            @Override
            public Double parse(String text) {
                double value;
                try {
                    value = Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(allowed());
                }
                if (!(value >= min && value <= max)) { // also rejects NaN
                    throw new IllegalArgumentException(allowed());
                }
                return value;
            }

            @Override
            public String allowed() {
                return max == Double.MAX_VALUE ? "a number >= " + plain(min) : "a number from " + plain(min) + " to " + plain(max);
            }

            @Override
            public String typeName() {
                return "number";
            }
        };
    }

    /** Durations are written {@code 200ms}, {@code 1s}, {@code 5m}, {@code 1h}. */
    static ValueType<Duration> duration(Duration min, Duration max) {
        Pattern pattern = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
        return new ValueType<>() {
            @Override
            public Duration parse(String text) {
                Matcher m = pattern.matcher(text.trim().toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw new IllegalArgumentException(allowed());
                }
                long amount = Long.parseLong(m.group(1));
                Duration d;
                switch (m.group(2)) {
                    case "ms":
                        d = Duration.ofMillis(amount);
                        break;
                    case "s":
                        d = Duration.ofSeconds(amount);
                        break;
                    case "m":
                        d = Duration.ofMinutes(amount);
                        break;
                    default:
                        d = Duration.ofHours(amount);
                }
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                    throw new IllegalArgumentException(allowed());
                }
                return d;
            }

            @Override
            public String allowed() {
                return "a duration like 200ms, 1s, 5m or 1h from " + format(min) + " to " + format(max);
            }

            @Override
            public String typeName() {
                return "duration";
            }
        };
    }

    static ValueType<String> text() {
        return new ValueType<>() {
            @Override
            public String parse(String text) {
                return text.trim();
            }

            @Override
            public String allowed() {
                return "any text";
            }

            @Override
            public String typeName() {
                return "string";
            }
        };
    }

    /** Empty (off) or an absolute http or https URL with a host. */
    static ValueType<String> httpUrl() {
        return new ValueType<>() {
            @Override
            public String parse(String text) {
                String t = text.trim();
                if (t.isEmpty()) {
                    return t;
                }
                try {
                    java.net.URI uri = new java.net.URI(t);
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                        return t;
                    }
                } catch (java.net.URISyntaxException e) {
                    // reported below with what is allowed
                }
                throw new IllegalArgumentException(allowed());
            }

            @Override
            public String allowed() {
                return "empty (off) or an http:// or https:// URL with a host, like http://pushgateway:9091";
            }

            @Override
            public String typeName() {
                return "url";
            }
        };
    }

    static ValueType<String> oneOf(String... values) {
        List<String> allowedValues = Arrays.asList(values);
        return new ValueType<>() {
            @Override
            public String parse(String text) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (!allowedValues.contains(t)) {
                    throw new IllegalArgumentException(allowed());
                }
                return t;
            }

            @Override
            public String allowed() {
                return "one of " + String.join(", ", allowedValues);
            }

            @Override
            public String typeName() {
                return "enum";
            }
        };
    }

    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.getSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
