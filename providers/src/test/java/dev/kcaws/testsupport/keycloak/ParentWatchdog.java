package dev.kcaws.testsupport.keycloak;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command in a small shell that stops it once this JVM is gone. Shutdown hooks do not
 * run when the test JVM is killed (kill -9, a timed-out CI step, an IDE's stop button), and an
 * orphaned Keycloak keeps half a gigabyte and a CPU busy on a 2-core machine until someone finds it.
 *
 * <p>The shell polls the JVM's pid every 2 s; when the JVM has disappeared it sends SIGTERM to the
 * command (kc.sh forwards it to Keycloak), and SIGKILL after 30 s. Signals sent to the shell are
 * forwarded too, and the shell exits with the command's exit code.
 */
final class ParentWatchdog {

    private static final String SCRIPT = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit $?' TERM INT
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 2; done
            if kill -0 "$child" 2>/dev/null; then
              kill -TERM "$child"
              i=0
              while [ $i -lt 30 ] && kill -0 "$child" 2>/dev/null; do sleep 1; i=$((i + 1)); done
              pkill -KILL -P "$child" 2>/dev/null
              kill -KILL "$child" 2>/dev/null
            fi
            wait "$child"
            """;

    private ParentWatchdog() {
    }

    static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "kcaws-watchdog",
                String.valueOf(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        return wrapped;
    }
}
