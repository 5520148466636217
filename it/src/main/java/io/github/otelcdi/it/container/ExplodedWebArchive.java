package io.github.otelcdi.it.container;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A web archive written to a temporary folder, with what a container needs to know of its layout. */
final class ExplodedWebArchive {

    private final Path root;
    private final String contextRoot;

    private ExplodedWebArchive(Path root, String contextRoot) {
        this.root = root;
        this.contextRoot = contextRoot;
    }

    static ExplodedWebArchive export(WebArchive archive) throws IOException {
        Path parent = Files.createTempDirectory("otel-cdi-deployment");
        File dir = archive.as(ExplodedExporter.class).exportExploded(parent.toFile(), "app");
        String name = archive.getName();
        String base = name.endsWith(".war") ? name.substring(0, name.length() - 4) : name;
        return new ExplodedWebArchive(dir.toPath(), base.equals("ROOT") ? "" : base);
    }

    /** @return the folder holding the archive's content */
    Path root() {
        return root;
    }

    /** @return the context root, without slashes; empty for the root context */
    String contextRoot() {
        return contextRoot;
    }

    /** @return {@code WEB-INF/classes} and every jar of {@code WEB-INF/lib} */
    URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(root.resolve("WEB-INF/classes").toUri().toURL());
            Path lib = root.resolve("WEB-INF/lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    /** @return every class of {@code WEB-INF/classes}, loaded by the archive's class loader */
    List<Class<?>> classes(ClassLoader loader) throws IOException {
        Path classesDir = root.resolve("WEB-INF/classes");
        List<Class<?>> classes = new ArrayList<>();
        if (!Files.isDirectory(classesDir)) {
            return classes;
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String relative = classesDir.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length()).replace(File.separatorChar, '.');
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class that cannot link here cannot be a bean or a resource either.
                }
            }
        }
        return classes;
    }

    /** @return the archive's {@code Application} subclass with {@code @ApplicationPath}, or null */
    static Class<? extends Application> applicationClass(List<Class<?>> classes) {
        for (Class<?> type : classes) {
            if (Application.class.isAssignableFrom(type) && type.isAnnotationPresent(ApplicationPath.class)) {
                return type.asSubclass(Application.class);
            }
        }
        return null;
    }

    /** @return the concrete classes that are resources or providers, {@code @Path} inherited from supertypes included */
    static List<Class<?>> jaxRsComponents(List<Class<?>> classes) {
        List<Class<?>> components = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass()) {
                continue;
            }
            if (type.isAnnotationPresent(Provider.class) || hasPath(type)) {
                components.add(type);
            }
        }
        return components;
    }

    private static boolean hasPath(Class<?> type) {
        if (type == null || type == Object.class) {
            return false;
        }
        if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (hasPath(implemented)) {
                return true;
            }
        }
        return hasPath(type.getSuperclass());
    }

    void delete() {
        try (Stream<Path> files = Files.walk(root.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only a temporary folder is left behind.
        }
    }
}
