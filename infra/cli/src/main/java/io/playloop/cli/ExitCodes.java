package io.playloop.cli;

/** What the CLI's exit status means, for scripts and CI. */
public final class ExitCodes {
    /** Done: the file is valid, the campaign was pushed, the list was printed. */
    public static final int OK = 0;
    /** The campaign file has problems (all printed); nothing was written. */
    public static final int INVALID_CAMPAIGN = 1;
    /** The command line is wrong or the file cannot be read. */
    public static final int USAGE = 2;
    /** The table could not be read or written (unreachable, no such table, lost races, no such version). */
    public static final int TABLE_ERROR = 3;
    /** {@code customer export}: the table holds nothing on that customer (the document is written all the same). */
    public static final int NO_SUCH_CUSTOMER = 4;

    private ExitCodes() {
    }
}
