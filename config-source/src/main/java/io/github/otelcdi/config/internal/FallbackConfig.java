package io.github.otelcdi.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The configuration used where no MicroProfile Config implementation is installed (a bare Weld SE
 * + Jersey application): the sources MicroProfile Config defines — system properties (400), the
 * environment with its name mapping (300), every {@code META-INF/microprofile-config.properties}
 * (100 or its {@code config_ordinal}) — plus the {@code ConfigSource}s found through
 * {@code META-INF/services}, our defaults among them. Strings, booleans and numbers only: that is
 * all otel-cdi reads.
 */
final class FallbackConfig implements Config {

    private static final String PROPERTIES_FILE = "META-INF/microprofile-config.properties";
    private static final Pattern NOT_ENV_CHARACTER = Pattern.compile("[^a-zA-Z0-9_]");

    private final List<ConfigSource> sources;

    private FallbackConfig(List<ConfigSource> sources) {
        List<ConfigSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed().thenComparing(ConfigSource::getName));
        this.sources = List.copyOf(sorted);
    }

    static FallbackConfig load(ClassLoader loader) {
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(new MapConfigSource("system properties", 400, systemProperties()));
        sources.add(new EnvironmentSource(System.getenv()));
        sources.addAll(propertiesFiles(loader));
        for (ConfigSource discovered : ServiceLoader.load(ConfigSource.class, loader)) {
            sources.add(discovered);
        }
        return new FallbackConfig(sources);
    }

    static FallbackConfig of(List<ConfigSource> sources) {
        return new FallbackConfig(sources);
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        return values;
    }

    private static List<ConfigSource> propertiesFiles(ClassLoader loader) {
        List<ConfigSource> files = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(PROPERTIES_FILE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                Map<String, String> values = new HashMap<>();
                properties.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
                int ordinal = Integer.parseInt(values.getOrDefault(ConfigSource.CONFIG_ORDINAL, "100").trim());
                files.add(new MapConfigSource(url.toString(), ordinal, values));
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + PROPERTIES_FILE + ": " + e.getMessage(), e);
        }
        return files;
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        for (ConfigSource source : sources) {
            String value = source.getValue(propertyName);
            if (value != null && !value.isEmpty()) {
                return new Value(propertyName, value, source.getName(), source.getOrdinal());
            }
        }
        return new Value(propertyName, null, null, 0);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = getConfigValue(propertyName).getValue();
        return value == null ? Optional.empty() : Optional.of(convert(propertyName, value, propertyType));
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("no value for " + propertyName));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(source -> names.addAll(source.getPropertyNames()));
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return sources;
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap to " + type.getName());
    }

    private static <T> T convert(String name, String value, Class<T> type) {
        Object converted;
        if (type == String.class) {
            converted = value;
        } else if (type == Boolean.class || type == boolean.class) {
            converted = Boolean.valueOf(value.trim());
        } else if (type == Integer.class || type == int.class) {
            converted = Integer.valueOf(value.trim());
        } else if (type == Long.class || type == long.class) {
            converted = Long.valueOf(value.trim());
        } else {
            throw new IllegalArgumentException("cannot convert " + name + " to " + type.getName()
                    + " without a MicroProfile Config implementation");
        }
        @SuppressWarnings("unchecked")
        T result = (T) converted;
        return result;
    }

    /** The environment, looked up with MicroProfile Config's mapping: as is, then non-alphanumerics as {@code _}, then upper case. */
    static final class EnvironmentSource implements ConfigSource {

        private final Map<String, String> environment;

        EnvironmentSource(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public Set<String> getPropertyNames() {
            return environment.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            String value = environment.get(propertyName);
            if (value != null) {
                return value;
            }
            String sanitized = NOT_ENV_CHARACTER.matcher(propertyName).replaceAll("_");
            value = environment.get(sanitized);
            return value != null ? value : environment.get(sanitized.toUpperCase(Locale.ROOT));
        }

        @Override
        public String getName() {
            return "environment variables";
        }

        @Override
        public int getOrdinal() {
            return 300;
        }
    }

    private record Value(String getName, String getValue, String getSourceName, int getSourceOrdinal) implements ConfigValue {

        @Override
        public String getRawValue() {
            return getValue;
        }
    }
}
