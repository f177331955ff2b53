package dev.kcaws.cli;

/**
 * Ends the program with one line on stderr saying what to do, and a non-zero exit status. The
 * message never carries a token or a secret.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status for a wrong command line. */
    public static final int USAGE = 2;
    /** Exit status for everything else that went wrong. */
    public static final int FAILED = 1;

    private final int exitStatus;

    public CliFailure(String oneLine) {
        this(FAILED, oneLine);
    }

    public CliFailure(int exitStatus, String oneLine) {
        super(oneLine.replaceAll("[\\r\\n]+", " "), null, false, false);
        this.exitStatus = exitStatus;
    }

    public static CliFailure usage(String oneLine) {
        return new CliFailure(USAGE, oneLine + " (see: kcaws-aws --help)");
    }

    public int exitStatus() {
        return exitStatus;
    }
}
