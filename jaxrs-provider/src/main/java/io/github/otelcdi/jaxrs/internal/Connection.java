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

    /**
     * @param protocol the request line's protocol, e.g. {@code HTTP/1.1}
     * @return the version part ({@code 1.1}; {@code 2} for {@code HTTP/2.0}), or null when not HTTP
     */
    public static String httpVersion(String protocol) {
        if (protocol == null || !protocol.startsWith("HTTP/")) {
            return null;
        }
        String version = protocol.substring("HTTP/".length());
        return version.endsWith(".0") && !version.startsWith("1") ? version.substring(0, version.length() - 2) : version;
    }
}
