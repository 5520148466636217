package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One traced request: its SERVER span and what we learn about the exchange on the way (the
 * connection, the route, the application's exception, the response, a failed body write). Handed as
 * a request property from the provider that starts the span to the ones that end it. Holds the
 * context, never a {@code Scope}: scopes are opened and closed on one thread by whoever makes the
 * span current there.
 *
 * <p>Who ends the span depends on what the runtime offers, decided once per request: its own
 * end-of-exchange signal (Jersey's request events, the servlet request's completion), else the
 * writer interceptor once the body is written, else the response filter when there is no body.
 * A resource method given an event sink (Server-Sent Events) keeps the span open beyond all of
 * them, until the stream is over too.
 *
 * <p>Longer than our other classes on purpose: everything known about one request lives in this one
 * object, since each object split off it would be one more allocation on every traced request.
 */
public final class ServerExchange {

    private static final VarHandle ENDED;
    private static final VarHandle RESPONDED;
    private static final VarHandle ERROR_RECORDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(ServerExchange.class, "ended", boolean.class);
            RESPONDED = MethodHandles.lookup().findVarHandle(ServerExchange.class, "responded", boolean.class);
            ERROR_RECORDED = MethodHandles.lookup().findVarHandle(ServerExchange.class, "errorRecorded", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Who ends the span. */
    enum Ending {
        /** The response filter, for a response without a body (the default). */
        RESPONSE_FILTER,
        /** The writer interceptor, once the body is written. */
        AFTER_WRITE,
        /** The runtime's own end-of-exchange signal. */
        CONTAINER
    }

    private final ServerTelemetry telemetry;
    private final ContainerRequestContext request;
    private final RequestUri uri;
    private final Connection connection;
    private Context context;
    private volatile Ending ending = Ending.RESPONSE_FILTER;
    private volatile ContainerResponseContext response;
    private volatile Throwable applicationError;
    // Touched only by the thread running resource methods.
    private int resourceMethodDepth;
    private volatile boolean resourceMethodEntered;
    private boolean passThrough;
    private boolean adopted;
    @SuppressWarnings("unused") // through ERROR_RECORDED
    private volatile boolean errorRecorded;
    // Set before the span starts, read by the propagation getter and the link extractor on the same thread.
    private SpanContext untrustedCaller;
    private volatile IOException writeFailure;
    @SuppressWarnings("unused") // through RESPONDED
    private volatile boolean responded;
    // One thread at a time reads the body and one writes it; -1 until the body is seen.
    private volatile long requestBodyBytes = -1;
    private volatile long responseBodyBytes = -1;
    @SuppressWarnings("unused") // through ENDED
    private volatile boolean ended;
    // Set for an event stream, before anything could end the exchange.
    private volatile EventStream stream;

    ServerExchange(ServerTelemetry telemetry, ContainerRequestContext request, RequestUri uri, Connection connection) {
        this.telemetry = telemetry;
        this.request = request;
        this.uri = uri;
        this.connection = connection;
    }

    void started(Context spanContext) {
        this.context = spanContext;
    }

    /**
     * For an excluded URL: no span, but the caller's context (trace and baggage) is current while
     * the resource runs, so the calls it makes still join the caller's trace.
     */
    void passThrough(Context incoming) {
        this.context = incoming;
        this.passThrough = true;
        this.responded = true;
        ENDED.setVolatile(this, true);
    }

    /**
     * The SERVER span is the OpenTelemetry Java agent's, started before JAX-RS saw the request:
     * otel-cdi names and enriches it, and leaves ending it to the agent.
     */
    void adopt(Context agentContext) {
        this.context = agentContext;
        this.adopted = true;
    }

    /** @return true once only: the exception event goes on the agent's span at most once */
    boolean firstErrorRecord() {
        return ERROR_RECORDED.compareAndSet(this, false, true);
    }

    /** @return whether the SERVER span is the agent's */
    boolean adopted() {
        return adopted;
    }

    /**
     * Marks the request as coming from a caller whose trace context must not be continued: from
     * now on its propagation headers read as absent.
     *
     * @param caller the span context the caller sent, possibly invalid; kept to link to
     */
    void distrust(SpanContext caller) {
        this.untrustedCaller = caller;
    }

    /** @return whether the caller's propagation headers are to be ignored */
    boolean untrusted() {
        return untrustedCaller != null;
    }

    /** @return the span context an untrusted caller sent, or null when the caller is trusted */
    SpanContext untrustedCaller() {
        return untrustedCaller;
    }

    /** @return false for an excluded URL, whose exchange only carries the caller's context */
    public boolean traced() {
        return !passThrough;
    }

    /**
     * Makes the SERVER span current on this thread, its ids in the logging context maps too; for an
     * excluded URL, only the caller's context.
     *
     * @return the scope to close on the same thread
     */
    public Scope makeCurrent() {
        Scope scope = context.makeCurrent();
        return passThrough ? scope : telemetry.logCorrelation().attach(Span.fromContext(context).getSpanContext(), scope);
    }

    /** @return the context holding the SERVER span (and the caller's baggage) */
    public Context context() {
        return context;
    }

    /**
     * Reports a failure of otel-cdi's own code around this exchange, once per place.
     *
     * @param where what otel-cdi was doing
     * @param failure what went wrong
     */
    public void report(String where, RuntimeException failure) {
        telemetry.failures().report(where, failure);
    }

    /** The runtime's own signal ends the span: the response filter and the writer leave it alone. */
    public void endedByContainer() {
        ending = Ending.CONTAINER;
    }

    /** @param after who ends the span from now on */
    void endedBy(Ending after) {
        ending = after;
    }

    /** @return who ends the span */
    Ending ending() {
        return ending;
    }

    /**
     * Records what the application threw, as it left the resource method (before any
     * {@code ExceptionMapper}) or as an asynchronous response failed; the first one counts.
     *
     * @param error the exception
     */
    public void failed(Throwable error) {
        if (applicationError == null) {
            applicationError = error;
        }
    }

    /** @return what the application threw (the first), or null */
    Throwable applicationError() {
        return applicationError;
    }

    /** @return whether this is the outermost resource method call of the request (the one JAX-RS made) */
    public boolean enterResourceMethod() {
        resourceMethodEntered = true;
        return ++resourceMethodDepth == 1;
    }

    /** @return whether a resource-method interceptor has seen the resource method run (or start to) */
    boolean resourceMethodEntered() {
        return resourceMethodEntered;
    }

    /** Leaves the call {@link #enterResourceMethod} entered. */
    public void exitResourceMethod() {
        resourceMethodDepth--;
    }

    /** @return the request as JAX-RS sees it */
    public ContainerRequestContext request() {
        return request;
    }

    /** @return the request URI, read once; never null */
    RequestUri uri() {
        return uri;
    }

    /** @return what the transport told about the request; never null */
    Connection connection() {
        return connection;
    }

    void requestBodyRead(long bytes) {
        requestBodyBytes = Math.max(requestBodyBytes, 0) + bytes;
    }

    void responseBodyWritten(long bytes) {
        responseBodyBytes = Math.max(responseBodyBytes, 0) + bytes;
    }

    /** @return the request body bytes the application read, or -1 when it read none */
    long requestBodyBytes() {
        return requestBodyBytes;
    }

    /** @return the response body bytes handed to the container, or -1 when there was no body */
    long responseBodyBytes() {
        return responseBodyBytes;
    }

    /** Records that the client could not be sent the body (it went away); the first failure counts. */
    void writeFailed(IOException failure) {
        if (writeFailure == null) {
            writeFailure = failure;
        }
    }

    /** @return the failure writing the body, or null */
    IOException writeFailure() {
        return writeFailure;
    }

    /**
     * Keeps the response and runs the response hooks, once: as soon as the response is known, or at
     * the end when there is none.
     *
     * @param response the response, or null
     */
    public void responded(ContainerResponseContext response) {
        // Kept before the flag is set: a stream may end the span on another thread as soon as it is.
        if (response != null && this.response == null) {
            this.response = response;
        }
        // A timeout may race the resumed response: the hooks still run once.
        if (RESPONDED.compareAndSet(this, false, true)) {
            telemetry.runResponseHooks(this, response);
        }
    }

    /**
     * Ends the span with the response kept by {@link #responded}; only the first call counts.
     *
     * @param containerError what the runtime saw fail the exchange (an exception nothing mapped), or null
     */
    public void end(Throwable containerError) {
        end(response, containerError);
    }

    /**
     * Ends the span; only the first call counts. For an event stream, this only says that the
     * exchange is over; the span ends when the stream is over too.
     *
     * @param finalResponse the response, or null when none was produced
     * @param containerError what the runtime saw fail the exchange, or null
     */
    public void end(ContainerResponseContext finalResponse, Throwable containerError) {
        EventStream streaming = stream;
        if (streaming == null) {
            finish(finalResponse, containerError);
        } else {
            responded(finalResponse);
            streaming.exchangeOver(finalResponse, containerError);
        }
    }

    /**
     * The application was handed an event stream whose end otel-cdi will see: from now on the span
     * lasts until the stream is over as well. Called before the resource method runs, so before the
     * exchange can end.
     *
     * @return the stream, to be told when it is over
     */
    public EventStream streaming() {
        EventStream streaming = stream;
        if (streaming == null) {
            streaming = new EventStream(this);
            stream = streaming;
        }
        return streaming;
    }

    /** @return the event stream the span waits for, or null */
    public EventStream eventStream() {
        return stream;
    }

    /** @return the response kept when it was first known, or null */
    ContainerResponseContext keptResponse() {
        return response;
    }

    /** @param failure why the event stream failed, or null */
    void streamFailed(Throwable failure) {
        if (failure instanceof IOException io) {
            writeFailed(io);
        } else if (failure != null) {
            failed(failure);
        }
    }

    void finish(ContainerResponseContext finalResponse, Throwable containerError) {
        if (ENDED.compareAndSet(this, false, true)) {
            responded(finalResponse);
            Throwable error = applicationError != null ? applicationError : containerError;
            telemetry.end(this, finalResponse, error != null ? error : writeFailure);
        }
    }
}
