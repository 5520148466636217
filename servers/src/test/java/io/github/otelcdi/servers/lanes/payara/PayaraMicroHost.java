package io.github.otelcdi.servers.lanes.payara;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One Payara Micro for a whole test lane, booted through Payara Micro's own API in a JVM of its
 * own, with a small control endpoint on 127.0.0.1 through which {@link PayaraMicroContainer}
 * deploys and undeploys applications while it runs, the way an operator deploys to a server. The
 * answer to a failed deployment is what Payara logged meanwhile (the reason, e.g. otel-cdi's).
 *
 * <p>Arguments: HTTP port, control port.
 */
public final class PayaraMicroHost {

    private final PayaraMicroRuntime runtime;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private PayaraMicroHost(PayaraMicroRuntime runtime) {
        this.runtime = runtime;
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int controlPort = Integer.parseInt(args[1]);
        applyBootProperties();
        PayaraMicroRuntime runtime = PayaraMicro.getInstance()
                .setHttpPort(httpPort)
                .setNoCluster(true)
                .setPrintLogo(false)
                .bootStrap();
        PayaraMicroHost host = new PayaraMicroHost(runtime);
        Logger.getLogger("").addHandler(host.new Warnings());
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 10);
        control.createContext("/apps/", host::apps);
        control.createContext("/stop", exchange -> {
            answer(exchange, 200, "stopping");
            control.stop(0);
            try {
                runtime.shutdown();
            } catch (Exception e) {
                // Stopping anyway.
            }
            System.exit(0);
        });
        control.start();
        System.out.println("payara-micro-host ready");
    }

    /**
     * The system properties {@code java -jar payara-micro.jar} sets before it boots, from the jar's
     * {@code MICRO-INF/payara-boot.properties}; the API's boot leaves them out. Payara Micro 7 needs
     * them: its JACC policy factory is named there, and without it no application deploys.
     */
    private static void applyBootProperties() throws IOException {
        Properties boot = new Properties();
        try (InputStream in = PayaraMicro.class.getResourceAsStream("/MICRO-INF/payara-boot.properties")) {
            if (in == null) {
                return;
            }
            boot.load(in);
        }
        for (String name : boot.stringPropertyNames()) {
            if (System.getProperty(name) == null) {
                System.setProperty(name, boot.getProperty(name));
            }
        }
    }

    private synchronized void apps(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/apps/".length());
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                byte[] war = exchange.getRequestBody().readAllBytes();
                warnings.clear();
                boolean deployed;
                try {
                    deployed = runtime.deploy(name, name, new ByteArrayInputStream(war));
                } catch (RuntimeException e) {
                    warnings.add(e.toString());
                    deployed = false;
                }
                if (deployed && runtime.getDeployedApplicationNames().contains(name)) {
                    answer(exchange, 200, "deployed " + name);
                } else {
                    answer(exchange, 500, "deployment of " + name + " failed:\n" + String.join("\n", warnings));
                }
            }
            case "DELETE" -> {
                runtime.undeploy(name);
                answer(exchange, 200, "undeployed " + name);
            }
            default -> answer(exchange, 405, exchange.getRequestMethod());
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What Payara logs at WARNING and above, with the exception chain, for the answer to a failed deployment. */
    private final class Warnings extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
