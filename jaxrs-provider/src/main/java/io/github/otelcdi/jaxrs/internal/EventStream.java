package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * The event stream (Server-Sent Events) of a traced exchange. Its SERVER span ends once both the
 * exchange (as the runtime sees it, usually when the resource method has returned) and the stream
 * are over, whichever comes last, on whichever thread that is. Each side marks itself, then looks at
 * the other: of two sides finishing at once, at least one sees both (the span ends once either way).
 */
public final class EventStream {

    private final ServerExchange exchange;
    private volatile boolean exchangeOver;
    private volatile boolean streamOver;
    private volatile boolean abandoned;
    private volatile Throwable containerError;
    private volatile ContainerResponseContext finalResponse;

    EventStream(ServerExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * The stream is over: the application closed the sink, or sending failed (the client went
     * away), or the container completed it.
     *
     * @param failure why, when it failed; null when it was closed
     */
    public void ended(Throwable failure) {
        exchange.streamFailed(failure);
        streamOver = true;
        if (exchangeOver) {
            exchange.finish(finalResponse(), containerError);
        }
    }

    /**
     * The resource method given the sink threw: there is no stream, and the exchange is over as
     * soon as its response is known (a servlet container may never see it complete: the runtime
     * suspended the request for the stream, and nothing closes the sink now).
     *
     * @param error what the method threw
     */
    public void abandoned(Throwable error) {
        abandoned = true;
        ended(error);
    }

    /** @return whether the resource method given the sink threw */
    boolean isAbandoned() {
        return abandoned;
    }

    /**
     * @param response the response the runtime ended the exchange with, or null; the last one is kept
     *                 (a runtime that sent the headers early answers a failure with another)
     * @param error what the runtime saw fail the exchange, or null; the first one is kept
     */
    void exchangeOver(ContainerResponseContext response, Throwable error) {
        if (response != null) {
            finalResponse = response;
        }
        if (containerError == null) {
            containerError = error;
        }
        exchangeOver = true;
        if (streamOver) {
            exchange.finish(finalResponse(), containerError);
        }
    }

    private ContainerResponseContext finalResponse() {
        ContainerResponseContext last = finalResponse;
        return last != null ? last : exchange.keptResponse();
    }
}
