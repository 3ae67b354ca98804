package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The warehouse layout and its one publication step. A run writes each table into a new version
 * folder, {@code .versions/<table>/<run_id>/}; only when every table of the run is written does it
 * switch each table's path, {@code <table>}, a symbolic link, to the new version by an atomic
 * rename. A reader following {@code <table>} sees one whole version, never a half-written one, and
 * a killed run leaves the links where they were.
 */
public final class Warehouse {
    public static final String VERSIONS = ".versions";
    /** Versions kept per table besides the current one, so a reader mid-scan is not cut off. */
    public static final int RETAINED_VERSIONS = 2;

    private final Path root;

    public Warehouse(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The path readers use. */
    public Path tablePath(TableName table) {
        return root.resolve(table.path());
    }

    public Path versionPath(TableName table, String runId) {
        return root.resolve(VERSIONS).resolve(table.path()).resolve(runId);
    }

    public Path runsPath() {
        return root.resolve("runs");
    }

    public boolean exists(TableName table) {
        return Files.isDirectory(tablePath(table));
    }

    /** The version a table's link points at, if the table has been published. */
    public Optional<String> currentVersion(TableName table) {
        Path link = tablePath(table);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read table link " + link + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table's version for a run as its current version unchanged: the current version's files,
     * hard-linked (else copied). For a table a run would rewrite with the same rows.
     */
    public HardLinks.Linked carryOver(TableName table, String runId) {
        String current = currentVersion(table).orElseThrow(() -> new IllegalStateException("Cannot carry " + table + " over: it has no current version"));
        Path version = versionPath(table, runId);
        try {
            Files.createDirectories(version.getParent());
            return HardLinks.linkFiles(versionPath(table, current), version);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot carry " + table + " over from version " + current + ": " + e.getMessage(), e);
        }
    }

    /** Points a table at a written version with one atomic rename of a fresh link over the old one. */
    public void publish(TableName table, String runId) {
        Path version = versionPath(table, runId);
        if (!Files.isDirectory(version)) {
            throw new IllegalStateException("Cannot publish " + table + ": version " + runId + " was not written");
        }
        Path link = tablePath(table);
        try {
            Files.createDirectories(link.getParent());
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                throw new IllegalStateException("Cannot publish " + table + ": " + link + " is not a table link (was it written by hand?)");
            }
            Path temporary = link.resolveSibling("." + link.getFileName() + ".link-" + runId);
            Files.deleteIfExists(temporary);
            // Relative, so the warehouse folder can be moved or mounted elsewhere.
            Files.createSymbolicLink(temporary, link.getParent().relativize(version));
            try {
                Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("Cannot publish " + table + ": the file system cannot rename atomically", e);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + table + ": " + e.getMessage(), e);
        }
    }

    /** Deletes versions that are neither current nor among the newest retained ones, and unpublished leftovers. */
    public void removeOldVersions(TableName table) {
        Path versions = root.resolve(VERSIONS).resolve(table.path());
        if (!Files.isDirectory(versions)) {
            return;
        }
        Optional<String> current = currentVersion(table);
        try (Stream<Path> entries = Files.list(versions)) {
            List<Path> others = entries
                    .filter(path -> current.map(name -> !path.getFileName().toString().equals(name)).orElse(true))
                    .sorted(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed())
                    .toList();
            for (Path old : others.subList(Math.min(RETAINED_VERSIONS, others.size()), others.size())) {
                deleteRecursively(old);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot clean versions of " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #removeOldVersions} once a run has published: the tables are switched already, so a
     * failure to clean up is a warning for the run report (returned), not a failed run.
     */
    public Optional<String> tidyOldVersions(TableName table) {
        try {
            removeOldVersions(table);
            return Optional.empty();
        }
        catch (UncheckedIOException e) {
            return Optional.of(e.getMessage() + "; the table is published, its older versions are kept");
        }
    }

    /**
     * Finishes a publication a killed run left half done, with the warehouse locked. Publication
     * starts only once every table of a run is written, so when some tables point at the newest
     * published run and others do not, the others' versions of that run are whole: the switch is
     * rolled forward. Returns the tables switched.
     */
    public List<TableName> completeInterruptedPublication() {
        List<TableName> tables = tablesWithVersions();
        Optional<String> newest = tables.stream().map(this::currentVersion).flatMap(Optional::stream).max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return List.of();
        }
        List<TableName> switched = new ArrayList<>();
        for (TableName table : tables) {
            Optional<String> current = currentVersion(table);
            Path version = versionPath(table, newest.get());
            boolean behind = current.map(name -> name.compareTo(newest.get()) < 0).orElse(true);
            if (behind && Files.isRegularFile(version.resolve("_SUCCESS"))) {
                publish(table, newest.get());
                switched.add(table);
            }
        }
        return switched;
    }

    /**
     * Where a refused run's rejects of a source are kept for the analyst to act on, outside the
     * table versions: {@code runs/<run_id>-rejects/<source>/}.
     */
    public Path refusedRejectsPath(String runId, String source) {
        return runsPath().resolve(runId + "-rejects").resolve(source);
    }

    /**
     * Deletes the versions a failed or killed run wrote and never published, so that they do not
     * count among the versions kept for readers (which would then lose a version they were reading);
     * its rejects move to {@link #refusedRejectsPath}. Returns the tables it took a version from.
     */
    public List<TableName> discardUnpublished(String runId) {
        requireNonNull(runId, "runId is null");
        List<TableName> discarded = new ArrayList<>();
        for (TableName table : tablesWithVersions()) {
            Path version = versionPath(table, runId);
            if (Files.exists(version, LinkOption.NOFOLLOW_LINKS) && !currentVersion(table).equals(Optional.of(runId))) {
                try {
                    if (table.path().startsWith("rejects/")) {
                        Path kept = refusedRejectsPath(runId, table.path().substring("rejects/".length()));
                        Files.createDirectories(kept.getParent());
                        Files.move(version, kept);
                    }
                    else {
                        deleteRecursively(version);
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot remove unpublished version " + version + ": " + e.getMessage(), e);
                }
                discarded.add(table);
            }
        }
        return discarded;
    }

    /** Every table with a folder under {@code .versions}. */
    private List<TableName> tablesWithVersions() {
        Path versions = root.resolve(VERSIONS);
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        List<TableName> tables = new ArrayList<>();
        try (Stream<Path> areas = Files.list(versions)) {
            for (Path area : areas.filter(Files::isDirectory).toList()) {
                try (Stream<Path> names = Files.list(area)) {
                    for (Path name : names.filter(Files::isDirectory).toList()) {
                        String path = area.getFileName() + "/" + name.getFileName();
                        try {
                            tables.add(new TableName(path));
                        }
                        catch (IllegalArgumentException e) {
                            // not a table folder
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list versions under " + versions + ": " + e.getMessage(), e);
        }
        return tables;
    }

    /** The versions of a table kept on disk, newest first (the current one included). */
    public List<String> versions(TableName table) {
        Path versions = root.resolve(VERSIONS).resolve(table.path());
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(versions)) {
            return entries.map(path -> path.getFileName().toString()).sorted(Comparator.reverseOrder()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list versions of " + table + ": " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
