package io.github.otelcdi.it.cxf;

import io.github.otelcdi.it.support.QuietTelemetry;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of lane owb-cxf alone: its applications use CXF's own API, so only that lane selects
 * the {@value #TAG} tag. Otherwise as a behaviour test: Arquillian deployments, nothing captured at the start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(CxfLaneTest.TAG)
@ExtendWith({ArquillianExtension.class, QuietTelemetry.class})
@interface CxfLaneTest {

    /** The JUnit tag of these classes. */
    String TAG = "cxf";
}
