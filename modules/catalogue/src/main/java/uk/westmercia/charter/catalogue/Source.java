package uk.westmercia.charter.catalogue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A landing source folder, and the staged table of the same name: the identity of a source, and
 * what every module needs to know of it (its record date, the source it stands in for). Staging's
 * view of a source (its contract columns, key, derived columns and row rules) is its definition in
 * the ingest module, one per source.
 */
public enum Source {
    CRIME("crime", "recorded_date"),
    POLICEUK("policeuk", "recorded_date", standingInFor(CRIME)),
    CONTACTS("contacts", "to_date(received_at)"),
    ENGAGEMENT("engagement", "date"),
    SURVEY_PUBLIC("survey-public", "interview_date"),
    SURVEY_PARISH("survey-parish", "response_date"),
    PATROLS("patrols", "to_date(started_at)"),
    PRIORITIES("priorities", "event_date"),
    NEIGHBOURHOOD_MATTERS("neighbourhood-matters", "to_date(month || '-01')");

    private final String folder;
    private final String recordDate;
    private final Source standsInFor;

    Source(String folder, String recordDate, Trait... traits) {
        this.folder = requireNonNull(folder, "folder is null");
        this.recordDate = requireNonNull(recordDate, "recordDate is null");
        Source standsInFor = null;
        for (Trait trait : traits) {
            standsInFor = trait.standsInFor() != null ? trait.standsInFor() : standsInFor;
        }
        this.standsInFor = standsInFor;
    }

    /** What sets one source apart from the plain case, given where it is declared. */
    private record Trait(Source standsInFor) {
    }

    /**
     * The source's rows stand for {@code source}'s where a landing has none of those. Declared after
     * it (an enum constant can name only those before it), so it is staged after it too.
     */
    private static Trait standingInFor(Source source) {
        return new Trait(requireNonNull(source, "source is null"));
    }

    /** The landing folder, staged table and rejects table name. */
    @JsonValue
    public String folder() {
        return folder;
    }

    /**
     * The date a staged row is counted on, as a Spark SQL expression over the staged columns (contacts:
     * the London day a contact was received). Staging files a row under its month; metrics take a
     * source's periods from it. A catalogue metric whose {@code date} is this expression reads its rows by month.
     */
    public String recordDate() {
        return recordDate;
    }

    /**
     * The source whose rows this one's stand for where a landing has none of those: data.police.uk's
     * published crimes for the force's crime extract. A landing uses one of the two; with both, the
     * stand-in's files are ignored.
     */
    public Optional<Source> standsInFor() {
        return Optional.ofNullable(standsInFor);
    }

    /** Whether this source's rows are read for {@code other}'s: it is {@code other}, or stands in for it. */
    public boolean isOrStandsInFor(Source other) {
        return this == other || (standsInFor != null && standsInFor == other);
    }

    @JsonCreator
    public static Source fromFolder(String folder) {
        return Arrays.stream(values()).filter(source -> source.folder.equals(folder)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot read source: unknown '" + folder
                        + "', expected one of "
                        + String.join(", ", Arrays.stream(values()).map(Source::folder).toList())));
    }
}
