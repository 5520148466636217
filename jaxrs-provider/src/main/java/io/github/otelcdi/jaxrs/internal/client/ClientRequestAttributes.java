package io.github.otelcdi.jaxrs.internal.client;

import io.github.otelcdi.jaxrs.internal.HeaderSanitizer;
import io.github.otelcdi.jaxrs.internal.QueryRedactor;
import io.github.otelcdi.jaxrs.internal.StatusCodes;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What the OpenTelemetry HTTP client extractors need to know about an outgoing JAX-RS call.
 * {@code url.full} never carries the values of sensitive query parameters (the extractor itself
 * removes user info); captured headers named for sanitizing are replaced here.
 */
final class ClientRequestAttributes implements HttpClientAttributesGetter<ClientRequestContext, ClientResponseContext> {


    private final HeaderSanitizer headers;
    private final QueryRedactor queryRedactor;

    ClientRequestAttributes(Set<String> sanitizedHeaders, QueryRedactor queryRedactor) {
        this.headers = new HeaderSanitizer(sanitizedHeaders);
        this.queryRedactor = queryRedactor;
    }

    @Override
    public String getHttpRequestMethod(ClientRequestContext request) {
        return request.getMethod();
    }

    @Override
    public String getUrlFull(ClientRequestContext request) {
        URI uri = request.getUri();
        String query = uri.getRawQuery();
        if (query == null) {
            return uri.toString();
        }
        String full = uri.toString();
        int start = full.indexOf('?');
        String redacted = queryRedactor.redact(query);
        // Same string when nothing was sensitive: no copy.
        return redacted.equals(query) ? full : full.substring(0, start + 1) + redacted + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    @Override
    public String getServerAddress(ClientRequestContext request) {
        return request.getUri().getHost();
    }

    @Override
    public Integer getServerPort(ClientRequestContext request) {
        URI uri = request.getUri();
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : null;
    }

    @Override
    public List<String> getHttpRequestHeader(ClientRequestContext request, String name) {
        return headers.valuesIn(name, request.getStringHeaders());
    }

    @Override
    public Integer getHttpResponseStatusCode(ClientRequestContext request, ClientResponseContext response, Throwable error) {
        return response == null ? null : StatusCodes.boxed(response.getStatus());
    }

    @Override
    public List<String> getHttpResponseHeader(ClientRequestContext request, ClientResponseContext response, String name) {
        return response == null ? List.of() : headers.values(name, response.getHeaders().get(name));
    }
}
