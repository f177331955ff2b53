package dev.kcaws.setup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's capabilities (its top-level packages, {@code dev.kcaws.<capability>}, sub-packages
 * counted with their parent) form layers, not a knot: none depends on itself through others (for
 * example {@code setup} → {@code saml} → {@code setup}, which kept the mappers from calling
 * {@link BundleSetup}). Read from the sources' imports and fully qualified names, comments left out.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package (dev\\.kcaws[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("(?:^import (?:static )?|[^\\w.])(dev\\.kcaws(?:\\.[a-z]\\w*)+)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).as("the sources were read").containsKeys("dev.kcaws.setup", "dev.kcaws.saml");
        assertThat(cycles(uses)).as("package cycles (each a strongly connected group)").isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> uses = new TreeMap<>();
        uses.put("a", new TreeSet<>(Set.of("b")));
        uses.put("b", new TreeSet<>(Set.of("c")));
        uses.put("c", new TreeSet<>(Set.of("a")));
        uses.put("d", new TreeSet<>(Set.of("a")));
        assertThat(cycles(uses)).containsExactly(List.of("a", "b", "c"));
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String pkg = capability(declared.group(1));
                Set<String> to = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(source);
                while (reference.find()) {
                    String used = capability(reference.group(1));
                    if (!used.equals(pkg)) {
                        to.add(used);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** {@code dev.kcaws.identitycenter.push} → {@code dev.kcaws.identitycenter}. */
    private static String capability(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 3 ? pkg : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** Tarjan's strongly connected components of more than one package. */
    private static List<List<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> found = new ArrayList<>();
        for (String pkg : uses.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, uses, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String pkg, Map<String, Set<String>> uses, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, List<List<String>> found) {
        index.put(pkg, index.size());
        low.put(pkg, index.get(pkg));
        stack.push(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, uses, index, low, stack, found);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(pkg));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
