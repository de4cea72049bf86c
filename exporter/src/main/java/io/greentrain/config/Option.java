package io.greentrain.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One typed configuration option: key, type, default, description and validator in one place.
 * All options are declared in {@link Options}; the README's configuration table is checked against them.
 */
public final class Option<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final boolean secret;

    private Option(String key, ValueType<T> type, T defaultValue, String defaultText, String description, boolean secret) {
        if (!key.startsWith("greentrain.")) {
            throw new IllegalArgumentException("option key must start with 'greentrain.': " + key);
        }
        this.key = key;
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.secret = secret;
    }

    /** An option whose default is written in the README as {@code defaultText}. */
    public static <T> Option<T> of(String key, ValueType<T> type, T defaultValue, String defaultText, String description) {
        return new Option<>(key, type, defaultValue, defaultText, description, false);
    }

    /** A secret (password, API token): its value never appears in logs, metrics or records. */
    public static Option<String> secret(String key, String description) {
        return new Option<>(key, ValueType.text(), "", "", description, true);
    }

    public String key() {
        return key;
    }

    /** {@code greentrain.carbon.zone} is read from the environment as {@code GREENTRAIN_CARBON_ZONE}. */
    public String environmentName() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public ValueType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return secret;
    }

    @Override
    public String toString() {
        return key;
    }
}
