package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.config.SettingKeys;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Notices beans of the server's own OpenTelemetry in this application (WildFly's SmallRye
 * OpenTelemetry, Payara's and Liberty's MicroProfile Telemetry) and stops the deployment when
 * both would act: the same {@code Tracer} type from two producers (every injection ambiguous, two
 * SDKs), or the server's own SDK switched on by {@code otel.sdk.disabled=false} next to otel-cdi's.
 * Never two SERVER spans per request without a word. A copy of the server's that stays off (its
 * own types, its switch not set) is fine: otel-cdi traces.
 */
final class ServerTelemetryCheck {

    private static final Set<String> TELEMETRY_TYPES = Set.of(OpenTelemetry.class.getName(), Tracer.class.getName());
    private static final String HOW_TO = "See README, \"Application servers\": WildFly's standalone-microprofile.xml "
            + "needs WEB-INF/jboss-deployment-structure.xml excluding the opentelemetry and microprofile-telemetry "
            + "subsystems; Payara needs WEB-INF/glassfish-web.xml with <class-loader delegate=\"false\"/> and "
            + SettingKeys.OTEL_CDI_SDK_DISABLED + "=false instead of " + SettingKeys.SDK_DISABLED + "=false.";

    private volatile Bean<?> sameTypes;
    private volatile Bean<?> foreignTypes;

    /** Looks at every bean the container discovers. */
    void observe(Bean<?> bean) {
        if (bean.getBeanClass() == TelemetryProducers.class || !bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
            return;
        }
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> c && TELEMETRY_TYPES.contains(c.getName())) {
                if (c == OpenTelemetry.class || c == Tracer.class) {
                    sameTypes = bean;
                } else {
                    foreignTypes = bean;
                }
                return;
            }
        }
    }

    /**
     * @param config the application's configuration
     * @param otelCdiEnabled whether otel-cdi's SDK is on for this application
     * @return why the deployment must stop, or empty
     */
    Optional<String> problem(Config config, boolean otelCdiEnabled) {
        if (!otelCdiEnabled) {
            return Optional.empty();
        }
        Bean<?> same = sameTypes;
        if (same != null) {
            return Optional.of("otel-cdi: " + same.getBeanClass().getName() + " also provides OpenTelemetry beans of the "
                    + "same types as otel-cdi's (the server's own OpenTelemetry, or the application's): every injected Tracer "
                    + "would be ambiguous and two SDKs would trace each request. " + HOW_TO);
        }
        Bean<?> foreign = foreignTypes;
        boolean serverSwitchedOn = config.getOptionalValue(SettingKeys.SDK_DISABLED, String.class)
                .map(value -> value.trim().equalsIgnoreCase("false")).orElse(false);
        if (foreign != null && serverSwitchedOn) {
            return Optional.of("otel-cdi: the server's own OpenTelemetry (" + foreign.getBeanClass().getName() + ") is in "
                    + "this application too, and " + SettingKeys.SDK_DISABLED + "=false switches it on next to otel-cdi: "
                    + "both would trace every request. Leave " + SettingKeys.SDK_DISABLED + " unset and set "
                    + SettingKeys.OTEL_CDI_SDK_DISABLED + "=false. " + HOW_TO);
        }
        return Optional.empty();
    }
}
