package io.greentrain.agent.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads GreenTrain's core and all its dependencies (Byte Buddy, Micrometer, client_java, OSHI, JNA...)
 * from the {@code inst/} entries of the agent jar, where classes are stored as {@code .classdata}: no
 * application class loader can load them, and nothing is relocated (JNA cannot be: its native dispatch
 * library is bound to {@code com.sun.jna} names).
 *
 * <p>Child-first: our own copy of a library always wins over anything a parent could offer. The parent is
 * the platform loader, so the application's class path is never visible from here. Exactly two things are
 * shared: JDK classes ({@code java.*} always go to the parent) and this bootstrap package, which is
 * delegated to the loader that defined it, so the core and inlined advice see the same
 * {@link TrainingCallBridge}.
 *
 * <p>Multi-release entries ({@code inst/META-INF/versions/N/...}, e.g. Byte Buddy's Java 24 classes) are
 * honoured for N up to the running Java version.
 */
public final class IsolatingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String PREFIX = "inst/";
    private static final String CLASS_SUFFIX = ".classdata";

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain protectionDomain;
    private final int javaFeature;
    private final ClassLoader bridgeLoader;

    private static final String BRIDGE_PACKAGE = IsolatingClassLoader.class.getPackage().getName() + ".";

    /**
     * @param agentJar     the agent jar with the {@code inst/} entries
     * @param parent       the platform class loader
     * @param bridgeLoader the loader that defined this bootstrap package (the system class loader)
     */
    public IsolatingClassLoader(File agentJar, ClassLoader parent, ClassLoader bridgeLoader) throws IOException {
        super(parent);
        this.bridgeLoader = bridgeLoader;
        this.jar = new JarFile(agentJar, false);
        this.jarUrl = "jar:" + agentJar.toURI() + "!/";
        this.protectionDomain = new ProtectionDomain(new CodeSource(agentJar.toURI().toURL(), (Certificate[]) null), null, this, null);
        this.javaFeature = Runtime.version().feature();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.startsWith(BRIDGE_PACKAGE)) {
                loaded = bridgeLoader.loadClass(name);
            }
            if (loaded == null && !name.startsWith("java.")) {
                JarEntry entry = classEntry(name);
                if (entry != null) {
                    loaded = define(name, entry);
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
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = classEntry(name);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        return define(name, entry);
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    protected URL findResource(String name) {
        JarEntry entry = resourceEntry(name);
        if (entry == null) {
            return null;
        }
        try {
            return new URL(jarUrl + entry.getName());
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // child-first for resources too: ServiceLoader must find our META-INF/services, not the app's
        URL own = findResource(name);
        if (own != null) {
            return Collections.enumeration(Collections.singletonList(own));
        }
        return getParent().getResources(name);
    }

    private Class<?> define(String name, JarEntry entry) throws ClassNotFoundException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = readAll(in);
            definePackageOf(name);
            return defineClass(name, bytes, 0, bytes.length, protectionDomain);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // defined concurrently by another thread: fine
                }
            }
        }
    }

    private JarEntry classEntry(String className) {
        String path = className.replace('.', '/');
        return versioned(path + CLASS_SUFFIX);
    }

    private JarEntry resourceEntry(String name) {
        if (name.endsWith(".class")) {
            // Byte Buddy reads advice and type descriptions as resources named *.class
            return versioned(name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX);
        }
        return versioned(name);
    }

    private JarEntry versioned(String path) {
        for (int version = javaFeature; version >= 9; version--) {
            JarEntry entry = jar.getJarEntry(PREFIX + "META-INF/versions/" + version + "/" + path);
            if (entry != null) {
                return entry;
            }
        }
        return jar.getJarEntry(PREFIX + path);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
