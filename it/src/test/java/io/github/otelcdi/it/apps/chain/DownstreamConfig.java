package io.github.otelcdi.it.apps.chain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Where the injected Rest Client finds its downstream ({@code back/mp-rest/url}): set at run time
 * through {@link DownstreamResource}, because the downstream's address is known only once both
 * applications are deployed, and on some runtimes their ports are chosen then.
 */
public class DownstreamConfig implements ConfigSource {

    static final String KEY = "back/mp-rest/url";
    static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "downstream";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
