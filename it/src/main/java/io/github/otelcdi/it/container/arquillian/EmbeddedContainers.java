package io.github.otelcdi.it.container.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the embedded container of this JVM's lane (system property {@code otel-cdi.lane}:
 * {@code jersey}, the default, {@code jersey-ee11}, {@code resteasy}, {@code plain-jersey} or {@code owb-cxf}) as Arquillian's only container.
 */
public class EmbeddedContainers implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        String lane = System.getProperty("otel-cdi.lane", "jersey");
        switch (lane) {
            case "jersey", "jersey-ee11" -> builder.service(DeployableContainer.class, WeldJerseyContainer.class);
            case "resteasy" -> builder.service(DeployableContainer.class, WeldResteasyContainer.class);
            case "plain-jersey" -> builder.service(DeployableContainer.class, PlainJerseyContainer.class);
            case "owb-cxf" -> builder.service(DeployableContainer.class, OwbCxfContainer.class);
            default -> throw new IllegalStateException("otel-cdi.lane=" + lane + " names no embedded container (jersey, jersey-ee11, resteasy, plain-jersey, owb-cxf)");
        }
    }
}
