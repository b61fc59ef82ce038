package io.playloop.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo campaign bundled in the shared jar: what the game plays when the table has no active
 * campaign (the local cloud's default). Its source is {@code infra/campaigns/demo.yaml}; the build
 * converts it to JSON ({@link DemoCampaignBundler}), so reading it needs no YAML parser.
 */
public final class DemoCampaign {
    /** Where the shared jar carries the demo, as canonical JSON. */
    public static final String RESOURCE = "io/playloop/campaign/demo.json";

    private DemoCampaign() {
    }

    /** The bundled demo, parsed once per class loader (it is immutable). */
    public static Campaign get() {
        return Holder.DEMO;
    }

    private static Campaign load() {
        try (InputStream in = DemoCampaign.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing: the shared jar"
                        + " is built with the demo campaign inside (mvn package runs DemoCampaignBundler)");
            }
            return CampaignLoader.fromJson(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Lazy, thread-safe, once: the class initialiser runs on first use. */
    private static final class Holder {
        static final Campaign DEMO = load();
    }
}
