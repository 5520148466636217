package io.github.otelcdi.servers.probe;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What an undeployed application may leave behind in the server's JVM, counted from another
 * application after a full GC: threads of the application (by context class loader or by the names
 * the SDK and its exporters give them), {@code java.util.logging} handlers of otel-cdi's classes on
 * any logger, MBeans of OpenTelemetry or otel-cdi, and class loaders of the application by name.
 * Answers {@code threads=N handlers=N mbeans=N loaders=N names=<the threads' names>}.
 */
@Path("state")
public class ProbeResource {

    private static final String[] SDK_THREADS = {"batchspanprocessor", "periodicmetricreader", "batchlogrecordprocessor", "okhttp", "otel"};

    @GET
    @Produces("text/plain")
    public String state(@QueryParam("app") String app) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        String deployment = "deployment." + app + ".war";
        List<String> names = Thread.getAllStackTraces().keySet().stream().filter(t -> belongs(t, deployment))
                .map(t -> t.getName().replace(' ', '_')).sorted().toList();
        long threads = names.size();
        long handlers = 0;
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                for (Handler handler : logger.getHandlers()) {
                    if (handler.getClass().getName().startsWith("io.github.otelcdi")) {
                        handlers++;
                    }
                }
            }
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long mbeans = server.queryNames(null, null).stream().map(ObjectName::toString).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.contains("opentelemetry") || s.contains("otelcdi") || s.contains("otel-cdi")).count();
        String loaders = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassloaders",
                new Object[] {null}, new String[] {String[].class.getName()});
        long named = loaders.lines().filter(line -> line.contains("\"" + deployment + "\"")).count();
        return "threads=" + threads + " handlers=" + handlers + " mbeans=" + mbeans + " loaders=" + named + " names=" + String.join(",", names);
    }

    private static boolean belongs(Thread thread, String deployment) {
        ClassLoader loader = thread.getContextClassLoader();
        if (loader != null && deployment.equals(loader.getName())) {
            return true;
        }
        String name = thread.getName().toLowerCase(Locale.ROOT);
        for (String sdk : SDK_THREADS) {
            if (name.contains(sdk)) {
                return true;
            }
        }
        return false;
    }
}
