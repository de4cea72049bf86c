package io.greentrain.exporter.carbon;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validation of provider URLs: absolute http or https, so a typo fails at start-up with the value named. */
final class ProviderUris {

    private ProviderUris() {
    }

    static URI http(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("provider URL is not a valid URL: '" + text + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("provider URL must be an absolute http(s) URL: '" + text + "'");
        }
        return uri;
    }
}
