package io.playloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The floors of the house (STYLE.md, "The shape of the house"), checked on the sources: a package may not
 * name a package above it, in an import or written out in full. Comments and strings do not count.
 */
class ArchitectureTest {
    /** The shared module's sources; Maven runs tests from the module's directory. */
    private static final Path MAIN = Path.of("src", "main", "java", "io", "playloop");
    private static final List<String> AWS = List.of("software.amazon.", "com.amazonaws.");
    private static final Pattern REFERENCE =
            Pattern.compile("\\b((?:io\\.playloop|software\\.amazon|com\\.amazonaws)(?:\\.\\w+)+)");

    @Test
    @DisplayName("configuration (campaign) names no engine, store, scheduler, game or AWS SDK")
    void configuration_namesNothingAboveIt() {
        assertThat(violations("campaign", concat(List.of("io.playloop.engine.", "io.playloop.store.",
                "io.playloop.scheduler.", "io.playloop.scheduling.", "io.playloop.game.", "io.playloop.games."), AWS)))
                .isEmpty();
    }

    @Test
    @DisplayName("configuration reads only outreach's three values (the planner reads the campaign, not the reverse)")
    void configuration_namesOnlyTheOutreachValues() {
        Set<String> named = new TreeSet<>();
        for (String violation : violations("campaign", List.of("io.playloop.outreach."))) {
            named.add(violation.substring(violation.indexOf(" -> ") + 4));
        }
        assertThat(named).isSubsetOf("io.playloop.outreach.ContactBudget", "io.playloop.outreach.Priority",
                "io.playloop.outreach.ReminderKind");
    }

    @Test
    @DisplayName("the outreach planner is pure: it names no store, scheduling service or AWS SDK")
    void outreach_namesNoInputOrOutput() {
        assertThat(violations("outreach", concat(List.of("io.playloop.store.", "io.playloop.scheduling.",
                "io.playloop.scheduler."), AWS))).isEmpty();
    }

    @Test
    @DisplayName("the store (an adapter) names no scheduling service; it may hold the outreach.Schedule value")
    void store_namesNoSchedulingService() {
        assertThat(violations("store", List.of("io.playloop.scheduling.", "io.playloop.scheduler."))).isEmpty();
    }

    @Test
    @DisplayName("the check catches an uphill import, a name written out in full, and ignores comments and strings")
    void theCheck_canFail() {
        String source = """
                package io.playloop.campaign;

                import io.playloop.store.Keys;
                import java.util.List;

                /** Not {@link io.playloop.engine.Engine}. */
                final class Uphill {
                    // io.playloop.games.spin.SpinRules
                    String text = "io.playloop.scheduler.Schedule";
                    software.amazon.awssdk.services.dynamodb.DynamoDbClient client;
                }
                """;
        assertThat(references(source)).containsExactly("io.playloop.store.Keys",
                "software.amazon.awssdk.services.dynamodb.DynamoDbClient");
        assertThat(forbidden("Uphill.java", source, concat(List.of("io.playloop.store.", "io.playloop.engine."), AWS)))
                .containsExactly("Uphill.java -> io.playloop.store.Keys",
                        "Uphill.java -> software.amazon.awssdk.services.dynamodb.DynamoDbClient");
    }

    /** Every "File.java -> name" where a main file of {@code pkg} (or a sub-package) names a forbidden prefix. */
    static Set<String> violations(String pkg, List<String> forbiddenPrefixes) {
        Path dir = MAIN.resolve(pkg.replace('.', '/'));
        assertThat(dir).as("package " + pkg + " exists").isDirectory();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                found.addAll(forbidden(MAIN.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8),
                        forbiddenPrefixes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> forbidden(String file, String source, List<String> forbiddenPrefixes) {
        return references(source).stream()
                .filter(name -> forbiddenPrefixes.stream().anyMatch(p -> (name + ".").startsWith(p)))
                .map(name -> file + " -> " + name).toList();
    }

    /** The qualified names of PlayLoop and AWS packages and types the code (not its comments or strings) names. */
    static Set<String> references(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code(source));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The source without its package line, with comments, string literals, text blocks and chars blanked out. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("package ", i) && (i == 0 || source.charAt(i - 1) == '\n')) {
                i = after(source, ";", i);
            } else if (source.startsWith("//", i)) {
                i = after(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                i = after(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = after(source, "\"\"\"", i + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** The index just past the next {@code token} from {@code from}, or the end of the source. */
    private static int after(String source, String token, int from) {
        int at = source.indexOf(token, from);
        return at < 0 ? source.length() : at + token.length();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
