package dev.kcaws.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the AWS CLI should start this program again (the head of {@code credential_process}): the
 * wrapper script by its absolute path when it started us ({@code KCAWS_AWS_COMMAND}), else
 * {@code <this java> -jar <this jar>}, both absolute so they work from any directory.
 */
public final class SelfCommand {
    public static final String ENV = "KCAWS_AWS_COMMAND";

    private SelfCommand() {
    }

    public static List<String> words(Map<String, String> env) {
        String wrapper = env.get(ENV);
        if (wrapper != null && !wrapper.isBlank()) {
            return List.of(Path.of(wrapper).toAbsolutePath().normalize().toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path code;
        try {
            code = Path.of(SelfCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | NullPointerException e) {
            throw new CliFailure("cannot tell where kcaws-aws.jar is; run it by its path: java -jar /path/to/kcaws-aws.jar configure ...");
        }
        return Files.isDirectory(code)
                ? List.of(java, "-cp", code.toString(), Main.class.getName())
                : List.of(java, "-jar", code.toString());
    }

    /** Whether a credential_process value starts this program for {@code url}. */
    public static boolean isOurs(String credentialProcess, RealmUrl url) {
        List<String> words = ShellWords.split(credentialProcess);
        if (words == null || !words.contains("credentials")) {
            return false;
        }
        int at = words.indexOf("--url");
        if (at < 0 || at + 1 >= words.size() || !words.get(at + 1).equals(url.value())) {
            return false;
        }
        return words.stream().anyMatch(w -> {
            String base = Path.of(w.isEmpty() ? "x" : w).getFileName().toString();
            return base.startsWith("kcaws-aws") || w.equals(Main.class.getName());
        });
    }
}
