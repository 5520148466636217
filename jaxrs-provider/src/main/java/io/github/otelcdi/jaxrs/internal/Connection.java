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

    private static final String HTTP_PREFIX = "HTTP/";

    /**
     * @param remoteAddress what the servlet request's {@code getRemoteAddr()} says
     * @param remotePort its {@code getRemotePort()}; zero or less when unknown
     * @param protocol its {@code getProtocol()}, e.g. {@code HTTP/1.1}
     * @return the connection as the semantic conventions write it ({@code HTTP/2.0} becomes {@code 2})
     */
    public static Connection ofServlet(String remoteAddress, int remotePort, String protocol) {
        return new Connection(remoteAddress, remotePort > 0 ? remotePort : null, version(protocol));
    }

    private static String version(String protocol) {
        if (protocol == null || !protocol.startsWith(HTTP_PREFIX)) {
            return null;
        }
        String version = protocol.substring(HTTP_PREFIX.length());
        return version.equals("2.0") ? "2" : version;
    }
}
