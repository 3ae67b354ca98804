package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The warehouse's layout: where each table and run file lives under its root, a local folder or any
 * Hadoop file system URI ({@code file:}, {@code hdfs://}, {@code s3a://}, {@code abfss://}). Every
 * table is a Delta table; {@link WarehouseTables} reads, commits and publishes them.
 */
public final class Warehouse {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private final String root;

    /** A warehouse at a path or URI; a path without a scheme is a local folder, made absolute. */
    public Warehouse(String location) {
        this.root = normalise(requireNonNull(location, "location is null"));
    }

    public Warehouse(Path root) {
        this(requireNonNull(root, "root is null").toString());
    }

    /** A path or URI as a URI string without a trailing slash: {@code data} becomes {@code file:/work/data}. */
    public static String normalise(String location) {
        if (location.isBlank()) {
            throw new IllegalArgumentException("Cannot use an empty location");
        }
        String uri;
        if (SCHEME.matcher(location).matches()) {
            uri = location;
        }
        else {
            uri = Path.of(location).toAbsolutePath().normalize().toUri().toString();
        }
        // file:///a/b/ -> file:/a/b, as Hadoop prints it.
        if (uri.startsWith("file:///")) {
            uri = "file:/" + uri.substring("file:///".length());
        }
        while (uri.endsWith("/") && !uri.endsWith(":/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return uri;
    }

    /** A location as an operator writes it: a local one as a plain path, any other as its URI. */
    public static String display(String location) {
        String uri = normalise(location);
        return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
    }

    /** Whether a location is on the local file system (where the OS file lock works). */
    public static boolean isLocal(String location) {
        return normalise(location).startsWith("file:");
    }

    /** The root as a URI string. */
    public String root() {
        return root;
    }

    public boolean isLocal() {
        return root.startsWith("file:");
    }

    /** The root as a local path; only for a local warehouse. */
    public Path localRoot() {
        if (!isLocal()) {
            throw new IllegalStateException("Cannot use " + root + " as a local folder: it is on " + URI.create(root).getScheme());
        }
        return Path.of(URI.create(root));
    }

    /** A table's Delta location. */
    public String location(TableName table) {
        return root + "/" + table.path();
    }

    public String runsLocation() {
        return root + "/runs";
    }

    /** Where a run's JSON report is. */
    public String runReportLocation(String runId) {
        return runsLocation() + "/" + runId + ".json";
    }

    public String runLogLocation(String runId) {
        return runsLocation() + "/" + runId + ".log";
    }

    /**
     * Where a refused run's rejects of a source are kept for the analyst to act on, outside the
     * published tables: {@code runs/<run_id>-rejects/<source>/}, a Delta table.
     */
    public String refusedRejectsLocation(String runId, String source) {
        return runsLocation() + "/" + runId + "-rejects/" + source;
    }

    @Override
    public String toString() {
        return root;
    }
}
