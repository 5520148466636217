package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.BeanManager;

/** The CDI container of one deployment, whichever implementation (Weld, OpenWebBeans) runs it. */
interface DeploymentCdi {

    /** @return the container's bean manager */
    BeanManager beanManager();

    /** Shuts the container down, flushing the application's telemetry; the archive's loader is the thread's. */
    void stop();
}
