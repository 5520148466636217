package io.github.otelcdi.cdi.internal.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Of the OTLP exporters' HTTP senders found as separate jars, keeps the JDK's: its threads end with
 * the SDK, while OkHttp's idle threads outlive an undeploy and keep the application loaded. With
 * both, the SDK would also pick one at random and warn. The bundle leaves OkHttp's entry out
 * itself. The JDK's is then offered as a {@link DeferredHttpSenderProvider}, which creates its
 * client on the first export instead of at start-up. A user's explicit choice (the SDK's own
 * setting, as a system property or environment variable) is left to the SDK.
 */
public final class HttpSenderPreference {

    /** The service file of the SDK's HTTP sender SPI. */
    public static final String SERVICE_FILE = "META-INF/services/io.opentelemetry.sdk.common.export.HttpSenderProvider";
    private static final String CHOICE_PROPERTY = "io.opentelemetry.sdk.common.export.HttpSenderProvider";
    // The SDK reads its setting under both names.
    private static final String CHOICE_VARIABLE = "IO_OPENTELEMETRY_SDK_COMMON_EXPORT_HTTPSENDERPROVIDER";
    // A name, not a class literal: an application without the JDK sender's jar (OkHttp's only) must
    // still get its SDK.
    private static final String PREFERRED = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

    private HttpSenderPreference() {
    }

    /**
     * @param files the service files found
     * @return the files to offer the SDK: the deferred JDK sender's alone when the JDK's is among them
     */
    public static List<URL> apply(List<URL> files) {
        if (files.isEmpty() || chosenByUser()) {
            return files;
        }
        List<URL> preferred = new ArrayList<>();
        for (URL file : files) {
            if (names(file, PREFERRED)) {
                preferred.add(file);
            }
        }
        if (preferred.isEmpty()) {
            return files;
        }
        return DeferredHttpSenderProvider.SERVICE_FILE != null ? List.of(DeferredHttpSenderProvider.SERVICE_FILE) : preferred;
    }

    private static boolean chosenByUser() {
        return System.getProperty(CHOICE_PROPERTY) != null || System.getenv(CHOICE_VARIABLE) != null;
    }

    private static boolean names(URL file, String provider) {
        try (InputStream in = file.openStream();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                if ((comment >= 0 ? line.substring(0, comment) : line).trim().equals(provider)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
