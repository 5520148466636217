package io.github.otelcdi.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplateTest {

    @Test
    void slashesAreNormalised() {
        assertEquals("/ctx/api/orders/{id}", RouteTemplate.join(false, "/ctx/api/", "orders/", "/{id}"));
        assertEquals("/orders", RouteTemplate.join(false, "//", "orders//", ""));
        assertEquals("/", RouteTemplate.join(false, "/", "", null));
    }

    @Test
    void regexIsStrippedUnlessKept() {
        assertEquals("/orders/{id}/{rest}", RouteTemplate.join(false, "orders/{id: [0-9]+}", "{ rest : .+ }"));
        assertEquals("/codes/{code}", RouteTemplate.join(false, "codes/{code:[A-Z]{3}}"));
        assertEquals("/orders/{id: [0-9]+}", RouteTemplate.join(true, "orders/{id: [0-9]+}"));
    }

    @Test
    void slashInsideRegexDoesNotSplitTheSegment() {
        assertEquals("/files/{path}", RouteTemplate.join(false, "files/{path: .+/.+}"));
        assertEquals("/files/{path: a/b}", RouteTemplate.join(true, "files/{path: a/b}"));
    }
}
