package uk.westmercia.charter.jobs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Hadoop file system access for the command line's checks, before a Spark session exists. */
final class FileSystems {
    private FileSystems() {
    }

    /** Hadoop settings as Spark gives them: core-site.xml and the {@code spark.hadoop.*} properties spark-submit sets. */
    static Configuration configuration() {
        Configuration configuration = new Configuration();
        for (Map.Entry<Object, Object> entry : System.getProperties().entrySet()) {
            String key = entry.getKey().toString();
            if (key.startsWith("spark.hadoop.")) {
                configuration.set(key.substring("spark.hadoop.".length()), entry.getValue().toString());
            }
        }
        return configuration;
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
