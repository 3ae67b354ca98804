package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.warehouse.RecordDates;

/** A source's staged rows and rejects, both drawn from one read of its files. */
public final class StagingResult {
    private final Source source;
    private final Dataset<Row> staged;
    private final Dataset<Row> rejects;
    private final Dataset<Row> freshRejects;
    private final Dataset<Row> changes;
    private final Dataset<Row> outcomes;
    private final List<FileReport> reports;
    private final List<StagedFile> manifest;
    private final boolean changed;
    private final Dataset<Row> fresh;
    private final List<String> replaced;
    private final boolean againstPrevious;
    private final boolean rejectsUnchanged;

    StagingResult(Source source, Dataset<Row> staged, Dataset<Row> rejects, Dataset<Row> freshRejects, Dataset<Row> changes, Dataset<Row> outcomes, List<FileReport> reports,
            List<StagedFile> manifest, boolean changed, Dataset<Row> fresh, List<String> replaced, boolean againstPrevious, boolean rejectsUnchanged) {
        this.source = requireNonNull(source, "source is null");
        this.staged = requireNonNull(staged, "staged is null");
        this.rejects = requireNonNull(rejects, "rejects is null");
        this.freshRejects = requireNonNull(freshRejects, "freshRejects is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.outcomes = requireNonNull(outcomes, "outcomes is null");
        this.reports = List.copyOf(reports);
        this.manifest = List.copyOf(manifest);
        this.changed = changed;
        this.fresh = requireNonNull(fresh, "fresh is null");
        this.replaced = List.copyOf(replaced);
        this.againstPrevious = againstPrevious;
        this.rejectsUnchanged = rejectsUnchanged;
    }

    public Source source() {
        return source;
    }

    public Dataset<Row> staged() {
        return staged;
    }

    public Dataset<Row> rejects() {
        return rejects;
    }

    /** The rows rejected from the files read this run: what a night appends to the rejects table. */
    public Dataset<Row> freshRejects() {
        return freshRejects;
    }

    /** Files staged before whose content changed: their earlier rejects leave the rejects table. */
    public List<String> replacedFiles() {
        return replaced;
    }

    /**
     * The rows this run adds to or takes from the staged table (new rows, rows of files whose content
     * changed, and the versions a restatement replaces), in the staged schema. Read it before
     * {@link #release()}.
     */
    public Dataset<Row> changes() {
        return changes;
    }

    /**
     * One aggregate over {@link #changes()}, one Spark action: the record months they reach (the
     * months {@link StagedTableWriter} rewrites) and the given aggregate columns over the same rows
     * (the earliest metric dates, say), so the changes are read once for both. Call it before
     * {@link #release()}.
     */
    public ChangeSummary summariseChanges(List<Column> aggregates) {
        requireNonNull(aggregates, "aggregates is null");
        Column month = RecordDates.recordMonth(source);
        List<Column> columns = new ArrayList<>(List.of(collect_set(month), count(when(month.isNull(), lit(1)))));
        columns.addAll(aggregates);
        // One row: the months are bounded by the table's span, the caller's aggregates by their number.
        Row row = changes.agg(columns.get(0), columns.subList(1, columns.size()).toArray(Column[]::new)).first();
        if (row.getLong(1) > 0) {
            throw new IllegalStateException("Cannot write staged " + source.folder() + " by month: some rows have no record date");
        }
        Object[] values = new Object[aggregates.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i + 2);
        }
        return new ChangeSummary(source, new TreeSet<String>(row.getList(0)), RowFactory.create(values));
    }

    /** The rows of the files staged this run, before the newest per key is taken; in the staged schema. */
    Dataset<Row> fresh() {
        return fresh;
    }

    /** Files staged before whose content changed: their earlier rows are not part of the staged table any more. */
    List<String> replaced() {
        return replaced;
    }

    /** Whether the staged table was built on an earlier run's staged table ({@link Stager.Previous#staged()}). */
    boolean againstPrevious() {
        return againstPrevious;
    }

    /**
     * Whether the rejects table is the previous one as it was: it was built on an earlier run's
     * rejects ({@link Stager.Previous#rejects()}), this run adds no rejected row and takes no file's
     * rejects away. Its files can then be linked, not rewritten.
     */
    public boolean rejectsUnchanged() {
        return rejectsUnchanged;
    }

    /** Per-file reconciliation, in file name order: every landing file of the source, read this run or not. */
    public List<FileReport> fileReports() {
        return reports;
    }

    /** The source's manifest entries after this run: the files whose rows the staged and rejects tables hold. */
    public List<StagedFile> manifest() {
        return manifest;
    }

    /** Whether the staged and rejects tables differ from the previous ones (new or changed files were staged). */
    public boolean changed() {
        return changed;
    }

    /** Files read this run whose rows were new. */
    public long filesStaged() {
        return reports.stream().filter(report -> FileReport.STAGED.equals(report.status())).count();
    }

    public long rowsRead() {
        return fileReports().stream().mapToLong(FileReport::rowsRead).sum();
    }

    public long rowsRejected() {
        return fileReports().stream().mapToLong(FileReport::rowsRejected).sum();
    }

    public void release() {
        outcomes.unpersist();
    }
}
