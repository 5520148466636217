package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code http.route} for a matched request: base path (context root and
 * {@code @ApplicationPath}) + class {@code @Path} + sub-resource locator {@code @Path}s + method
 * {@code @Path}. Templates are computed once per resource method (per locator chain for
 * sub-resources); a request to a root resource costs two map lookups and no allocation.
 */
final class RouteResolver {

    private static final String UNRESOLVED = "";

    private final boolean keepRegex;
    private final Map<Class<?>, Map<Method, MethodRoute>> rootRoutes = new ConcurrentHashMap<>();
    private final Map<List<Object>, String> chainTemplates = new ConcurrentHashMap<>();

    RouteResolver(boolean keepRegex) {
        this.keepRegex = keepRegex;
    }

    /** @return the route, or null when no resource method was matched (404, 405, pre-matching abort) */
    String resolve(ContainerRequestContext request, RequestUri uri, ResourceInfo resourceInfo) {
        if (resourceInfo == null) {
            return null;
        }
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return null;
        }
        UriInfo info = request.getUriInfo();
        MethodRoute route = methodRoute(type, method);
        if (route.template != null) {
            return route.forRequest(uri, info);
        }
        String template = chainTemplate(request, type, method);
        return template == UNRESOLVED ? null : RouteTemplate.join(keepRegex, uri.basePath(info), template);
    }

    /** Plain lookups on the hot path: a capturing computeIfAbsent lambda would allocate per request. */
    private MethodRoute methodRoute(Class<?> type, Method method) {
        Map<Method, MethodRoute> routes = rootRoutes.get(type);
        MethodRoute route = routes == null ? null : routes.get(method);
        if (route != null) {
            return route;
        }
        return rootRoutes.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> new MethodRoute(type, m, keepRegex));
    }

    /** A sub-resource: the route depends on the locators that led to it, read from the matched resources. */
    private String chainTemplate(ContainerRequestContext request, Class<?> type, Method method) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        List<Object> key = new ArrayList<>(matched.size() + 1);
        for (int i = matched.size() - 1; i >= 0; i--) {
            // The spec says instances; CXF hands out their classes.
            Object resource = matched.get(i);
            key.add(resource instanceof Class<?> resourceClass ? resourceClass : resource.getClass());
        }
        key.add(method);
        return chainTemplates.computeIfAbsent(key, k -> buildChainTemplate(k, type, method));
    }

    private String buildChainTemplate(List<Object> chain, Class<?> type, Method method) {
        if (chain.size() < 2) {
            return UNRESOLVED;
        }
        List<String> parts = new ArrayList<>();
        String rootPath = PathAnnotations.classPath((Class<?>) chain.get(0));
        if (rootPath == null) {
            return UNRESOLVED;
        }
        parts.add(rootPath);
        for (int i = 1; i < chain.size() - 1; i++) {
            String locator = PathAnnotations.locatorPath((Class<?>) chain.get(i - 1), (Class<?>) chain.get(i));
            if (locator == null) {
                return UNRESOLVED;
            }
            parts.add(locator);
        }
        parts.add(PathAnnotations.methodPath(type, method));
        return RouteTemplate.join(keepRegex, parts.toArray(String[]::new));
    }

    /** The template of a method on a root resource class, and its route under the last base path seen. */
    private static final class MethodRoute {

        private final String template;
        private final boolean keepRegex;
        private volatile String[] lastBaseAndRoute = {null, null};

        MethodRoute(Class<?> type, Method method, boolean keepRegex) {
            this.keepRegex = keepRegex;
            String classPath = PathAnnotations.classPath(type);
            this.template = classPath == null ? null
                    : RouteTemplate.join(keepRegex, classPath, PathAnnotations.methodPath(type, method));
        }

        String forRequest(RequestUri uri, UriInfo info) {
            String[] last = lastBaseAndRoute;
            if (last[0] != null && uri.hasBase(info, last[0])) {
                return last[1];
            }
            String base = uri.basePath(info);
            if (base.equals(last[0])) {
                return last[1];
            }
            String route = RouteTemplate.join(keepRegex, base, template);
            lastBaseAndRoute = new String[] {base, route};
            return route;
        }
    }
}
