package dev.kcaws.setup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provider factory the bundle declares to Keycloak (META-INF/services) calls
 * {@link BundleSetup#register} from its {@code postInit}, so whichever of them an admin disables,
 * the model guard and the rest of the shared setup are still registered by the others.
 */
class BundleSetupCallersTest {

    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern POST_INIT = Pattern.compile("void postInit\\(KeycloakSessionFactory (\\w+)\\)\\s*\\{[^}]*BundleSetup\\.register\\(\\1\\);");

    @Test
    void everyDeclaredFactoryRegistersTheSetup() throws IOException {
        List<String> factories = new ArrayList<>();
        try (Stream<Path> files = Files.list(SERVICES)) {
            for (Path declaration : files.filter(f -> !f.getFileName().toString().equals("org.keycloak.provider.Spi")).toList()) {
                Files.readAllLines(declaration).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(factories::add);
            }
        }
        assertThat(factories).as("the bundle's factories").contains("dev.kcaws.saml.AwsRolePairMapper", "dev.kcaws.admin.AwsAdminResourceProviderFactory");
        List<String> missing = new ArrayList<>();
        for (String factory : factories) {
            String source = COMMENT.matcher(Files.readString(Path.of("src/main/java", factory.replace('.', '/') + ".java"))).replaceAll(" ");
            if (!POST_INIT.matcher(source).find()) {
                missing.add(factory);
            }
        }
        assertThat(missing).as("factories whose postInit does not call BundleSetup.register").isEmpty();
    }

    @Test
    void thePatternTellsACallFromItsAbsence() {
        Matcher calls = POST_INIT.matcher("public void postInit(KeycloakSessionFactory factory) {\n        BundleSetup.register(factory);\n    }");
        assertThat(calls.find()).isTrue();
        assertThat(POST_INIT.matcher("public void postInit(KeycloakSessionFactory factory) {\n    }\n  void other() { BundleSetup.register(factory); }").find()).isFalse();
    }
}
