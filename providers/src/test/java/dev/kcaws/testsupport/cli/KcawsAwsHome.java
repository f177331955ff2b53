package dev.kcaws.testsupport.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A user's home for the command-line tests: the released wrapper {@code cli/kcaws-aws} and
 * {@code kcaws-aws.jar} installed side by side in a directory whose name has a space, the user's
 * own {@code ~/.aws/config}, {@code ~/.config} and {@code ~/.cache}, and Debian's AWS CLI
 * ({@code /usr/bin/aws}, by path: {@code aws} on PATH may be another installation). Nothing of
 * the machine's own user leaks in: each process gets only this environment.
 */
public final class KcawsAwsHome {
    public static final Path AWS = Path.of("/usr/bin/aws");

    /** One finished process. */
    public record Run(int exit, String out, String err) {
    }

    private final Path home;
    private final Path wrapper;

    private KcawsAwsHome(Path home, Path wrapper) {
        this.home = home;
        this.wrapper = wrapper;
    }

    /** Installs the wrapper and jar of the build ({@code ../cli} from the providers module, or -Dkcaws.cli.dir) into a new home under {@code dir}. */
    public static KcawsAwsHome install(Path dir) {
        Path cli = Path.of(System.getProperty("kcaws.cli.dir", "../cli")).toAbsolutePath().normalize();
        Path jar = cli.resolve("target/kcaws-aws.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the cli module first (mvn install)");
        }
        if (!Files.isExecutable(AWS)) {
            throw new IllegalStateException("Debian's awscli must be installed (/usr/bin/aws; ./test.sh installs it)");
        }
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path tools = Files.createDirectories(home.resolve("my tools"));
            Files.copy(cli.resolve("kcaws-aws"), tools.resolve("kcaws-aws"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(jar, tools.resolve("kcaws-aws.jar"));
            return new KcawsAwsHome(home, tools.resolve("kcaws-aws"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    public Path wrapper() {
        return wrapper;
    }

    public Path awsConfig() {
        return home.resolve(".aws/config");
    }

    public Path tokenDir() {
        return home.resolve(".config/kcaws");
    }

    public Path cacheDir() {
        return home.resolve(".cache/kcaws");
    }

    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("LANG", "C.UTF-8");
        // login's polls (error codes and waits, no token) on stderr, for a failure's message
        env.put("KCAWS_AWS_DEBUG", "1");
        return env;
    }

    /** {@code kcaws-aws <args>}, to its end. */
    public Run kcawsAws(String... args) {
        return run(command(wrapper.toString(), args), null);
    }

    /** {@code /usr/bin/aws <args>}, to its end. */
    public Run aws(String... args) {
        return run(command(AWS.toString(), args), null);
    }

    /**
     * {@code kcaws-aws login …}: gives the address it tells the user to open to {@code approve}
     * (as soon as it prints it), then waits for it to end.
     */
    public Run login(java.util.function.Consumer<String> approve, String... args) {
        return run(command(wrapper.toString(), args), approve);
    }

    private static List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        return command;
    }

    private Run run(List<String> command, java.util.function.Consumer<String> approve) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().clear();
        builder.environment().putAll(env());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
            Thread outReader = reader(process.getInputStream(), out, null);
            Thread errReader = reader(process.getErrorStream(), err, errLines);
            if (approve != null) {
                String address = null;
                while (address == null) {
                    String line = errLines.poll(120, TimeUnit.SECONDS);
                    if (line == null || line.equals(EOF)) {
                        break;
                    }
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("open (\\S+) in a browser").matcher(line);
                    address = m.find() ? m.group(1) : null;
                }
                if (address == null) {
                    process.destroy();
                    throw new IllegalStateException("kcaws-aws login showed no address to open: " + err);
                }
                approve.accept(address);
            }
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 180 s: " + err);
            }
            outReader.join();
            errReader.join();
            return new Run(process.exitValue(), out.toString(), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String EOF = "\u0000eof";

    private static Thread reader(java.io.InputStream in, StringBuilder sink, BlockingQueue<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (sink) {
                        sink.append(line).append('\n');
                    }
                    if (lines != null) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                if (lines != null) {
                    lines.add(EOF);
                }
            }
        }, "kcaws-aws-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
