package io.playloop.engine;

import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The game rules: plain Java, no I/O, no AWS types. Given the customer's state (or none for a first
 * contact) and one inbound message, decides the new state, the consent event and the reply.
 *
 * <p>Chat etiquette: whatever a message triggers is said in one message (Meta allows about one message
 * every 6 seconds to the same customer), so a first contact that is also a command gets one welcome that
 * answers the command.
 */
public final class Engine {
    /** Free-form replies are allowed only within 24 hours of the customer's message. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** How much of an unrecognised message is quoted back. */
    static final int QUOTE_MAX = 100;
    /** Longest profile name used in a greeting. */
    static final int NAME_MAX = 40;

    private static final Set<String> TEXT_TYPES = Set.of("text", "interactive", "button");

    private final MessageCatalog catalog;
    private final String businessName;
    private final String defaultLanguage;

    public Engine(MessageCatalog catalog, String businessName, String defaultLanguage) {
        this.catalog = catalog;
        this.businessName = businessName;
        this.defaultLanguage = catalog.supports(defaultLanguage) ? defaultLanguage : catalog.languages().get(0);
    }

    /**
     * Applies one inbound message.
     *
     * @param current the stored customer, or null on first contact
     * @param message the message (already deduplicated by the caller)
     * @param now     the processing time; a message older than 24 hours gets no free-form reply
     */
    public Outcome handle(Customer current, InboundMessage message, Instant now) {
        Recognition recognition = IntentRecognizer.recognize(catalog, message);
        String language = chooseLanguage(current, message, recognition);
        Customer customer = update(current, message, language);

        Optional<ConsentChange> consentChange = Optional.empty();
        String source = recognition.tapped() ? "button" : "keyword";
        if (recognition.intent() == Intent.START && !customer.consent().proactive()) {
            consentChange = Optional.of(new ConsentChange(true, message.sentAt(), message.wamid(), source, language));
        } else if (recognition.intent() == Intent.STOP
                && (customer.consent().proactive() || customer.consent().changedAt() == null)) {
            consentChange = Optional.of(new ConsentChange(false, message.sentAt(), message.wamid(), source, language));
        }
        boolean alreadySubscribed = recognition.intent() == Intent.START && consentChange.isEmpty();
        if (consentChange.isPresent()) {
            ConsentChange c = consentChange.get();
            customer = customer.withConsent(new Consent(c.proactive(), c.at(), c.wamid()));
        }

        String intentName;
        Optional<OutboundMessage> reply;
        Replies replies = new Replies(catalog, language, businessName, customer);
        if (current == null) {
            intentName = "welcome";
            reply = Optional.of(recognition.intent() == Intent.STOP
                    ? replies.stopOnFirstContact()
                    : replies.welcome(recognition.intent()));
        } else if ("reaction".equals(message.type()) || "request_welcome".equals(message.type())) {
            intentName = message.type();
            reply = Optional.empty();
        } else if (!TEXT_TYPES.contains(message.type()) && recognition.intent() == Intent.UNKNOWN) {
            intentName = "unsupported";
            reply = Optional.of(replies.unsupported());
        } else {
            intentName = recognition.intent().key();
            reply = Optional.of(switch (recognition.intent()) {
                case POINTS -> replies.points();
                case HELP -> replies.help();
                case START -> alreadySubscribed ? replies.startAlready() : replies.startDone();
                case STOP -> replies.stopDone();
                case UNKNOWN -> replies.unknown(message.text());
            });
        }

        boolean windowClosed = message.sentAt().plus(SERVICE_WINDOW).isBefore(now);
        if (windowClosed) {
            reply = Optional.empty();
        }
        return new Outcome(customer, consentChange, reply, intentName, windowClosed);
    }

    private String chooseLanguage(Customer current, InboundMessage message, Recognition recognition) {
        Set<String> keywordLanguages = recognition.languages();
        String stored = current == null ? null : current.language();
        String ofNumber = catalog.languageOfNumber(message.waId());
        if (keywordLanguages.size() == 1) {
            return keywordLanguages.iterator().next();
        }
        if (!keywordLanguages.isEmpty()) {
            for (String candidate : new String[] {stored, ofNumber, defaultLanguage}) {
                if (candidate != null && keywordLanguages.contains(candidate)) {
                    return candidate;
                }
            }
            return catalog.languages().stream().filter(keywordLanguages::contains).findFirst().orElse(defaultLanguage);
        }
        if (recognition.intent() == Intent.UNKNOWN && IntentRecognizer.isArabicScript(message.text())
                && catalog.supports("ar")) {
            return "ar";
        }
        if (stored != null) {
            return stored;
        }
        return ofNumber != null ? ofNumber : defaultLanguage;
    }

    private static Customer update(Customer current, InboundMessage message, String language) {
        String name = usableName(message.profileName());
        if (current == null) {
            return new Customer(message.customerKey(), message.waId(), message.bsuid(), name, language, 0,
                    Consent.NONE, message.sentAt(), message.sentAt(), 0);
        }
        Customer updated = current.withLanguage(language);
        if (name != null) {
            updated = updated.withName(name);
        }
        if (current.lastInboundAt() == null || message.sentAt().isAfter(current.lastInboundAt())) {
            updated = updated.withLastInboundAt(message.sentAt());
        }
        return updated;
    }

    /** A profile name worth greeting with: trimmed, without control characters, with at least one letter. */
    static String usableName(String profileName) {
        if (profileName == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        boolean hasLetter = false;
        int count = 0;
        for (int i = 0; i < profileName.length() && count < NAME_MAX; ) {
            int cp = profileName.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            hasLetter |= Character.isLetter(cp);
            clean.appendCodePoint(cp);
            count++;
        }
        String name = clean.toString().strip();
        return hasLetter && !name.isEmpty() ? name : null;
    }

    /** Builds the replies of one turn in one language. */
    private static final class Replies {
        private final MessageCatalog catalog;
        private final String language;
        private final Customer customer;
        private final Map<String, String> values = new HashMap<>();

        Replies(MessageCatalog catalog, String language, String businessName, Customer customer) {
            this.catalog = catalog;
            this.language = language;
            this.customer = customer;
            values.put("business", businessName);
            values.put("points", Long.toString(customer.points()));
            if (customer.name() != null) {
                values.put("name", customer.name());
            }
        }

        OutboundMessage welcome(Intent firstIntent) {
            List<String> parts = new ArrayList<>();
            parts.add(greeting());
            parts.add(text("welcome_intro"));
            if (firstIntent == Intent.POINTS) {
                parts.add(text("points_balance"));
            }
            if (firstIntent == Intent.START) {
                parts.add(text("start_done"));
            }
            parts.add(text("commands"));
            List<ButtonMessage.Button> buttons = new ArrayList<>();
            if (!customer.consent().proactive()) {
                parts.add(text("consent_question"));
                buttons.add(button(Intent.START, "button_start"));
            }
            buttons.add(button(Intent.POINTS, "button_points"));
            buttons.add(button(Intent.HELP, "button_help"));
            return new ButtonMessage(customer.address(), null, String.join("\n\n", parts), null, buttons);
        }

        OutboundMessage stopOnFirstContact() {
            return new TextMessage(customer.address(), greeting() + "\n\n" + text("stop_done"));
        }

        OutboundMessage points() {
            return new TextMessage(customer.address(), text("points_balance"));
        }

        OutboundMessage help() {
            List<ButtonMessage.Button> buttons = new ArrayList<>();
            buttons.add(button(Intent.POINTS, "button_points"));
            if (!customer.consent().proactive()) {
                buttons.add(button(Intent.START, "button_start"));
            }
            return new ButtonMessage(customer.address(), null, text("help"), null, buttons);
        }

        OutboundMessage startDone() {
            return new TextMessage(customer.address(), text("start_done"));
        }

        OutboundMessage startAlready() {
            return new TextMessage(customer.address(), text("start_already"));
        }

        OutboundMessage stopDone() {
            return new TextMessage(customer.address(), text("stop_done"));
        }

        OutboundMessage unknown(String typed) {
            values.put("text", quote(typed));
            return new TextMessage(customer.address(), text("unknown"));
        }

        OutboundMessage unsupported() {
            return new TextMessage(customer.address(), text("unsupported"));
        }

        private String greeting() {
            return text(customer.name() == null ? "greeting_anonymous" : "greeting_named");
        }

        private ButtonMessage.Button button(Intent intent, String titleKey) {
            return new ButtonMessage.Button(intent.buttonId(), catalog.text(language, titleKey));
        }

        private String text(String key) {
            return TextTemplate.render(catalog.text(language, key), values);
        }

        /** The first {@value #QUOTE_MAX} code points, on one line, never splitting a surrogate pair. */
        private static String quote(String typed) {
            if (typed == null) {
                return "";
            }
            String oneLine = typed.strip().replaceAll("\\s+", " ");
            int count = oneLine.codePointCount(0, oneLine.length());
            if (count <= QUOTE_MAX) {
                return oneLine;
            }
            return oneLine.substring(0, oneLine.offsetByCodePoints(0, QUOTE_MAX)) + "…";
        }
    }
}
