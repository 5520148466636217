package io.github.otelcdi.bench.otel;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The discarding exporter's span count, published as a platform MBean: the OpenTelemetry Java agent
 * loads the exporter in a class loader of its own, which the application's probe cannot see into;
 * JMX crosses it.
 */
public final class DiscardedSpans implements DiscardedSpansMBean {

    /** The MBean's name. */
    public static final String OBJECT_NAME = "io.github.otelcdi.bench:type=DiscardedSpans";
    /** The attribute holding the count. */
    public static final String ATTRIBUTE = "Count";

    private final AtomicLong count = new AtomicLong();

    private DiscardedSpans() {
    }

    /** @return the JVM's counter, registered on first use */
    static synchronized DiscardedSpans registered() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            DiscardedSpans spans = new DiscardedSpans();
            if (!server.isRegistered(name)) {
                server.registerMBean(spans, name);
            }
            return spans;
        } catch (JMException e) {
            throw new IllegalStateException("cannot publish the span count", e);
        }
    }

    void add(long spans) {
        count.addAndGet(spans);
    }

    @Override
    public long getCount() {
        return count.get();
    }
}
