package io.github.otelcdi.bench.otel;

/** The count of spans the discarding exporter received, as the probe reads it over JMX. */
public interface DiscardedSpansMBean {

    /** @return spans received so far */
    long getCount();
}
