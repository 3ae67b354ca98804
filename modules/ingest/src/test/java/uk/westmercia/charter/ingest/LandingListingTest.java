package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;

/** What a landing folder's listing stages, skips and refuses. Plain file system, no Spark. */
class LandingListingTest {
    @Test
    void aSymbolicLinkLeadingOutOfTheLandingIsRefusedAndOneWithinItIsFollowed(@TempDir Path dir) throws Exception {
        Path landing = Files.createDirectories(dir.resolve("landing"));
        Path crime = Files.createDirectories(landing.resolve("crime"));
        Files.writeString(crime.resolve("crime-2024-04-30.csv"), "crime_ref\n");
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.csv"), "anything\n");
        Files.createSymbolicLink(crime.resolve("crime-2024-05-31.csv"), outside);
        Path archived = Files.writeString(Files.createDirectories(landing.resolve("archive")).resolve("june.csv"), "crime_ref\n");
        Files.createSymbolicLink(crime.resolve("crime-2024-06-30.csv"), crime.relativize(archived));
        Files.createSymbolicLink(crime.resolve("crime-2024-07-31.csv"), dir.resolve("gone.csv"));

        Stager.Listing listing = Stager.landingFiles(new Configuration(), landing.toUri().toString(), Source.CRIME);

        assertThat(listing.files()).extracting(LandingFile::name).containsExactly("crime-2024-04-30.csv", "crime-2024-06-30.csv");
        assertThat(listing.refusedLinks()).containsExactly(
                "Cannot stage crime/crime-2024-05-31.csv: it is a symbolic link to " + outside.toRealPath()
                        + ", outside the landing folder (an extract must be a file in the landing)",
                "Cannot stage crime/crime-2024-07-31.csv: it is a symbolic link to " + dir.resolve("gone.csv")
                        + " (which does not exist), outside the landing folder (an extract must be a file in the landing)");
        assertThat(listing.skippedFolders()).isEmpty();
    }

    @Test
    void aFolderNamedLikeADataFileIsSkippedAndNamed(@TempDir Path dir) throws Exception {
        Path contacts = Files.createDirectories(dir.resolve("contacts"));
        Files.createDirectories(contacts.resolve("contacts-2024-04-30.csv"));
        Files.writeString(contacts.resolve("contacts-2024-05-31.csv"), "contact_id\n");

        Stager.Listing listing = Stager.landingFiles(new Configuration(), dir.toUri().toString(), Source.CONTACTS);

        assertThat(listing.files()).extracting(LandingFile::name).containsExactly("contacts-2024-05-31.csv");
        assertThat(listing.skippedFolders()).containsExactly("contacts/contacts-2024-04-30.csv");
        assertThat(listing.refusedLinks()).isEmpty();
    }
}
