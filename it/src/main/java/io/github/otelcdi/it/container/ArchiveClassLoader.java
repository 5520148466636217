package io.github.otelcdi.it.container;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one deployed web archive: the archive's own classes and resources first,
 * like a servlet container loads {@code WEB-INF/classes} and {@code WEB-INF/lib}, then the parent.
 * Platform packages always come from the parent.
 */
final class ArchiveClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String[] PARENT_FIRST = {"java.", "javax.", "jakarta.", "sun.", "jdk.", "org.eclipse.microprofile."};

    ArchiveClassLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && !parentFirst(name)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInArchive) {
                    loaded = null;
                }
            }
            if (loaded == null) {
                loaded = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    private static boolean parentFirst(String name) {
        for (String prefix : PARENT_FIRST) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
