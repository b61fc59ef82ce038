package io.playloop.campaign;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a campaign is read, so that one pass reports them all. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(String path, String reason) {
        found.add(new Problem(path, reason));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }

    void throwIfAny(String source) {
        if (!found.isEmpty()) {
            throw new InvalidCampaignException(source, found);
        }
    }
}
