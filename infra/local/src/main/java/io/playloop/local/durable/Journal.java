package io.playloop.local.durable;

/** Where a piece of the local cloud's in-memory state writes each change, so a restart can replay it. */
public interface Journal {
    /** Keeps nothing: the state lives in memory only (a local cloud without {@code --data-dir}). */
    Journal NONE = entry -> {
    };

    /** Records one change, durably once it returns (it survives the process being killed). */
    void append(Object entry);
}
