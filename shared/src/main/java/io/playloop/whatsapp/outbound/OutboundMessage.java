package io.playloop.whatsapp.outbound;

/**
 * A message PlayLoop sends through the Graph API. Each kind checks Meta's limits when it is built, so
 * a message that Meta would refuse never leaves the engine.
 */
public sealed interface OutboundMessage permits TextMessage, ButtonMessage, ListMessage, TemplateMessage {
    /** The recipient: a phone number in E.164 with '+', or a BSUID. */
    String to();

    /** The main text the customer reads (text body or interactive body; a template's parameters). */
    String bodyText();
}
