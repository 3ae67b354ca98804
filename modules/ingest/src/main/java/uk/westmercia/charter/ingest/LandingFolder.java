package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.ReferenceFolder;
import uk.westmercia.charter.warehouse.Warehouse;

/** A landing folder on any Hadoop file system: its sources' files and its reference data. */
public final class LandingFolder {
    private final Configuration configuration;
    private final String root;

    public LandingFolder(Configuration configuration, String location) {
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.root = Warehouse.normalise(requireNonNull(location, "location is null"));
    }

    public String root() {
        return root;
    }

    /** Whether the landing is a folder that exists. */
    public boolean exists() {
        Path path = new Path(root);
        try {
            return path.getFileSystem(configuration).getFileStatus(path).isDirectory();
        }
        catch (FileNotFoundException e) {
            return false;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot look at landing " + root + ": " + e.getMessage(), e);
        }
    }

    public Stager.Listing files(Source source) {
        return Stager.landingFiles(configuration, root, source);
    }

    public ReferenceFolder reference() {
        Path folder = new Path(root + "/reference");
        return new ReferenceFolder() {
            @Override
            public List<String> fileNames() {
                List<String> names = new ArrayList<>();
                try {
                    for (FileStatus status : folder.getFileSystem(configuration).listStatus(folder)) {
                        if (status.isFile()) {
                            names.add(status.getPath().getName());
                        }
                    }
                }
                catch (FileNotFoundException e) {
                    return List.of();
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
                }
                names.sort(null);
                return names;
            }

            @Override
            public Optional<InputStream> open(String fileName) {
                Path file = new Path(folder, fileName);
                try {
                    FileSystem fs = file.getFileSystem(configuration);
                    if (!fs.isFile(file)) {
                        return Optional.empty();
                    }
                    return Optional.of(fs.open(file));
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
