package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The request URI as the runtime built it, read once per request. Runtimes build it from what the
 * client sent, proxy headers included (Open Liberty applies {@code X-Forwarded-Proto} to it), so it
 * may not be a URI at all: then the path is taken from what JAX-RS matched, and the span is there
 * all the same, without a scheme or query.
 *
 * @param uri the request URI, or null when the runtime could not build one
 * @param rawPath the path as the client sent it (with the context root), never null
 */
record RequestUri(URI uri, String rawPath) {

    static RequestUri of(ContainerRequestContext request) {
        UriInfo info = request.getUriInfo();
        try {
            URI uri = info.getRequestUri();
            return new RequestUri(uri, uri.getRawPath());
        } catch (RuntimeException unusable) {
            return new RequestUri(null, fallbackPath(info));
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
     * @param containerPath the path as the container received it, or null
     * @return this, with that path where there is no usable URI
     */
    RequestUri withPath(String containerPath) {
        return uri == null && containerPath != null ? new RequestUri(null, containerPath) : this;
    }

    /** @return the scheme, or null when there is no usable URI */
    String scheme() {
        return uri == null ? null : uri.getScheme();
    }

    /** @return the raw query, or null */
    String rawQuery() {
        return uri == null ? null : uri.getRawQuery();
    }
}
