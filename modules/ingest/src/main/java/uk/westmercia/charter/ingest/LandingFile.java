package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data file in the landing, as its file system lists it: name, location (a Hadoop URI) and the
 * size and modification time by which a night knows it has staged it before.
 */
public record LandingFile(String name, String uri, long size, long modifiedMillis) {
    public LandingFile {
        requireNonNull(name, "name is null");
        requireNonNull(uri, "uri is null");
        if (size < 0) {
            throw new IllegalArgumentException("Cannot describe landing file " + name + ": size " + size);
        }
    }

    /** A local file (tests, tools). */
    public static LandingFile of(Path file) {
        try {
            return new LandingFile(file.getFileName().toString(), file.toAbsolutePath().toUri().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
