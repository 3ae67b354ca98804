package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.Source;

/** A source's staged rows and rejects, both drawn from one read of its files. */
public final class StagingResult {
    private final Source source;
    private final Dataset<Row> staged;
    private final Dataset<Row> rejects;
    private final Dataset<Row> outcomes;
    private final Supplier<List<FileReport>> fileReports;
    private List<FileReport> reports;

    StagingResult(Source source, Dataset<Row> staged, Dataset<Row> rejects, Dataset<Row> outcomes, Supplier<List<FileReport>> fileReports) {
        this.source = requireNonNull(source, "source is null");
        this.staged = requireNonNull(staged, "staged is null");
        this.rejects = requireNonNull(rejects, "rejects is null");
        this.outcomes = requireNonNull(outcomes, "outcomes is null");
        this.fileReports = requireNonNull(fileReports, "fileReports is null");
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

    /** Per-file reconciliation, computed once from the persisted outcomes. */
    public synchronized List<FileReport> fileReports() {
        if (reports == null) {
            reports = List.copyOf(fileReports.get());
        }
        return reports;
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
