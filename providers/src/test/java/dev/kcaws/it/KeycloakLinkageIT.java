package dev.kcaws.it;

import dev.kcaws.testsupport.keycloak.BuildArtifacts;
import dev.kcaws.testsupport.keycloak.ClassFileReferences;
import dev.kcaws.testsupport.keycloak.ClassFileReferences.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's jar links against the Keycloak server under test (the default one, KC_VERSION's,
 * or a version-matrix one): every Keycloak field, method and constructor its classes call exists
 * there, and every Keycloak method its classes override still exists to be overridden (an
 * override of a vanished method is silently never called). Built once against one Keycloak, the
 * jar breaks on another release exactly where this lists; the integration tests then show the
 * behaviour is the same.
 */
class KeycloakLinkageIT {

    static BuildArtifacts artifacts;
    static URLClassLoader server;
    static List<String> bundleClasses;

    @BeforeAll
    static void serverClasses() throws IOException {
        artifacts = BuildArtifacts.fromSystemProperties();
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(artifacts.keycloakHome().resolve("lib"))) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        server = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        bundleClasses = new ArrayList<>();
        try (JarFile jar = new JarFile(artifacts.providersJar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith("dev/kcaws/") && !name.startsWith("dev/kcaws/shaded/") && name.endsWith(".class")) {
                    bundleClasses.add(name);
                }
            }
        }
    }

    @Test
    void everyKeycloakMemberTheBundleCallsExistsOnThisServer() throws IOException {
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        try (JarFile jar = new JarFile(artifacts.providersJar().toFile())) {
            for (String entry : bundleClasses) {
                byte[] bytes = jar.getInputStream(jar.getEntry(entry)).readAllBytes();
                for (Reference ref : ClassFileReferences.of(bytes)) {
                    if (ref.owner().startsWith("org/keycloak/")) {
                        checked++;
                        if (!exists(ref)) {
                            missing.add(ref + " (called by " + entry.replace('/', '.').replace(".class", "") + ")");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("Keycloak references found in the bundle's classes").isGreaterThan(100);
        assertThat(missing).as("Keycloak members the bundle calls that %s lacks", artifacts.keycloakHome().getFileName()).isEmpty();
    }

    @Test
    void everyKeycloakMethodTheBundleOverridesExistsOnThisServer() throws IOException {
        // Read from class files, not loaded: the test classpath has Keycloak's jars without their graph.
        ClassLoader builtAgainst = KeycloakLinkageIT.class.getClassLoader();
        Set<String> missing = new TreeSet<>();
        try (JarFile jar = new JarFile(artifacts.providersJar().toFile())) {
            for (String entry : bundleClasses) {
                ClassFileReferences.Shape shape = ClassFileReferences.shape(jar.getInputStream(jar.getEntry(entry)).readAllBytes());
                if (shape.superName() == null || !shape.superName().startsWith("org/keycloak/")) {
                    continue;
                }
                Set<String> before = overridable(builtAgainst, shape.superName(), new HashSet<>());
                Set<String> now = overridable(server, shape.superName(), new HashSet<>());
                for (ClassFileReferences.Method m : shape.methods()) {
                    String key = m.name() + m.descriptor();
                    // An override of a Keycloak method where the jar was built must still be one on this server.
                    if (m.overridable() && before.contains(key) && !now.contains(key)) {
                        missing.add(entry.replace(".class", "").replace('/', '.') + "." + key + " overrides nothing in "
                                + shape.superName().replace('/', '.'));
                    }
                }
            }
        }
        assertThat(missing).as("overrides of Keycloak methods that %s lacks", artifacts.keycloakHome().getFileName()).isEmpty();
    }

    /** name+descriptor of every overridable method the type and its supertypes declare, as {@code loader}'s class files say. */
    private static Set<String> overridable(ClassLoader loader, String type, Set<String> seen) throws IOException {
        Set<String> methods = new HashSet<>();
        if (type == null || !seen.add(type)) {
            return methods;
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(type + ".class")) {
            if (in == null) {
                return methods;
            }
            bytes = in.readAllBytes();
        }
        ClassFileReferences.Shape shape = ClassFileReferences.shape(bytes);
        shape.methods().stream().filter(ClassFileReferences.Method::overridable).forEach(m -> methods.add(m.name() + m.descriptor()));
        methods.addAll(overridable(loader, shape.superName(), seen));
        for (String i : shape.interfaces()) {
            methods.addAll(overridable(loader, i, seen));
        }
        return methods;
    }

    private static boolean exists(Reference ref) {
        Class<?> owner;
        try {
            owner = Class.forName(ref.owner().replace('/', '.'), false, server);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return declares(owner, ref.name(), ref.descriptor(), new HashSet<>());
    }

    /** Whether the type or one of its supertypes declares the member (the JVM's resolution, give or take access). */
    private static boolean declares(Class<?> type, String name, String descriptor, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (descriptor.startsWith("(")) {
            if (name.equals("<init>")) {
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (MethodType.methodType(void.class, c.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                        return true;
                    }
                }
                return false;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(name) && descriptor(m).equals(descriptor)) {
                    return true;
                }
            }
        } else {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().equals(name) && f.getType().descriptorString().equals(descriptor)) {
                    return true;
                }
            }
        }
        if (declares(type.getSuperclass(), name, descriptor, seen)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (declares(i, name, descriptor, seen)) {
                return true;
            }
        }
        return false;
    }

    private static String descriptor(Method m) {
        return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }
}
