package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.net.URL;

/**
 * The JDK's OTLP HTTP sender, created when the exporter sends its first batch instead of when the
 * SDK is built. The JDK's {@code HttpClient} sets up TLS as it is created, reading the JDK's CA
 * certificates even for an {@code http://} endpoint: about 200 ms of an application's start (wall time), which
 * the batch processor's thread now pays seconds later. The exporter's settings are still checked
 * while the application starts, by the exporter's builder; only the client waits. For an
 * {@code http://} endpoint the client gets no TLS set up at all ({@link PlainHttpSenderConfig}). Offered to the SDK
 * in the JDK sender's stead by {@link HttpSenderPreference}.
 */
public final class DeferredHttpSenderProvider implements HttpSenderProvider {

    /** A service file naming this provider, kept outside {@code META-INF/services}: only otel-cdi's SDK is offered it. */
    static final URL SERVICE_FILE = DeferredHttpSenderProvider.class.getResource("deferred-http-sender.services");

    /** For the SDK's service loader. */
    public DeferredHttpSenderProvider() {
    }

    @Override
    public HttpSender createSender(HttpSenderConfig config) {
        return new DeferredHttpSender(() -> new JdkHttpSenderProvider().createSender(PlainHttpSenderConfig.of(config)));
    }
}
