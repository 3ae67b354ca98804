package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static uk.westmercia.charter.ingest.StagedSchemas.RECORD_MONTH;
import static uk.westmercia.charter.ingest.StagedSchemas.SOURCE_FILE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.warehouse.RecordDates;
import uk.westmercia.charter.warehouse.HardLinks;

/**
 * Writes a source's staged table into a new version folder, partitioned by
 * {@link StagedSchemas#RECORD_MONTH}. Given the previous version, Spark writes only the months this
 * run's changes reach (the record months of {@link StagingResult#changes()}); every other month's
 * files are hard-linked from the previous version, so a night costs what its new data costs. Hard
 * links, not symbolic ones: the previous version's folder is deleted later, its files must live on.
 */
public final class StagedTableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StagedTableWriter.class);
    private static final String MONTH_FOLDER = RECORD_MONTH + "=";

    /** What a write did: the months Spark wrote, and the months and files taken over from the previous version. */
    public record Written(SortedSet<String> writtenMonths, int linkedMonths, int linkedFiles, int copiedFiles) {
        public Written {
            writtenMonths = Collections.unmodifiableSortedSet(new TreeSet<>(writtenMonths));
        }
    }

    private final SparkSession spark;

    public StagedTableWriter(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /**
     * Writes {@code result}'s staged table to {@code version}, which must not exist yet.
     *
     * @param previous the folder of the table's current version (its real path, not the table link),
     *     if it has one; a version written before tables were partitioned is rewritten whole
     */
    public Written write(StagingResult result, Path version, Optional<Path> previous) {
        requireNonNull(result, "result is null");
        return write(result, () -> result.summariseChanges(List.of()), version, previous);
    }

    /**
     * As {@link #write(StagingResult, Path, Optional)}, with the months to rewrite taken from a summary
     * of {@code result}'s changes the caller made already (with the aggregates it needed besides).
     */
    public Written write(StagingResult result, ChangeSummary changes, Path version, Optional<Path> previous) {
        requireNonNull(result, "result is null");
        requireNonNull(changes, "changes is null");
        if (changes.source() != result.source()) {
            throw new IllegalArgumentException("Cannot write staged " + result.source().folder() + ": the change summary is of "
                    + changes.source().folder());
        }
        return write(result, () -> changes, version, previous);
    }

    private Written write(StagingResult result, Supplier<ChangeSummary> changes, Path version, Optional<Path> previous) {
        requireNonNull(version, "version is null");
        requireNonNull(previous, "previous is null");
        Source source = result.source();
        Optional<Path> partitioned = previous.filter(path -> result.againstPrevious() && !months(path).isEmpty());
        Written written;
        if (partitioned.isEmpty()) {
            writeByMonth(source, result.staged(), version);
            written = new Written(months(version), 0, 0, 0);
        }
        else {
            written = writeChangedMonths(result, changes.get().months(), version, partitioned.get());
        }
        if (months(version).isEmpty()) {
            // Spark writes no file for an empty partitioned table: one empty file keeps its schema readable.
            spark.createDataFrame(List.of(), StagedSchemas.partitionedSchema(source)).coalesce(1)
                    .write().mode(SaveMode.Append).parquet(version.toString());
        }
        LOG.info("Wrote staged {}: {} month(s) by Spark{}, {} month(s) linked from the previous version ({} file(s) linked, {} copied)",
                source.folder(), written.writtenMonths().size(), brief(written.writtenMonths()), written.linkedMonths(),
                written.linkedFiles(), written.copiedFiles());
        return written;
    }

    /** Rewrites the affected months (the record months of {@link StagingResult#changes()}) and links the others. */
    private Written writeChangedMonths(StagingResult result, SortedSet<String> affected, Path version, Path previous) {
        Source source = result.source();
        Dataset<Row> before = spark.read().schema(StagedSchemas.partitionedSchema(source)).parquet(previous.toString());
        // Partition pruning: only the affected months of the previous version are read.
        Dataset<Row> kept = before.filter(col(RECORD_MONTH).isin(affected.toArray()));
        if (!result.replaced().isEmpty()) {
            kept = kept.filter(col(SOURCE_FILE).isin(result.replaced().toArray()).unary_$bang());
        }
        // A restated key's earlier row is among the changes, so its month is rewritten here too:
        // newest per key over the affected months is newest per key over the table.
        Dataset<Row> rows = Stager.newestPerKey(source, kept.select(stagedColumns(source)).unionByName(result.fresh()));
        writeByMonth(source, rows, version);

        int linkedMonths = 0;
        int linked = 0;
        int copied = 0;
        for (String month : months(previous)) {
            if (affected.contains(month)) {
                continue;
            }
            try {
                HardLinks.Linked files = HardLinks.linkFiles(previous.resolve(MONTH_FOLDER + month), version.resolve(MONTH_FOLDER + month));
                linked += files.linked();
                copied += files.copied();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot take month " + month + " of staged " + source.folder() + " over from " + previous
                        + ": " + e.getMessage(), e);
            }
            linkedMonths++;
        }
        return new Written(affected, linkedMonths, linked, copied);
    }

    private static void writeByMonth(Source source, Dataset<Row> rows, Path version) {
        // No shuffle by month: a month is the unit later runs rewrite or link, whatever its number of files.
        rows.withColumn(RECORD_MONTH, RecordDates.recordMonth(source))
                .write().mode(SaveMode.ErrorIfExists).partitionBy(RECORD_MONTH)
                .parquet(version.toString());
    }

    private static Column[] stagedColumns(Source source) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : StagedSchemas.schema(source).fields()) {
            columns.add(col(field.name()));
        }
        return columns.toArray(Column[]::new);
    }

    /** The months a version folder holds, by its {@code record_month=} folders. */
    static SortedSet<String> months(Path version) {
        SortedSet<String> months = new TreeSet<>();
        if (!Files.isDirectory(version)) {
            return months;
        }
        for (Path entry : list(version)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(MONTH_FOLDER) && Files.isDirectory(entry)) {
                months.add(name.substring(MONTH_FOLDER.length()));
            }
        }
        return months;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String brief(SortedSet<String> months) {
        if (months.isEmpty()) {
            return "";
        }
        return months.size() <= 6 ? " " + months : " (" + months.first() + " to " + months.last() + ")";
    }
}
