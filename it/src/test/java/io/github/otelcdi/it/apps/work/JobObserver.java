package io.github.otelcdi.it.apps.work;

import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/** Observes {@link Job}s asynchronously, on the container's executor. */
@ApplicationScoped
public class JobObserver {

    @Inject
    Tracer tracer;

    void onJob(@ObservesAsync Job job) {
        job.seen(TaskProbe.run(tracer, "observe-job"));
    }
}
