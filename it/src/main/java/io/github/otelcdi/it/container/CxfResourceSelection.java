package io.github.otelcdi.it.container;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.cxf.cdi.JAXRSCdiResourceExtension;

/**
 * What a server's CXF integration serves, where CXF's CDI integration would serve more: classes,
 * not interfaces, as resources, and one JAX-RS application per archive (the one the other embedded
 * containers pick). CXF's CDI extension takes every bean whose types carry {@code @Path} for a
 * resource, the MicroProfile Rest Client's beans of {@code @RegisterRestClient} interfaces too,
 * creating them while the application deploys (which fails while the client's URL is not yet
 * configured), and builds a server for every {@code Application} (the second on the same path fails
 * the deployment). TomEE builds its resources from the archive's classes instead. So this lane's
 * container takes those beans out of CXF's lists before CXF builds its servers. Test
 * infrastructure: otel-cdi is not involved; the README's limits say what plain CXF + CDI users meet.
 */
final class CxfResourceSelection implements Extension {

    /** CXF's private sets of the beans it serves as resources and as applications. */
    private static final String SERVICE_BEANS = "serviceBeans";
    private static final String APPLICATION_BEANS = "applicationBeans";

    private final Class<?> application;

    /** @param application the archive's application the container serves; null to let CXF pick */
    CxfResourceSelection(Class<?> application) {
        this.application = application;
    }

    void beforeCxfBuildsServers(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AfterDeploymentValidation event,
            BeanManager beans) {
        JAXRSCdiResourceExtension cxf = beans.getExtension(JAXRSCdiResourceExtension.class);
        try {
            remove(cxf, SERVICE_BEANS, bean -> bean.getBeanClass().isInterface());
            if (application != null) {
                remove(cxf, APPLICATION_BEANS, bean -> bean.getBeanClass() != application);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            event.addDeploymentProblem(new IllegalStateException("this CXF's CDI extension keeps its beans elsewhere", e));
        }
    }

    private static void remove(JAXRSCdiResourceExtension cxf, String name, Predicate<Bean<?>> which) throws ReflectiveOperationException {
        Field field = JAXRSCdiResourceExtension.class.getDeclaredField(name);
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Set<Bean<?>> found = (Set<Bean<?>>) field.get(cxf);
        found.removeIf(which);
    }
}
