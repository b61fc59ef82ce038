package io.playloop.cli;

import io.playloop.store.CapacityMeter;
import io.playloop.store.PoolCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code coupons-import --pool P codes.csv --table T}: adds coupon codes (e.g. codes the shop created) to a
 * pool the catalogue's rewards take from ({@code coupon: { pool: P }}). The first column of each line is the
 * code (a header line {@code code} is skipped); codes are upper-cased. A code already in the pool, or already
 * given to a customer, is skipped, so importing the same file twice adds nothing. Bad lines are all listed and
 * nothing is written.
 */
@Command(name = "coupons-import", description = "Adds coupon codes from a CSV file (code in the first column) to a pool.")
final class CouponsImportCommand implements Callable<Integer> {
    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{3,39}");
    static final Pattern POOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Mixin
    TableOptions table;

    @Option(names = "--pool", required = true, description = "the pool id, as the campaign's coupon.pool names it")
    String pool;

    @Parameters(index = "0", paramLabel = "CSV", description = "one code per line (first column)")
    Path file;

    @ParentCommand
    PlayLoopCli cli;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = cli.spec.commandLine().getOut();
        PrintWriter err = cli.spec.commandLine().getErr();
        if (!POOL.matcher(pool).matches()) {
            err.println("--pool '" + pool + "': lower-case letters, digits and dashes, at most 40");
            return ExitCodes.USAGE;
        }
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return ExitCodes.USAGE;
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String first = lines.get(i).split("[,;\\t]", 2)[0].strip().replace("\"", "").replace("\uFEFF", "");
            if (first.isEmpty() || (i == 0 && first.equalsIgnoreCase("code"))) {
                continue;
            }
            String code = first.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problems.add(file + ":" + (i + 1) + ": '" + first + "' is not a code (4–40 letters, digits, '-', '_')");
            } else {
                codes.add(code);
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(problems.size() + " bad line(s); nothing imported");
            return ExitCodes.INVALID_CAMPAIGN;
        }
        int added = 0;
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            PoolCodes pools = new PoolCodes(dynamo, table.table(), new CapacityMeter());
            for (String code : codes) {
                if (pools.importCode(pool, code)) {
                    added++;
                }
            }
        }
        out.println("pool " + pool + ": " + added + " code(s) added, " + (codes.size() - added)
                + " already there or already given out");
        return ExitCodes.OK;
    }
}
