package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.Source;

/** A source's staged rows and rejects, both drawn from one read of its files. */
public final class StagingResult {
    private final Source source;
    private final Dataset<Row> staged;
    private final Dataset<Row> rejects;
    private final Dataset<Row> changes;
    private final Dataset<Row> outcomes;
    private final List<FileReport> reports;
    private final List<StagedFile> manifest;
    private final boolean changed;
    private final Dataset<Row> fresh;
    private final List<String> replaced;
    private final boolean againstPrevious;

    StagingResult(Source source, Dataset<Row> staged, Dataset<Row> rejects, Dataset<Row> changes, Dataset<Row> outcomes, List<FileReport> reports,
            List<StagedFile> manifest, boolean changed, Dataset<Row> fresh, List<String> replaced, boolean againstPrevious) {
        this.source = requireNonNull(source, "source is null");
        this.staged = requireNonNull(staged, "staged is null");
        this.rejects = requireNonNull(rejects, "rejects is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.outcomes = requireNonNull(outcomes, "outcomes is null");
        this.reports = List.copyOf(reports);
        this.manifest = List.copyOf(manifest);
        this.changed = changed;
        this.fresh = requireNonNull(fresh, "fresh is null");
        this.replaced = List.copyOf(replaced);
        this.againstPrevious = againstPrevious;
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

    /**
     * The rows this run adds to or takes from the staged table (new rows, rows of files whose content
     * changed, and the versions a restatement replaces), in the staged schema. Read it before
     * {@link #release()}.
     */
    public Dataset<Row> changes() {
        return changes;
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
