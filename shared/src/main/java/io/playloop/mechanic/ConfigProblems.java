package io.playloop.mechanic;

/** Where a mechanic reports what is wrong in its campaign section: a path relative to the section and a reason. */
@FunctionalInterface
public interface ConfigProblems {
    void add(String path, String reason);
}
