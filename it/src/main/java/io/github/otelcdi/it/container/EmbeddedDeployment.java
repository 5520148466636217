package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.BeanManager;
import java.net.URI;

/** One web archive deployed in this JVM, served on its own 127.0.0.1 port until closed. */
public interface EmbeddedDeployment extends AutoCloseable {

    /** @return the URI of the context root, ending in a slash, e.g. {@code http://127.0.0.1:40123/shop/} */
    URI contextUri();

    /** @return the class loader of the archive */
    ClassLoader classLoader();

    /** @return the archive's CDI bean manager */
    BeanManager beanManager();

    /** Stops serving, shuts the CDI container down (flushing its telemetry) and releases config and class loader. */
    @Override
    void close();
}
