package dev.kcaws.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code terraform validate} of a generated {@code *.tf.json}, offline: {@code terraform init} takes
 * the AWS provider from a local plugin directory ({@code kcaws.terraform.pluginDir}, default
 * {@code /opt/tf-plugins}), so nothing is downloaded. The test is skipped (not passed) where
 * Terraform or the provider is not installed.
 */
public final class TerraformCli {

    static final ObjectMapper JSON = new ObjectMapper();

    private TerraformCli() {
    }

    /** Terraform's {@code validate -json} answer for the configuration (its {@code valid}, {@code diagnostics}). */
    public static JsonNode validate(String tfJson) throws IOException, InterruptedException {
        Path pluginDir = Path.of(System.getProperty("kcaws.terraform.pluginDir", "/opt/tf-plugins"));
        Assumptions.assumeTrue(Files.isDirectory(pluginDir.resolve("registry.terraform.io/hashicorp/aws")),
                "no AWS provider in " + pluginDir + ": terraform validate not run");
        Path versionDir = Files.createTempDirectory("tf-version");
        Assumptions.assumeTrue(run(versionDir, "terraform", "version").exit() == 0, "terraform is not installed");
        deleteTree(versionDir);
        Path dir = Files.createTempDirectory("kcaws-tf");
        Files.writeString(dir.resolve("main.tf.json"), tfJson, StandardCharsets.UTF_8);
        Result init = run(dir, "terraform", "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + pluginDir);
        if (init.exit() != 0) {
            throw new AssertionError("terraform init failed: " + init.output() + init.errors());
        }
        Result validate = run(dir, "terraform", "validate", "-json", "-no-color");
        deleteTree(dir);
        return JSON.readTree(validate.output());
    }

    /** The working directory holds the configuration and a link to the provider: removed after use (a link is removed, not followed). */
    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    record Result(int exit, String output, String errors) {
    }

    /** Runs a command in {@code dir}: its exit code and standard output (standard error, e.g. CLI config warnings, goes to a file). */
    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process;
        Path errors = dir.resolve(".stderr");
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException notInstalled) {
            return new Result(-1, "", notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("terraform did not finish: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output, Files.readString(errors));
    }
}
