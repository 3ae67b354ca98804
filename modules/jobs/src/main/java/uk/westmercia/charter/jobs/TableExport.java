package uk.westmercia.charter.jobs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.westmercia.charter.reporting.SpreadsheetCells;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;

/** Streams a warehouse table to CSV or JSON Lines, partition by partition (never the whole table in memory). */
public final class TableExport {
    private static final List<String> METRIC_TABLES = List.of("metric_values", "theme_scores", "scorecard", "area_comparison");

    private TableExport() {
    }

    public enum Format {
        CSV,
        JSON;

        static Format parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export: format '" + text + "' is not csv or json");
            };
        }
    }

    /**
     * The paths of a table by the names readers use: {@code metric_values}, {@code staged/crime},
     * {@code runs}, and {@code rejects} for every source's rejects together.
     */
    static List<Path> resolve(Warehouse warehouse, String table) {
        if (table.equals("rejects")) {
            Path rejects = warehouse.root().resolve("rejects");
            List<Path> sources = new ArrayList<>();
            if (Files.isDirectory(rejects)) {
                try (Stream<Path> entries = Files.list(rejects)) {
                    entries.filter(Files::isDirectory).sorted().forEach(sources::add);
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + rejects + ": " + e.getMessage(), e);
                }
            }
            if (sources.isEmpty()) {
                throw new JobFailure(ExitCode.FAILURE, "Cannot export table 'rejects': " + rejects + " holds no source's rejects; has a nightly run succeeded?");
            }
            return List.copyOf(sources);
        }
        Path path;
        if (METRIC_TABLES.contains(table)) {
            path = warehouse.tablePath(TableName.metrics(table));
        }
        else if (table.equals("runs") || table.equals("run_reports")) {
            path = warehouse.runsPath().resolve("run_reports");
        }
        else if (table.startsWith("staged/") || table.startsWith("rejects/") || table.startsWith("metrics/")) {
            path = warehouse.tablePath(new TableName(table));
        }
        else {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export table '" + table + "': expected one of "
                    + String.join(", ", METRIC_TABLES) + ", staged/<source>, rejects/<source>, rejects, runs");
        }
        if (!Files.isDirectory(path)) {
            throw new JobFailure(ExitCode.FAILURE, "Cannot export table '" + table + "': " + path + " does not exist; has a nightly run succeeded?");
        }
        return List.of(path);
    }

    static long export(SparkSession spark, List<Path> paths, Format format, Optional<Path> out) throws IOException {
        Dataset<Row> table = spark.read().parquet(paths.stream().map(Path::toString).toArray(String[]::new));
        List<String> columns = Arrays.asList(table.columns());
        List<String> order = (columns.contains("reason_code") ? List.of("source", "file", "line")
                : List.of("metric_id", "area_level", "area_code", "period_type", "period_start")).stream()
                .filter(columns::contains).toList();
        if (!order.isEmpty()) {
            table = table.orderBy(order.get(0), order.subList(1, order.size()).toArray(String[]::new));
        }
        Writer writer = out.isPresent()
                ? Files.newBufferedWriter(out.get(), StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        long rows = 0;
        Iterator<Row> iterator = table.toLocalIterator();
        try {
            if (format == Format.CSV) {
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.isNullAt(i) ? null : SpreadsheetCells.cell(row.get(i));
                    }
                    printer.printRecord(values);
                    rows++;
                }
                printer.flush();
            }
            else {
                ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = row.isNullAt(i) ? null : row.get(i);
                        object.put(columns.get(i), value instanceof Number || value instanceof Boolean || value == null ? value : String.valueOf(value));
                    }
                    writer.write(mapper.writeValueAsString(object));
                    writer.write('\n');
                    rows++;
                }
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        finally {
            writer.flush();
            if (out.isPresent()) {
                writer.close();
            }
        }
        return rows;
    }
}
