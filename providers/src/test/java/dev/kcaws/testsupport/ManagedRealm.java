package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A realm of its own on the {@link SharedKeycloak shared server} for one test class, as a JUnit 5
 * extension (the way Keycloak's test framework hands a test its {@code ManagedRealm}):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ManagedRealm realm = ManagedRealm.demoCopy("cli-exchange").withEvents().withSts();
 * }</pre>
 *
 * <p>Before the class's own {@code @BeforeAll} methods it creates the realm (a renamed copy of the
 * demo realm, or any representation), and, when asked, starts the AWS-like STS trusting the
 * realm's metadata. After the class's {@code @AfterAll} methods it closes the STS and deletes the
 * realm, so the shared server is left as the class found it.
 */
public final class ManagedRealm implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Supplier<ObjectNode> representation;
    private final List<Consumer<ObjectNode>> edits = new ArrayList<>();
    private final List<String> alsoDeleted = new ArrayList<>();
    private boolean sts;

    private KeycloakServer server;
    private AdminApi admin;
    private AwsLikeSts runningSts;
    private AwsLogin aws;

    private ManagedRealm(String name, Supplier<ObjectNode> representation) {
        this.name = name;
        this.representation = representation;
    }

    /** A copy of the shipped demo realm ({@code realm-export/aws-demo-realm.json}) named {@code name}. */
    public static ManagedRealm demoCopy(String name) {
        return new ManagedRealm(name, () -> DemoRealm.copyNamed(name));
    }

    /** An enabled realm with nothing in it but what Keycloak (and the bundle's setup) adds. */
    public static ManagedRealm empty(String name) {
        return new ManagedRealm(name, () -> DemoRealm.JSON.createObjectNode().put("realm", name).put("enabled", true));
    }

    /**
     * A realm the shared server imported when it started (every file of {@code realm-export/}), e.g.
     * {@code aws-demo}: used as it is, neither created nor deleted. Tests that change it undo their changes.
     */
    public static ManagedRealm imported(String name) {
        return new ManagedRealm(name, null);
    }

    /** A realm from a representation built when the class starts (e.g. a {@link GeneratedRealm}); its {@code realm} must be {@code name}. */
    public static ManagedRealm of(String name, Supplier<ObjectNode> representation) {
        return new ManagedRealm(name, representation);
    }

    /** A realm from its JSON representation (a few groups and users a test needs); its {@code realm} must be {@code name}. */
    public static ManagedRealm fromJson(String name, String json) {
        return new ManagedRealm(name, () -> {
            try {
                return (ObjectNode) DemoRealm.JSON.readTree(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Changes the representation before it is imported (events on, more groups, a broken setting…). */
    public ManagedRealm editing(Consumer<ObjectNode> edit) {
        edits.add(edit);
        return this;
    }

    /** Stores the realm's login events ({@code eventsEnabled}), for tests that read {@code /events}. */
    public ManagedRealm withEvents() {
        return editing(realm -> realm.put("eventsEnabled", true));
    }

    /** Stores the realm's admin events with their representations, for tests that read {@code /admin-events}. */
    public ManagedRealm withAdminEvents() {
        return editing(realm -> realm.put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true));
    }

    /** Realms the class's tests create themselves, deleted after all with this one, so a failed test leaves none behind. */
    public ManagedRealm deletingAfterAll(String... realmNames) {
        alsoDeleted.addAll(List.of(realmNames));
        return this;
    }

    /**
     * Starts the AWS-like STS on the port the shared server sends AssumeRoleWithSAML to, trusting
     * this realm's IdP metadata. The port is one per server: one class at a time may hold it.
     */
    public ManagedRealm withSts() {
        sts = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SharedKeycloak.get();
        admin = server.adminApi();
        if (representation != null) {
            ObjectNode realm = representation.get();
            edits.forEach(edit -> edit.accept(realm));
            admin.createRealm(realm);
        } else if (!edits.isEmpty()) {
            throw new IllegalStateException("the imported realm " + name + " cannot be edited before import");
        }
        if (sts) {
            runningSts = AwsLikeSts.forSharedServer(url());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (runningSts != null) {
                runningSts.close();
            }
        } finally {
            // Nothing to delete when the server never came up; the server's own realm stays.
            if (admin != null) {
                alsoDeleted.forEach(admin::deleteRealm);
                if (representation != null) {
                    admin.deleteRealm(name);
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public KeycloakServer server() {
        return started(server);
    }

    /** The shared server's master-realm admin client. */
    public AdminApi admin() {
        return started(admin);
    }

    /** The realm's address, {@code <server>/realms/<name>}. */
    public String url() {
        return server().baseUrl() + "/realms/" + name;
    }

    /** The realm's launcher portal, {@code <server>/realms/<name>/aws/}. */
    public String portal() {
        return url() + "/aws/";
    }

    /** A path of the bundle's admin API in this realm, e.g. {@code api("/assignments")}. */
    public String api(String path) {
        return "/admin/realms/" + name + "/aws" + path;
    }

    /** The AWS-like STS ({@link #withSts()} only). */
    public AwsLikeSts sts() {
        if (!sts) {
            throw new IllegalStateException("the realm " + name + " was not declared withSts()");
        }
        return started(runningSts);
    }

    /** AWS sign-in trusting the realm's metadata as it is at the first call. */
    public synchronized AwsLogin aws() {
        if (aws == null) {
            aws = AwsLogin.to(server(), name);
        }
        return aws;
    }

    /** Creates enabled users with complete profiles whose password is the username. */
    public void createUsers(String... usernames) {
        for (String username : usernames) {
            admin().createUser(name, username, username);
        }
    }

    /** The internal id of the user with exactly this username. */
    public String userId(String username) {
        return admin().findUserId(name, username).orElseThrow(() -> new IllegalArgumentException("no user " + username + " in " + name));
    }

    /** The internal id of a group by its path, e.g. {@code /Developers}. */
    public String groupId(String path) {
        return admin().findGroupId(name, path).orElseThrow(() -> new IllegalArgumentException("no group " + path + " in " + name));
    }

    /** Reads a user's representation, lets {@code change} edit it, and writes it back. */
    public void updateUser(String username, Consumer<ObjectNode> change) {
        String path = "/admin/realms/" + name + "/users/" + userId(username);
        ObjectNode user = (ObjectNode) admin().expect(200, "GET", path, null).json();
        change.accept(user);
        admin().expect(204, "PUT", path, user);
    }

    /** Reads the realm's user profile configuration, lets {@code change} edit it, and writes it back. */
    public void updateUserProfile(Consumer<ObjectNode> change) {
        String path = "/admin/realms/" + name + "/users/profile";
        ObjectNode profile = (ObjectNode) admin().expect(200, "GET", path, null).json();
        change.accept(profile);
        admin().expect(200, "PUT", path, profile);
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("the realm " + name + " is not set up: use it from @BeforeAll or a test, with @RegisterExtension on a static field");
        }
        return value;
    }
}
