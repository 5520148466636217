package io.github.otelcdi.cdi.internal.export;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts the spans lost at one stage of the export pipeline and tells the operator in one line per
 * outage: a WARNING when losses start, an INFO with the count when the stage works again, a WARNING
 * with the count if the application stops first. A backend that is down for an hour costs two lines,
 * not one per span or per batch.
 */
final class LossReport {

    private static final Logger LOG = Logger.getLogger(LossReport.class.getName());

    private final String stage;
    private final AtomicBoolean losing = new AtomicBoolean();
    private final AtomicLong lostInOutage = new AtomicLong();

    /** @param stage says where spans get lost, e.g. "span export through OtlpHttpSpanExporter" */
    LossReport(String stage) {
        this.stage = stage;
    }

    void lost(long spans, String cause) {
        lostInOutage.addAndGet(spans);
        if (losing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "otel-cdi: {0} is losing spans ({1}); they are counted, and the count is logged "
                    + "when it works again or when the application stops", new Object[] {stage, cause});
        }
    }

    /** Cheap when nothing was lost: one volatile read. */
    void working() {
        if (losing.get() && losing.compareAndSet(true, false)) {
            LOG.log(Level.INFO, "otel-cdi: {0} works again; {1} spans were lost meanwhile",
                    new Object[] {stage, lostInOutage.getAndSet(0)});
        }
    }

    /** Called once the stage has flushed, at shutdown. */
    void close() {
        close(0);
    }

    /**
     * Called once the stage has flushed, at shutdown.
     *
     * @param unanswered spans whose fate is still unknown (an export that never completed): lost too
     */
    void close(long unanswered) {
        long lost = lostInOutage.getAndSet(0) + unanswered;
        if (losing.getAndSet(false) || unanswered > 0) {
            LOG.log(Level.WARNING, "otel-cdi: {0} was still losing spans when the application stopped; "
                    + "{1} spans were lost since it last worked", new Object[] {stage, lost});
        }
    }
}
