package io.playloop.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Which customer: by phone number (E.164) or by customer key (the wa_id digits, or a BSUID). */
final class CustomerOptions {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    @Option(names = "--phone", paramLabel = "E.164",
            description = "The customer's phone number, e.g. +33612345678 (their key is its digits).")
    String phone;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The customer key (wa_id digits, or the business-scoped user id of a customer known by it).")
    String key;

    /**
     * The customer key the options name.
     *
     * @throws IllegalArgumentException with a sentence when neither or both are given, or one is malformed
     */
    String customerKey() {
        if ((phone == null) == (key == null)) {
            throw new IllegalArgumentException("give exactly one of --phone <E.164> and --key <customer key>");
        }
        if (phone != null) {
            String compact = phone.replaceAll("[\\s().-]", "");
            if (!E164.matcher(compact).matches()) {
                throw new IllegalArgumentException("--phone must be E.164, like +33612345678");
            }
            return compact.substring(1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("--key: letters, digits, '.', '_' or '-' only");
        }
        return key;
    }
}
