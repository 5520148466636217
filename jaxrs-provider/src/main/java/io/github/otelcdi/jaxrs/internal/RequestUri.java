package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The parts of the request URI a span reports, read once per request. Where otel-cdi's servlet
 * filter saw the request, they are the servlet container's strings (the JAX-RS runtime would parse
 * a {@code URI} only because we ask for one: RESTEasy does). Elsewhere they come from the URI the
 * runtime built from what the client sent, proxy headers included (Open Liberty applies
 * {@code X-Forwarded-Proto} to it), so it may not be a URI at all: then the path is taken from the
 * container or from what JAX-RS matched, and the span is there all the same, without a scheme or
 * query.
 *
 * @param scheme the scheme, or null
 * @param rawPath the path as the client sent it (with the context root), never null
 * @param rawQuery the raw query, or null
 * @param usable false when the runtime could not build a URI: the path is then a best guess
 */
public record RequestUri(String scheme, String rawPath, String rawQuery, boolean usable) {

    /**
     * @param scheme the scheme
     * @param rawPath the path, still encoded, with the context root
     * @param rawQuery the query, still encoded, or null
     * @return the parts of a request URI that was read whole
     */
    public static RequestUri parsed(String scheme, String rawPath, String rawQuery) {
        return new RequestUri(scheme, rawPath, rawQuery, true);
    }

    static RequestUri of(ContainerRequestContext request) {
        if (request.getProperty(RequestProperties.CONTAINER_EXCHANGE) instanceof ContainerExchange container) {
            return container.requestUri();
        }
        UriInfo info = request.getUriInfo();
        try {
            URI uri = info.getRequestUri();
            return parsed(uri.getScheme(), uri.getRawPath(), uri.getRawQuery());
        } catch (RuntimeException unusable) {
            return new RequestUri(null, fallbackPath(info), null, false);
        }
    }

    private static String fallbackPath(UriInfo info) {
        try {
            return info.getAbsolutePath().getRawPath();
        } catch (RuntimeException unusable) {
            String path = info.getPath(false);
            return path.startsWith("/") ? path : "/" + path;
        }
    }

    /**
     * @param info the request's URI information
     * @return the base path (context root and application path), also where the runtime cannot build
     *         the base URI: then the request path without the part JAX-RS matched
     */
    String basePath(UriInfo info) {
        try {
            return info.getBaseUri().getRawPath();
        } catch (RuntimeException unusable) {
            String matched = info.getPath(false);
            String relative = matched.startsWith("/") ? matched.substring(1) : matched;
            return rawPath.endsWith(relative) ? rawPath.substring(0, rawPath.length() - relative.length()) : "/";
        }
    }

    /**
     * Spares the runtime building the base URI (RESTEasy parses one per request): JAX-RS paths are
     * relative to the base, so a request path that is a known base followed by the matched path
     * has that base.
     *
     * @param info the request's URI information
     * @param base a base path seen before
     * @return whether this request's path is that base followed by what JAX-RS matched
     */
    boolean hasBase(UriInfo info, String base) {
        String matched = info.getPath(false);
        int skip = matched.startsWith("/") ? 1 : 0;
        int length = matched.length() - skip;
        // Runtimes differ on the slash between the two: the base's last character (Jersey,
        // RESTEasy) or the matched path's first (CXF).
        int slash = base.endsWith("/") ? 0 : 1;
        int relativeStart = base.length() + slash;
        return rawPath.length() == relativeStart + length && rawPath.startsWith(base)
                && (slash == 0 || rawPath.charAt(base.length()) == '/')
                && rawPath.regionMatches(relativeStart, matched, skip, length);
    }

    /**
     * @param containerPath the path as the container received it, or null
     * @return this, with that path where there is no usable URI
     */
    RequestUri withPath(String containerPath) {
        return !usable && containerPath != null ? new RequestUri(null, containerPath, null, false) : this;
    }
}
