package io.playloop.store;

/**
 * Every key shape and access pattern of the single table, in one place. Attribute names of the keys
 * ({@code pk}, {@code sk}, {@code gsi1pk}, {@code gsi1sk}, {@code ttl}) match template.yaml; a test fails
 * if they drift.
 */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String TTL = "ttl";

    private Keys() {
    }
}
