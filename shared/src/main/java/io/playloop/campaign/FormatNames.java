package io.playloop.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps enum constants to the lower-case names the campaign format uses, and back. */
final class FormatNames {
    private FormatNames() {
    }

    static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(key)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(FormatNames::name).toList();
    }
}
