package io.github.otelcdi.demo;

/** An order of the demo shop. */
public record Order(long id, String item, int quantity) {

    String toJson() {
        return "{\"id\":" + id + ",\"item\":\"" + item.replace("\"", "\\\"") + "\",\"quantity\":" + quantity + "}";
    }
}
