package dev.kcaws.testsupport.awssts;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;

/**
 * Signed SAML responses and IdP metadata for STS tests, made by the AWS-like SP's own fixture
 * ({@code dev.kcaws.testsupport.awssp.SignedResponseFactory} / {@code ResponseSpec}, a realm with a
 * 2048-bit key at a fixed time). That fixture is package-private to its package, so it is reached
 * here by reflection rather than copied: one way of building test assertions for SP and STS alike.
 */
public final class SamlFixture {
    private static final String PACKAGE = "dev.kcaws.testsupport.awssp.";
    private static final Class<?> FACTORY = load("SignedResponseFactory");
    private static final Class<?> SPEC = load("ResponseSpec");

    public static final String SIGNIN = constant("SIGNIN");
    public static final Instant NOW = constant("NOW");
    public static final Clock FIXED_CLOCK = constant("FIXED_CLOCK");
    public static final String ENTITY_ID = constant("ENTITY_ID");
    public static final String ACCOUNT = constant("ACCOUNT");
    /** {@code arn:aws:iam::123456789012:role/ReadOnly}, the default response's one role. */
    public static final String READ_ONLY_ROLE = constant("READ_ONLY_ROLE");
    /** {@code arn:aws:iam::123456789012:saml-provider/Keycloak}. */
    public static final String PROVIDER = constant("PROVIDER");
    public static final String ROLE = constant("ROLE");
    public static final String ROLE_SESSION_NAME = constant("ROLE_SESSION_NAME");
    public static final String SESSION_DURATION = constant("SESSION_DURATION");
    public static final String SOURCE_IDENTITY = constant("SOURCE_IDENTITY");

    private final Object factory;

    private SamlFixture(Object factory) {
        this.factory = factory;
    }

    /** The usual test realm (shared key). */
    public static SamlFixture realm() {
        return new SamlFixture(invoke(null, method(FACTORY, "realm")));
    }

    /** Keycloak-shaped metadata of the realm, to give the STS (as an admin uploads it to IAM). */
    public String metadataXml() {
        return invoke(factory, method(FACTORY, "metadataXml"));
    }

    /**
     * A response AWS accepts, posted to {@link #SIGNIN}: one role ({@link #READ_ONLY_ROLE},
     * {@link #PROVIDER}), RoleSessionName alice@example.com, SessionDuration 3600, valid for 5
     * minutes from {@link #NOW}.
     */
    public Response validResponse() {
        return new Response(invoke(factory, method(FACTORY, "validResponse")));
    }

    /** A ResponseSpec being described; each call changes one thing. */
    public static final class Response {
        private final Object spec;

        private Response(Object spec) {
            this.spec = spec;
        }

        /** The Role attribute's values, {@code roleArn,providerArn} each. */
        public Response roles(String... values) {
            invoke(spec, method(SPEC, "roles", String[].class), (Object) values);
            return this;
        }

        public Response replaceAttribute(String name, String... values) {
            invoke(spec, method(SPEC, "replaceAttribute", String.class, String[].class), name, values);
            return this;
        }

        public Response withoutAttribute(String name) {
            invoke(spec, method(SPEC, "withoutAttribute", String.class), name);
            return this;
        }

        /** Destination and Recipient together. */
        public Response postedTo(String endpoint) {
            invoke(spec, method(SPEC, "postedTo", String.class), endpoint);
            return this;
        }

        public Response recipient(String recipient) {
            invoke(spec, method(SPEC, "recipient", String.class), recipient);
            return this;
        }

        public Response conditions(Instant notBefore, Instant notOnOrAfter) {
            invoke(spec, method(SPEC, "conditions", Instant.class, Instant.class), notBefore, notOnOrAfter);
            return this;
        }

        public Response subjectNotOnOrAfter(Instant notOnOrAfter) {
            invoke(spec, method(SPEC, "subjectNotOnOrAfter", Instant.class), notOnOrAfter);
            return this;
        }

        /** The signed response as XML. */
        public String xml() {
            return invoke(spec, method(SPEC, "xml"));
        }

        /** The signed response, base64, as posted to AWS and as STS takes it. */
        public String base64() {
            return invoke(spec, method(SPEC, "base64"));
        }
    }

    // ---- reflection ----

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(PACKAGE + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the awssp test fixture moved: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T constant(String name) {
        try {
            Field field = FACTORY.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the awssp test fixture changed: " + e, e);
        }
    }

    private static Method method(Class<?> owner, String name, Class<?>... types) {
        try {
            Method m = owner.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the awssp test fixture changed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T invoke(Object target, Method method, Object... args) {
        try {
            return (T) method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
