package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The exporter's sender settings, with a {@link DeferredTlsContext} where the endpoint is plain
 * {@code http://} and no TLS was configured. Without one, the JDK's {@code HttpClient} sets up the
 * JDK's default TLS context as it is created, for a connection that never uses it: its CA
 * certificates and TLS and crypto classes stay loaded for the application's life (measured in the
 * start-up benchmark: 562 classes and 1.8 MB of heap per application). Everything else is the
 * SDK's, unchanged.
 */
final class PlainHttpSenderConfig implements HttpSenderConfig {

    private final HttpSenderConfig config;
    private final SSLContext tls = new DeferredTlsContext();

    private PlainHttpSenderConfig(HttpSenderConfig config) {
        this.config = config;
    }

    /**
     * @param config the SDK's settings for one exporter's sender
     * @return them as they are, or, for an {@code http://} endpoint without TLS settings, with a TLS context set up only if asked
     */
    static HttpSenderConfig of(HttpSenderConfig config) {
        URI endpoint = config.getEndpoint();
        boolean plain = endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
        return plain && config.getSslContext() == null && config.getTrustManager() == null ? new PlainHttpSenderConfig(config) : config;
    }

    @Override
    public SSLContext getSslContext() {
        return tls;
    }

    @Override
    public URI getEndpoint() {
        return config.getEndpoint();
    }

    @Override
    public String getContentType() {
        return config.getContentType();
    }

    @Override
    public Compressor getCompressor() {
        return config.getCompressor();
    }

    @Override
    public Duration getTimeout() {
        return config.getTimeout();
    }

    @Override
    public Duration getConnectTimeout() {
        return config.getConnectTimeout();
    }

    @Override
    public Supplier<Map<String, List<String>>> getHeadersSupplier() {
        return config.getHeadersSupplier();
    }

    @Override
    public ProxyOptions getProxyOptions() {
        return config.getProxyOptions();
    }

    @Override
    public RetryPolicy getRetryPolicy() {
        return config.getRetryPolicy();
    }

    @Override
    public X509TrustManager getTrustManager() {
        return config.getTrustManager();
    }

    @Override
    public ExecutorService getExecutorService() {
        return config.getExecutorService();
    }

    @Override
    public long getMaxResponseBodySize() {
        return config.getMaxResponseBodySize();
    }

    @Override
    public List<String> getEnabledProtocols() {
        return config.getEnabledProtocols();
    }
}
