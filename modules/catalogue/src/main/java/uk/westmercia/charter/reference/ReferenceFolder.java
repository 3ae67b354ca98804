package uk.westmercia.charter.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A landing's {@code reference/} folder, wherever the landing is: a local folder, or a Hadoop file
 * system (the jobs give that one), so reference data reads the same on a laptop and on a cluster.
 */
public interface ReferenceFolder {
    /** The regular files in the folder, by name, in name order; empty when the folder is absent. */
    List<String> fileNames();

    /** A file's bytes, if it is there. */
    Optional<InputStream> open(String fileName);

    /** Where it is, for messages. */
    String location();

    /** {@code <landing>/reference} on the local file system. */
    static ReferenceFolder local(Path landing) {
        Path folder = landing.resolve("reference");
        return new ReferenceFolder() {
            @Override
            public List<String> fileNames() {
                if (!Files.isDirectory(folder)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(folder)) {
                    return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Optional<InputStream> open(String fileName) {
                Path file = folder.resolve(fileName);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.newInputStream(file));
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String location() {
                return folder.toString();
            }
        };
    }
}
