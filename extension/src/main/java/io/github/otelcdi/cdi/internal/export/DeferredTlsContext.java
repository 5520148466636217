package io.github.otelcdi.cdi.internal.export;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context for a client that talks plain HTTP: the JDK's {@code HttpClient} asks its context
 * for default parameters as it is created, which makes the JDK's default context read its CA
 * certificates. This one answers that with empty parameters and hands over to the JDK's default
 * context only if a TLS connection is ever opened. Such a connection would then have the engine's own
 * defaults, and the client would not offer HTTP/2 over it (it checks the default parameters'
 * protocols for that); only {@code http://} endpoints get this context, whose exporter never opens one.
 */
final class DeferredTlsContext extends SSLContext {

    DeferredTlsContext() {
        super(new Spi(), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {

        private static SSLContext jdkDefault() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no default TLS context", e);
            }
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw new UnsupportedOperationException("otel-cdi's TLS context of a plain HTTP exporter is not initialised");
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return jdkDefault().getSupportedSSLParameters();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return jdkDefault().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return jdkDefault().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return jdkDefault().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return jdkDefault().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return jdkDefault().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return jdkDefault().getClientSessionContext();
        }
    }
}
