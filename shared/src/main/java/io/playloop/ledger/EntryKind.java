package io.playloop.ledger;

/** What a ledger entry did to a customer's points. */
public enum EntryKind {
    /** Points earned: a new lot with its own expiry. Raises the balance and the points earned. */
    GRANT,
    /** Points used (a reward, a spin that costs points): taken from the lots that expire first. */
    SPEND,
    /** The unused remainder of a lot whose expiry has passed. Lowers the balance, never the points earned. */
    EXPIRE,
    /** A grant taken back (e.g. a refunded order): lowers the points earned by the whole grant. */
    REVERSE
}
