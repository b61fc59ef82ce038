package io.playloop.campaign;

/** Which question a customer gets next. */
public enum QuestionOrder {
    /** A random question the customer has not answered yet (the default). */
    RANDOM,
    /** The bank's order: the first question the customer has not answered yet. */
    SEQUENTIAL
}
