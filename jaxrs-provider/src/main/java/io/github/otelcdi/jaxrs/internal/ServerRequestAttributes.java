package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the OpenTelemetry HTTP extractors need to know about a JAX-RS request and response.
 * Values of sanitized headers are replaced here, so they can never reach a span attribute.
 * The peer address comes from the container ({@link Connection}); JAX-RS does not expose it, and
 * the server's own address would be wrong, so it stays unset where the container cannot be asked.
 */
final class ServerRequestAttributes implements HttpServerAttributesGetter<ServerExchange, ContainerResponseContext> {

    private static final String HTTP = "http";
    private static final String HTTPS = "https";
    private static final int INTERNAL_SERVER_ERROR = 500;
    private static final String CONTENT_TYPE = HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT);

    private final HeaderSanitizer headers;
    private final QueryRedactor queryRedactor;

    ServerRequestAttributes(Set<String> sanitizedHeaders, QueryRedactor queryRedactor) {
        this.headers = new HeaderSanitizer(sanitizedHeaders);
        this.queryRedactor = queryRedactor;
    }

    @Override
    public String getHttpRequestMethod(ServerExchange exchange) {
        return exchange.request().getMethod();
    }

    @Override
    public List<String> getHttpRequestHeader(ServerExchange exchange, String name) {
        return ForwardedHeaders.checked(name, headers.values(name, exchange.request().getHeaders().get(name)));
    }

    @Override
    public Integer getHttpResponseStatusCode(ServerExchange exchange, ContainerResponseContext response, Throwable error) {
        if (response != null) {
            return StatusCodes.boxed(response.getStatus());
        }
        // No response at all: the exception escaped to the container, which answers 500.
        return error != null ? INTERNAL_SERVER_ERROR : null;
    }

    @Override
    public List<String> getHttpResponseHeader(ServerExchange exchange, ContainerResponseContext response, String name) {
        if (response == null) {
            return List.of();
        }
        List<String> values = headers.valuesIn(name, response.getStringHeaders());
        if (values.isEmpty() && CONTENT_TYPE.equals(name) && response.getMediaType() != null) {
            // Runtimes may negotiate the type without ever putting it among the headers.
            values = List.of(response.getMediaType().toString());
        }
        return values;
    }

    @Override
    public String getUrlScheme(ServerExchange exchange) {
        String scheme = ForwardedHeaders.checkedScheme(exchange.uri().scheme());
        if (scheme != null) {
            return scheme;
        }
        // The runtime applied something that is no scheme (a proxy header): the connection's own.
        try {
            return exchange.request().getSecurityContext().isSecure() ? HTTPS : HTTP;
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    @Override
    public String getUrlPath(ServerExchange exchange) {
        return exchange.uri().rawPath();
    }

    @Override
    public String getUrlQuery(ServerExchange exchange) {
        return queryRedactor.redact(exchange.uri().rawQuery());
    }

    @Override
    public String getNetworkPeerAddress(ServerExchange exchange, ContainerResponseContext response) {
        return exchange.connection().peerAddress();
    }

    @Override
    public Integer getNetworkPeerPort(ServerExchange exchange, ContainerResponseContext response) {
        return exchange.connection().peerPort();
    }

    @Override
    public String getNetworkProtocolName(ServerExchange exchange, ContainerResponseContext response) {
        return exchange.connection().protocolVersion() != null ? HTTP : null;
    }

    @Override
    public String getNetworkProtocolVersion(ServerExchange exchange, ContainerResponseContext response) {
        return exchange.connection().protocolVersion();
    }
}
