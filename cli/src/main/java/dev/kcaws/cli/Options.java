package dev.kcaws.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's {@code --name value} (or {@code --name=value}) options, checked against what it accepts. */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    public static Options parse(String command, List<String> args, Set<String> accepted) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw CliFailure.usage(command + " takes no argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!accepted.contains(name)) {
                throw CliFailure.usage(command + " has no option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw CliFailure.usage("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (options.values.putIfAbsent(name, value) != null) {
                throw CliFailure.usage("--" + name + " is given twice");
            }
        }
        return options;
    }

    public String get(String name) {
        return values.get(name);
    }

    public String required(String name, String what) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw CliFailure.usage("--" + name + " is required: " + what);
        }
        return value;
    }
}
