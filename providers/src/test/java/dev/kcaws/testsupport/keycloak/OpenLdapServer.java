package dev.kcaws.testsupport.keycloak;

import org.junit.jupiter.api.Assumptions;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

/**
 * A private OpenLDAP server for user-federation tests, from Debian's {@code slapd} (which test.sh
 * installs when missing): a throwaway {@code slapd.conf} and MDB data directory under the build's
 * instances directory, {@code slapd} in the foreground on a free port bound to 127.0.0.1 only, the
 * suffix {@value #SUFFIX} with {@code ou=people} and {@code ou=groups}, the manager
 * {@value #ADMIN_DN} / {@value #ADMIN_PASSWORD}. OpenLDAP keeps {@code entryUUID},
 * {@code createTimestamp} and {@code modifyTimestamp} itself, as Keycloak's LDAP provider (vendor
 * "other") expects. {@link #close()} stops it and deletes the directory. Entries are written over
 * LDAP with the JDK's JNDI provider.
 */
public final class OpenLdapServer implements AutoCloseable {

    public static final Path SLAPD = Path.of("/usr/sbin/slapd");
    public static final String SUFFIX = "dc=example,dc=org";
    public static final String ADMIN_DN = "cn=admin," + SUFFIX;
    public static final String ADMIN_PASSWORD = "secret";
    public static final String PEOPLE = "ou=people," + SUFFIX;
    public static final String GROUPS = "ou=groups," + SUFFIX;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final int port = FreePort.find();
    private Process slapd;
    private Thread shutdownHook;

    private OpenLdapServer(Path root) {
        this.root = root;
    }

    /** Whether Debian's slapd is installed here (the tests that need it skip with one line otherwise). */
    public static boolean installed() {
        return Files.isExecutable(SLAPD);
    }

    /**
     * For a test: skips it with one line when slapd is missing, else starts a server in the build's
     * instances directory ({@link #start}).
     */
    public static OpenLdapServer startOrSkip() {
        Assumptions.assumeTrue(installed(),
                "skipped: " + SLAPD + " is missing (Debian's slapd package, which test.sh installs; it could not be installed here)");
        return start(BuildArtifacts.fromSystemProperties().instancesDir());
    }

    /** Creates, starts and returns a server holding the suffix, {@code ou=people} and {@code ou=groups}. */
    public static OpenLdapServer start(Path parentDir) {
        try {
            Files.createDirectories(parentDir);
            Path root = Files.createTempDirectory(parentDir, "openldap-").toAbsolutePath();
            Files.createDirectories(root.resolve("data"));
            Files.writeString(root.resolve("slapd.conf"), String.join("\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "pidfile " + root.resolve("slapd.pid"),
                    "database mdb",
                    "maxsize 67108864",
                    "suffix \"" + SUFFIX + "\"",
                    "rootdn \"" + ADMIN_DN + "\"",
                    "rootpw " + ADMIN_PASSWORD,
                    "directory " + root.resolve("data"),
                    ""));
            OpenLdapServer server = new OpenLdapServer(root);
            server.run();
            server.add(SUFFIX, Map.of("objectClass", List.of("dcObject", "organization"), "dc", List.of("example"), "o", List.of("Example")));
            server.add(PEOPLE, Map.of("objectClass", List.of("organizationalUnit"), "ou", List.of("people")));
            server.add(GROUPS, Map.of("objectClass", List.of("organizationalUnit"), "ou", List.of("groups")));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an OpenLDAP directory in " + parentDir, e);
        }
    }

    /** The URL Keycloak's LDAP provider takes ({@code connectionUrl}). */
    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public static String userDn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    public static String groupDn(String cn) {
        return "cn=" + cn + "," + GROUPS;
    }

    /**
     * Adds an {@code inetOrgPerson} under {@code ou=people}; its {@code cn} is the given name, which
     * Keycloak's default "first name" mapper of an LDAP provider with vendor "other" reads.
     */
    public void addUser(String uid, String givenName, String sn, String mail) {
        add(userDn(uid), Map.of("objectClass", List.of("inetOrgPerson", "organizationalPerson", "person", "top"),
                "uid", List.of(uid), "cn", List.of(givenName), "givenName", List.of(givenName), "sn", List.of(sn),
                "mail", List.of(mail)));
    }

    /** Adds a {@code groupOfNames} under {@code ou=groups} with the users (by uid; the schema wants at least one). */
    public void addGroup(String cn, List<String> memberUids) {
        add(groupDn(cn), Map.of("objectClass", List.of("groupOfNames", "top"), "cn", List.of(cn),
                "member", memberUids.stream().map(OpenLdapServer::userDn).toList()));
    }

    /** Replaces one attribute's values of an entry. */
    public void replace(String dn, String attribute, String... values) {
        modify(dn, DirContext.REPLACE_ATTRIBUTE, attribute, values);
    }

    public void addMember(String groupCn, String uid) {
        modify(groupDn(groupCn), DirContext.ADD_ATTRIBUTE, "member", userDn(uid));
    }

    public void removeMember(String groupCn, String uid) {
        modify(groupDn(groupCn), DirContext.REMOVE_ATTRIBUTE, "member", userDn(uid));
    }

    private void modify(String dn, int operation, String attribute, String... values) {
        BasicAttribute attr = new BasicAttribute(attribute);
        for (String value : values) {
            attr.add(value);
        }
        withContext(ctx -> ctx.modifyAttributes(dn, new ModificationItem[]{new ModificationItem(operation, attr)}));
    }

    private void add(String dn, Map<String, List<String>> attributes) {
        BasicAttributes attrs = new BasicAttributes(true);
        attributes.forEach((name, values) -> {
            Attribute attr = new BasicAttribute(name);
            values.forEach(attr::add);
            attrs.put(attr);
        });
        withContext(ctx -> ctx.createSubcontext(dn, attrs).close());
    }

    private interface DirWork {
        void run(DirContext ctx) throws NamingException;
    }

    private void withContext(DirWork work) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url());
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, ADMIN_DN);
        env.put(Context.SECURITY_CREDENTIALS, ADMIN_PASSWORD);
        try {
            DirContext ctx = new InitialDirContext(env);
            try {
                work.run(ctx);
            } finally {
                ctx.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP write to " + url() + " failed: " + e, e);
        }
    }

    private void run() {
        List<String> command = List.of(SLAPD.toString(), "-d", "0", "-h", url() + "/", "-f", root.resolve("slapd.conf").toString());
        try {
            slapd = new ProcessBuilder(ParentWatchdog.wrap(command)).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("slapd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        ProcessHandle handle = slapd.toHandle();
        shutdownHook = new Thread(() -> ProcessTree.stop(handle, Duration.ofSeconds(10)), "stop slapd " + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!slapd.isAlive()) {
                throw new IllegalStateException("slapd exited with code " + slapd.exitValue() + " before it accepted connections; "
                        + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("slapd did not accept connections within " + START_TIMEOUT.toSeconds() + " s; " + log());
    }

    private String log() {
        try {
            return Files.readString(root.resolve("slapd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (slapd != null) {
            ProcessTree.stop(slapd.toHandle(), Duration.ofSeconds(10));
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            slapd = null;
        }
        try {
            DistributionCopy.deleteTree(root);
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
