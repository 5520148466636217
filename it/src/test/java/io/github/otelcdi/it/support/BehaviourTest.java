package io.github.otelcdi.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of the behaviour suite: it deploys its applications through Arquillian on whatever
 * runtime the lane names ({@link Lane}), talks HTTP to them, and reads their telemetry from
 * {@link Telemetry}; each test starts with nothing captured. The {@value #TAG} tag lets every lane
 * select exactly these classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BehaviourTest.TAG)
@ExtendWith({ArquillianExtension.class, QuietTelemetry.class})
public @interface BehaviourTest {

    /** The JUnit tag of the behaviour suite. */
    String TAG = "behaviour";
}
