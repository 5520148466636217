package io.github.otelcdi.it.apps.work;

/** The payload of an asynchronous CDI event; its observer writes what it saw into it. */
public final class Job {

    private volatile String seen;

    /** @return what the observer saw, or null before it ran */
    public String seen() {
        return seen;
    }

    void seen(String what) {
        this.seen = what;
    }
}
