package io.github.otelcdi.jaxrs.internal;

/**
 * What the transport, not JAX-RS, knows about a request: the peer that sent it (the fallback for
 * {@code client.address} when no proxy header names the client) and the HTTP version.
 *
 * @param peerAddress the remote IP address, or null when the container does not say
 * @param peerPort the remote port, or null
 * @param protocolVersion {@code 1.0}, {@code 1.1}, {@code 2}, or null
 */
public record Connection(String peerAddress, Integer peerPort, String protocolVersion) {

    /** Nothing known. */
    public static final Connection UNKNOWN = new Connection(null, null, null);
}
