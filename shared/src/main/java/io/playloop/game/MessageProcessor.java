package io.playloop.game;

/** Processes one inbound message exactly once: load, run the engine, commit, reply. */
public final class MessageProcessor {
}
