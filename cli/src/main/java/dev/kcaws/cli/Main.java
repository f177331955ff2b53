package dev.kcaws.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kcaws-aws}: AWS credentials from Keycloak for the AWS CLI and SDKs. Commands: login,
 * credentials, configure, logout. stdout carries only what the caller reads (the credential JSON
 * for {@code credentials}); every failure is one line on stderr and a non-zero exit status.
 */
public final class Main {
    static final String HELP = """
            kcaws-aws: AWS credentials from Keycloak, for the AWS CLI, the SDKs and every tool that reads AWS profiles.

            Usage:
              kcaws-aws login --url https://sso.example.com/realms/acme
                  Sign in through your browser (the realm's own login, MFA included) and keep the sign-in.
              kcaws-aws configure --url https://sso.example.com/realms/acme [--name '{account}/{permissionSet}']
                  Write a profile into ~/.aws/config (or $AWS_CONFIG_FILE) for every AWS account and permission
                  set you hold; remove the ones you no longer hold. Other profiles are left as they are.
                  --name placeholders: {account} {accountId} {permissionSet} {region} {partition}
              kcaws-aws credentials --url … --account 222222222222 --permission-set PowerUserAccess
                  Print temporary credentials as the AWS CLI's credential_process expects (what the profiles run).
              kcaws-aws logout --url https://sso.example.com/realms/acme
                  Forget the sign-in and the cached credentials, and end the sign-in at Keycloak.

            Then: aws sts get-caller-identity --profile acme-prod/PowerUserAccess
            Stored: the sign-in in $XDG_CONFIG_HOME/kcaws (~/.config/kcaws), credentials until 5 minutes
            before they expire in $XDG_CACHE_HOME/kcaws (~/.cache/kcaws), both readable only by you.
            """;

    private final Map<String, String> env;
    private final Places places;
    private final KeycloakHttp http;
    private final Clock clock;
    private final DeviceSignIn.Sleeper sleeper;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> env, Path home, KeycloakHttp http, Clock clock, DeviceSignIn.Sleeper sleeper, PrintStream out, PrintStream err) {
        this.env = env;
        this.places = Places.from(env, home);
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // $HOME first, as the AWS CLI and the shell resolve ~ (Java's user.home comes from the password database)
        String home = System.getenv("HOME");
        Path homeDir = home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        Main main = new Main(System.getenv(), homeDir, new KeycloakHttp(), Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()), System.out, System.err);
        int status = main.run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command; the exit status. */
    int run(String... args) {
        try {
            if (args.length == 0) {
                throw CliFailure.usage("kcaws-aws needs a command: login, configure, credentials or logout");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            switch (args[0]) {
                case "--help", "-h", "help" -> out.print(HELP);
                case "login" -> login(Options.parse("login", rest, Set.of("url")));
                case "credentials" -> credentials(Options.parse("credentials", rest, Set.of("url", "account", "permission-set")));
                case "configure" -> configure(Options.parse("configure", rest, Set.of("url", "name")));
                case "logout" -> logout(Options.parse("logout", rest, Set.of("url")));
                default -> throw CliFailure.usage("unknown command " + args[0] + "; the commands are login, configure, credentials and logout");
            }
            return 0;
        } catch (CliFailure e) {
            err.println("kcaws-aws: " + e.getMessage());
            return e.exitStatus();
        } catch (RuntimeException | StackOverflowError e) {
            // Still one line (the AWS CLI shows it after its own prefix); the trace only when asked for.
            err.println("kcaws-aws: unexpected failure: " + String.valueOf(e).replaceAll("\\R", " ")
                    + "; run again with KCAWS_AWS_DEBUG=1 for details, and report it if it persists");
            if ("1".equals(env.get("KCAWS_AWS_DEBUG"))) {
                e.printStackTrace(err);
            }
            return CliFailure.FAILED;
        }
    }

    private static RealmUrl url(Options options) {
        return RealmUrl.parse(options.required("url", "the realm's address, like https://sso.example.com/realms/acme"));
    }

    private void login(Options options) {
        RealmUrl url = url(options);
        String refreshToken = new DeviceSignIn(http, url, sleeper, err::println)
                .tracing("1".equals(env.get("KCAWS_AWS_DEBUG")) ? err::println : line -> { })
                .signIn();
        new TokenStore(places.tokens()).save(url, refreshToken);
        new CredentialCache(places.cache(), clock).removeAll(url);
        err.println("Signed in to " + url + ". Next, write your AWS profiles: kcaws-aws configure --url " + url);
    }

    private void credentials(Options options) {
        RealmUrl url = url(options);
        String account = options.required("account", "the AWS account ID, like 222222222222");
        String permissionSet = options.required("permission-set", "the permission set, like PowerUserAccess");
        if (!account.matches("[0-9]{12}")) {
            throw CliFailure.usage("--account must be a 12-digit AWS account ID (was: " + account + ")");
        }
        CredentialCache cache = new CredentialCache(places.cache(), clock);
        String json = cache.get(url, account, permissionSet);
        if (json == null) {
            String accessToken = new AccessTokens(http, new TokenStore(places.tokens())).accessToken(url);
            try {
                json = new CliEndpoints(http, url).credentials(accessToken, account, permissionSet);
            } catch (CliFailure refused) {
                cache.remove(url, account, permissionSet);
                throw refused;
            }
            cache.put(url, account, permissionSet, json);
        }
        out.println(json);
    }

    private void configure(Options options) {
        RealmUrl url = url(options);
        ProfileNames names = new ProfileNames(options.get("name"));
        String accessToken = new AccessTokens(http, new TokenStore(places.tokens())).accessToken(url);
        List<Role> roles = new CliEndpoints(http, url).warnings(err::println).roles(accessToken);
        ProfileWriter writer = new ProfileWriter(url, names, SelfCommand.words(env));
        AwsConfigFile.Changes changes = writer.write(places.awsConfig(), roles);
        new CredentialCache(places.cache(), clock).retainOnly(url, roles);
        changes.added().forEach(name -> out.println("added profile " + name));
        changes.updated().forEach(name -> out.println("updated profile " + name));
        changes.removed().forEach(name -> out.println("removed profile " + name + " (role no longer held)"));
        for (Role role : roles) {
            if (role.notAfter() != null && !changes.skipped().contains(names.nameOf(role))) {
                out.println("access of profile " + names.nameOf(role) + " ends at " + role.notAfter());
            }
        }
        for (String name : changes.skipped()) {
            err.println("kcaws-aws: left profile " + name + " alone: it is not one of kcaws-aws's; rename it or use --name");
        }
        int held = roles.size() - changes.skipped().size();
        out.println(held + " profile(s) for " + url + " in " + places.awsConfig()
                + (held > 0 ? "; use one with: aws sts get-caller-identity --profile " + writer.profiles(roles).keySet().iterator().next() : ""));
    }

    private void logout(Options options) {
        RealmUrl url = url(options);
        TokenStore store = new TokenStore(places.tokens());
        String refreshToken = store.refreshToken(url);
        if (refreshToken != null) {
            try {
                // ends the SSO session's token at Keycloak too (RFC 7009); a failure here still forgets it locally
                http.postForm(url.resolve("/protocol/openid-connect/revoke"),
                        Map.of("client_id", DeviceSignIn.CLIENT_ID, "token", refreshToken, "token_type_hint", "refresh_token"), null);
            } catch (CliFailure unreachable) {
                err.println("kcaws-aws: " + unreachable.getMessage() + "; the sign-in is forgotten here but not ended at Keycloak");
            }
        }
        store.delete(url);
        new CredentialCache(places.cache(), clock).removeAll(url);
        err.println("Signed out of " + url + ".");
    }
}
