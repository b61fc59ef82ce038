package io.playloop.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time tool: validates {@code infra/campaigns/demo.yaml} and writes it as canonical JSON into the
 * shared jar ({@value DemoCampaign#RESOURCE}), so that the game function reads the demo without a YAML
 * parser and the build fails, listing every problem, if the demo is ever broken. Run by Maven
 * (exec-maven-plugin, phase process-classes); not used at run time.
 */
public final class DemoCampaignBundler {
    private DemoCampaignBundler() {
    }

    /**
     * Converts a campaign YAML file to JSON.
     *
     * @param args the YAML file, then the JSON file to write
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DemoCampaignBundler <campaign.yaml> <campaign.json>");
        }
        Path yaml = Path.of(args[0]);
        Path json = Path.of(args[1]);
        Campaign campaign;
        try (InputStream in = Files.newInputStream(yaml)) {
            campaign = CampaignLoader.fromYaml(in, yaml.toString());
        }
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, CampaignLoader.toJson(campaign) + "\n", StandardCharsets.UTF_8);
    }
}
