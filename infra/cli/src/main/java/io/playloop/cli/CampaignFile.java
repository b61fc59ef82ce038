package io.playloop.cli;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a campaign file: YAML, or JSON when its name ends in .json (what the table stores). */
final class CampaignFile {
    private CampaignFile() {
    }

    /**
     * Reads and validates.
     *
     * @throws io.playloop.campaign.InvalidCampaignException listing every problem
     * @throws UnreadableFileException                       if the file cannot be read
     */
    static Campaign read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UnreadableFileException(file + ": not UTF-8 text (save it as UTF-8)");
        } catch (IOException e) {
            throw new UnreadableFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte-order mark some editors write
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? CampaignLoader.fromJson(text, file.toString())
                : CampaignLoader.fromYaml(text, file.toString());
    }

    /** The file is missing, unreadable or not UTF-8. */
    static final class UnreadableFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableFileException(String message) {
            super(message);
        }
    }
}
