package io.playloop.outreach;

/** How a proactive message travels. */
public enum Channel {
    /** Inside the 24-hour customer-service window: any message, free of charge. */
    FREE_FORM,
    /** Outside it: only an approved template, charged by Meta per delivered message. */
    TEMPLATE
}
