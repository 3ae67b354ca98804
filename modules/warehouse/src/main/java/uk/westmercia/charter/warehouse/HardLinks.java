package uk.westmercia.charter.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes a folder's files over into a new folder as hard links, so a run's version of a table shares
 * the unchanged files of the previous version at no cost. Hard links, not symbolic ones: the previous
 * version's folder is deleted later, its files must live on.
 */
public final class HardLinks {
    private static final String SUCCESS = "_SUCCESS";

    /** How a folder's files were taken over: linked, or copied where the file system has no hard links. */
    public record Linked(int linked, int copied) {
        public Linked {
            if (linked < 0 || copied < 0) {
                throw new IllegalArgumentException("Cannot count linked files: linked " + linked + " and copied " + copied + " must be >= 0");
            }
        }
    }

    private HardLinks() {
    }

    /** Creates {@code to}, which must not exist, and links (else copies) every regular file of {@code from} into it. */
    public static Linked linkFiles(Path from, Path to) throws IOException {
        Files.createDirectory(to);
        int linked = 0;
        int copied = 0;
        List<Path> files;
        try (Stream<Path> entries = Files.list(from)) {
            // _SUCCESS last, as Spark writes it: it marks a whole version.
            files = entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path file) -> file.getFileName().toString().equals(SUCCESS)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        for (Path file : files) {
            Path target = to.resolve(file.getFileName());
            try {
                Files.createLink(target, file);
                linked++;
            }
            catch (IOException | UnsupportedOperationException e) {
                // Another file system, or one without hard links.
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                copied++;
            }
        }
        return new Linked(linked, copied);
    }
}
