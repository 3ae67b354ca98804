package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import static uk.westmercia.charter.ingest.StagedSchemas.FILE_ORDER;
import static uk.westmercia.charter.ingest.StagedSchemas.RECORD_MONTH;
import static uk.westmercia.charter.ingest.StagedSchemas.SOURCE_FILE;
import static uk.westmercia.charter.ingest.StagedSchemas.SOURCE_LINE;

import io.delta.tables.DeltaMergeBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.RowVersion;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.warehouse.RecordDates;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.WarehouseTables;

/**
 * Commits a source's staged and rejects tables, Delta tables partitioned by
 * {@link StagedSchemas#RECORD_MONTH}. A first staging writes the table whole; later nights MERGE
 * the night's rows in by key, the newer row winning as {@link Stager#newestPerKey} decides (by the
 * source's {@linkplain uk.westmercia.charter.ingest.sources.RowVersion version} where it has one, crime's
 * {@code version_at}, else by file order), and delete the rows of files whose content changed (a
 * keyless source's; a keyed source with such a file is staged again whole, see {@link Stager#stage}).
 * Delta rewrites only the files holding a matched row, so a night costs what its new data costs.
 */
public final class StagedTableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StagedTableWriter.class);

    private final WarehouseTables tables;

    public StagedTableWriter(WarehouseTables tables) {
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** Commits the staged table. Returns the Delta version committed. */
    public long writeStaged(StagingResult result, TableName table) {
        requireNonNull(result, "result is null");
        Source source = result.source();
        if (!result.againstPrevious() || !tables.exists(table)) {
            long version = tables.overwrite(table, result.staged().withColumn(RECORD_MONTH, RecordDates.recordMonth(source)), RECORD_MONTH);
            LOG.info("Wrote staged {} whole (version {})", source.folder(), version);
            return version;
        }
        Dataset<Row> night = Stager.newestPerKey(source, result.fresh()).withColumn(RECORD_MONTH, RecordDates.recordMonth(source));
        List<String> replaced = result.replacedFiles();
        String replacedCondition = replaced.isEmpty() ? null
                : "t." + SOURCE_FILE + " IN (" + replaced.stream().map(StagedTableWriter::quote).collect(Collectors.joining(", ")) + ")";
        List<String> key = SourceDefinitions.of(source).keyColumns();
        long version = tables.commit(table, delta -> {
            DeltaMergeBuilder merge;
            if (key.isEmpty()) {
                // No key: every row of a new file is a new row.
                merge = delta.as("t").merge(night.as("s"), "false").whenNotMatched().insertAll();
            }
            else {
                String newer = newer(source);
                merge = delta.as("t").merge(night.as("s"), key.stream().map(column -> "t." + column + " = s." + column).collect(Collectors.joining(" AND ")))
                        .whenMatched(replacedCondition == null ? newer : "(" + replacedCondition + ") OR " + newer).updateAll()
                        .whenNotMatched().insertAll();
            }
            if (replacedCondition != null) {
                merge = merge.whenNotMatchedBySource(replacedCondition).delete();
            }
            merge.execute();
        });
        LOG.info("Merged the night's rows into staged {} (version {}{})", source.folder(), version,
                replaced.isEmpty() ? "" : ", rows of " + replaced.size() + " changed file(s) replaced");
        return version;
    }

    /**
     * Commits the rejects table: the night's rejects appended, or the table rewritten when a file's
     * content changed (its earlier rejects go). Returns the version committed, or -1 when nothing changed.
     */
    public long writeRejects(StagingResult result, TableName table) {
        if (result.rejectsUnchanged() && tables.exists(table)) {
            return -1;
        }
        if (!result.againstPrevious() || !tables.exists(table) || !result.replacedFiles().isEmpty()) {
            return tables.overwrite(table, result.rejects().coalesce(1));
        }
        return tables.append(table, result.freshRejects().coalesce(1));
    }

    /** The MERGE condition under which the night's row s replaces the staged row t: Stager.newestPerKey's order. */
    static String newer(Source source) {
        String byFile = "(s." + FILE_ORDER + " > t." + FILE_ORDER + " OR (s." + FILE_ORDER + " <=> t." + FILE_ORDER + " AND s." + SOURCE_LINE
                + " > t." + SOURCE_LINE + "))";
        Optional<RowVersion> version = SourceDefinitions.of(source).version();
        if (version.isEmpty()) {
            return byFile;
        }
        // Descending with nulls last: a version time beats none.
        String column = version.get().versionColumn();
        return "(s." + column + " > t." + column + " OR (s." + column + " IS NOT NULL AND t." + column + " IS NULL) OR (s." + column + " <=> t." + column
                + " AND " + byFile + "))";
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}
