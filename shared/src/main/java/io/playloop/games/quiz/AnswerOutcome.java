package io.playloop.games.quiz;

/** How an answer was taken. */
public enum AnswerOutcome {
    /** The right option: points earned, streak up. */
    CORRECT,
    /** A wrong option: no points, streak back to 0. */
    WRONG,
    /**
     * The question was already answered (a double tap, a second choice), has expired, or was an earlier
     * sending: nothing changes; the reply is a polite "that one is closed".
     */
    CLOSED,
    /** An option PlayLoop never offered this customer (forged, tampered, unknown): awards nothing. */
    NOT_OFFERED
}
