package uk.westmercia.charter.jobs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import uk.westmercia.charter.warehouse.CharterSpark;

/** Hadoop file system access for the command line's checks, before a Spark session exists. */
final class FileSystems {
    private FileSystems() {
    }

    static Configuration configuration() {
        return CharterSpark.hadoopConfiguration();
    }

    static boolean isDirectory(String location) {
        Path path = new Path(location);
        try {
            return path.getFileSystem(configuration()).getFileStatus(path).isDirectory();
        }
        catch (FileNotFoundException e) {
            return false;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot look at " + location + ": " + e.getMessage(), e);
        }
    }
}
