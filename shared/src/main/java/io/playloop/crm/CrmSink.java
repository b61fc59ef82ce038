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

    /**
     * Deletes the customer's contact once (the customer was erased from PlayLoop); a contact that is not there is
     * already deleted, not a failure.
     *
     * @param customerKey PlayLoop's customer key, which the contact carries
     * @throws CrmSyncException when the destination did not delete it; says whether a retry can help
     */
    void erase(String customerKey) throws CrmSyncException;
}
