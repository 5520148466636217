package io.github.otelcdi.servers.lanes.payara;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Payara Micro as one server for a whole lane, as on the other servers: started once
 * ({@link PayaraMicroHost} in a JVM of its own), applications deployed to it and undeployed while it
 * runs, several at a time. Payara's own Arquillian adapter starts a Payara Micro per deployment,
 * one at a time, which the behaviour suite (two services calling each other) cannot use.
 */
public class PayaraMicroContainer implements DeployableContainer<PayaraMicroConfiguration> {

    private static final String HOST_CLASS = PayaraMicroHost.class.getName();
    private static final String SERVLET_RUNNER = "ArquillianServletRunnerEE9";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PayaraMicroConfiguration configuration;
    private Process process;

    @Override
    public Class<PayaraMicroConfiguration> getConfigurationClass() {
        return PayaraMicroConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public void start() throws LifecycleException {
        try {
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(configuration.getJavaVmArguments().trim().split("\\s+")));
            command.addAll(moduleOptions(configuration.getMicroJar()));
            command.add("-cp");
            command.add(configuration.getMicroJar() + File.pathSeparator + hostClasses());
            command.add(HOST_CLASS);
            command.add(Integer.toString(configuration.getHttpPort()));
            command.add(Integer.toString(configuration.getControlPort()));
            File log = new File(configuration.getLogFile() != null ? configuration.getLogFile() : "target/payara-micro.log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            awaitReady(log);
        } catch (IOException e) {
            throw new LifecycleException("Payara Micro did not start", e);
        }
    }

    private void awaitReady(File log) throws LifecycleException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(configuration.getStartupTimeoutInSeconds());
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LifecycleException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (send("GET", "/apps/", HttpRequest.BodyPublishers.noBody()).statusCode() == 405) {
                    return;
                }
            } catch (IOException notYet) {
                // Still booting.
            }
            sleep(250);
        }
        stopProcess();
        throw new LifecycleException("Payara Micro did not start within " + configuration.getStartupTimeoutInSeconds() + " s; see " + log);
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = contextRoot(archive);
        ByteArrayOutputStream war = new ByteArrayOutputStream();
        archive.as(ZipExporter.class).exportTo(war);
        HttpResponse<String> answer;
        try {
            answer = send("PUT", "/apps/" + name, HttpRequest.BodyPublishers.ofByteArray(war.toByteArray()));
        } catch (IOException e) {
            throw new DeploymentException("Payara Micro did not answer the deployment of " + archive.getName(), e);
        }
        if (answer.statusCode() != 200) {
            throw new DeploymentException(answer.body());
        }
        HTTPContext http = new HTTPContext("127.0.0.1", configuration.getHttpPort());
        http.add(new Servlet(SERVLET_RUNNER, "/" + name));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            send("DELETE", "/apps/" + contextRoot(archive), HttpRequest.BodyPublishers.noBody());
        } catch (IOException e) {
            throw new DeploymentException("Payara Micro did not answer the undeployment of " + archive.getName(), e);
        }
    }

    @Override
    public void stop() {
        try {
            send("POST", "/stop", HttpRequest.BodyPublishers.noBody());
        } catch (IOException alreadyGone) {
            // It stops anyway below.
        }
        stopProcess();
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + configuration.getControlPort() + path))
                .timeout(Duration.ofMinutes(3)).method(method, body).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String contextRoot(Archive<?> archive) {
        return archive.getName().replaceFirst("\\.war$", "");
    }

    /** The JVM options Payara Micro's manifest asks for when run with {@code -jar}. */
    private static List<String> moduleOptions(String microJar) throws IOException {
        List<String> options = new ArrayList<>();
        try (JarFile jar = new JarFile(microJar)) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            for (String[] kind : new String[][] {{"Add-Opens", "--add-opens"}, {"Add-Exports", "--add-exports"}}) {
                String value = manifest.getValue(kind[0]);
                if (value != null) {
                    for (String target : value.trim().split("\\s+")) {
                        options.add(kind[1] + "=" + target + "=ALL-UNNAMED");
                    }
                }
            }
        }
        return options;
    }

    /** A folder holding the host's classes alone, so Payara's class path carries nothing else of the tests. */
    private static String hostClasses() throws IOException {
        Path source;
        try {
            source = Paths.get(PayaraMicroHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String packagePath = PayaraMicroHost.class.getPackageName().replace('.', '/');
        Path target = Files.createTempDirectory("payara-micro-host");
        Path targetPackage = Files.createDirectories(target.resolve(packagePath));
        try (Stream<Path> files = Files.list(source.resolve(packagePath))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PayaraMicroHost.class.getSimpleName())).toList()) {
                Files.copy(file, targetPackage.resolve(file.getFileName()));
            }
        }
        return target.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
