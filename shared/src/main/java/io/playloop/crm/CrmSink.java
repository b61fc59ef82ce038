package io.playloop.crm;

/**
 * A destination for game state: a CRM or a webhook. One call pushes one contact; implementations make
 * exactly one attempt and leave retrying to {@link CrmSync}.
 */
public interface CrmSink {
    /** A short stable name ({@code hubspot}, {@code zoho}, {@code webhook}) used in results and logs. */
    String name();

    /**
     * Pushes the contact once.
     *
     * @throws CrmSyncException when the destination did not take it; says whether a retry can help
     */
    void push(CrmContact contact) throws CrmSyncException;
}
