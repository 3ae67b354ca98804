package uk.westmercia.charter.jobs;

import static org.apache.spark.sql.functions.col;

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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.westmercia.charter.reporting.SpreadsheetCells;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** Streams a published warehouse table to CSV or JSON Lines, partition by partition (never the whole table in memory), or writes one Parquet file. */
public final class TableExport {
    private static final List<String> METRIC_TABLES = List.of("metric_values", "theme_scores", "scorecard", "area_comparison");

    private TableExport() {
    }

    public enum Format {
        CSV,
        JSON,
        PARQUET;

        static Format parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                case "parquet" -> PARQUET;
                default -> throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export: format '" + text + "' is not csv, json or parquet");
            };
        }
    }

    /**
     * A table by the name readers use ({@code metric_values}, {@code staged/crime}, {@code runs},
     * {@code published}, and {@code rejects} for every source's rejects together), as the latest
     * published run left it, or as {@code run} published it (time travel).
     */
    static Dataset<Row> resolve(WarehouseTables tables, String table, Optional<String> run) {
        Warehouse warehouse = tables.warehouse();
        if (table.equals("runs") || table.equals("run_reports") || table.equals("published")) {
            // Run logs, appended by every run (failed ones too): read whole, or up to the run asked for.
            TableName log = table.equals("published") ? WarehouseTables.PUBLISHED : WarehouseTables.RUN_REPORTS;
            if (tables.latestVersion(log).isEmpty()) {
                throw new JobFailure(ExitCode.FAILURE, "Cannot export table '" + table + "': " + warehouse.location(log) + " does not exist; has a run succeeded?");
            }
            Dataset<Row> rows = tables.spark().read().format("delta").load(warehouse.location(log));
            return run.isPresent() ? rows.filter(col("run_id").leq(run.get())) : rows;
        }
        Publication publication = publication(tables, table, run);
        if (table.equals("rejects")) {
            List<String> sources = publication.versions().keySet().stream().filter(path -> path.startsWith("rejects/")).sorted().toList();
            if (sources.isEmpty()) {
                throw new JobFailure(ExitCode.FAILURE, "Cannot export table 'rejects': " + warehouse.root() + " holds no source's rejects; has a nightly run succeeded?");
            }
            Dataset<Row> all = null;
            for (String source : sources) {
                Dataset<Row> rows = tables.read(new TableName(source), publication);
                all = all == null ? rows : all.unionByName(rows);
            }
            return all;
        }
        TableName name;
        if (METRIC_TABLES.contains(table)) {
            name = TableName.metrics(table);
        }
        else if (table.startsWith("staged/") || table.startsWith("rejects/") || table.startsWith("metrics/")) {
            try {
                name = new TableName(table);
            }
            catch (IllegalArgumentException e) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export table '" + table + "': " + e.getMessage());
            }
        }
        else {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export table '" + table + "': expected one of "
                    + String.join(", ", METRIC_TABLES) + ", staged/<source>, rejects/<source>, rejects, runs, published");
        }
        if (!publication.contains(name)) {
            throw new JobFailure(ExitCode.FAILURE, "Cannot export table '" + table + "': " + (run.isPresent() ? "run " + run.get() + " published no version of it"
                    : warehouse.location(name) + " is not published; has a nightly run succeeded?"));
        }
        return tables.read(name, publication);
    }

    private static Publication publication(WarehouseTables tables, String table, Optional<String> run) {
        if (run.isPresent()) {
            return tables.publishedBy(run.get()).orElseThrow(() -> new JobFailure(ExitCode.BAD_COMMAND_LINE,
                    "Cannot export table '" + table + "' as run " + run.get() + " published it: no such run published in " + tables.warehouse().root()
                            + " (jobs/charter export --table published lists them)"));
        }
        Publication published = tables.published();
        if (published.isNone()) {
            throw new JobFailure(ExitCode.FAILURE, "Cannot export table '" + table + "': nothing is published in " + tables.warehouse().root()
                    + "; has a nightly run succeeded?");
        }
        return published;
    }

    /** Writes a table as one plain Parquet file at {@code out} (a local path or Hadoop URI), for tools that read no Delta. */
    static long exportParquet(SparkSession spark, Dataset<Row> table, String out) throws IOException {
        Dataset<Row> sorted = sorted(table).cache();
        long rows = sorted.count();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(Warehouse.normalise(out));
        org.apache.hadoop.fs.FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".parts");
        fs.delete(folder, true);
        sorted.coalesce(1).write().parquet(folder.toString());
        sorted.unpersist();
        org.apache.hadoop.fs.FileStatus[] parts = fs.listStatus(folder, path -> path.getName().startsWith("part-"));
        if (parts.length != 1) {
            throw new IOException("expected one Parquet part in " + folder + ", found " + parts.length);
        }
        fs.delete(target, false);
        if (!fs.rename(parts[0].getPath(), target)) {
            throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
        }
        fs.delete(folder, true);
        return rows;
    }

    private static Dataset<Row> sorted(Dataset<Row> table) {
        List<String> columns = Arrays.asList(table.columns());
        List<String> order = (columns.contains("reason_code") ? List.of("source", "file", "line")
                : List.of("metric_id", "area_level", "area_code", "period_type", "period_start")).stream()
                .filter(columns::contains).toList();
        if (!order.isEmpty()) {
            return table.orderBy(order.get(0), order.subList(1, order.size()).toArray(String[]::new));
        }
        return table;
    }

    static long export(Dataset<Row> table, Format format, Optional<Path> out) throws IOException {
        if (format == Format.PARQUET) {
            throw new IllegalArgumentException("Cannot stream Parquet: use exportParquet");
        }
        List<String> columns = Arrays.asList(table.columns());
        table = sorted(table);
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
