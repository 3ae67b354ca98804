package uk.westmercia.charter.catalogue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A landing source folder, and the staged table of the same name: the identity of a source, and
 * what every module needs to know of it: its record date, the rows metrics count, and what sets it
 * apart (a survey; police.uk standing in for crime, placed by district and dated by month). Staging's
 * view of a source (its contract columns, key, derived columns and row rules) is its definition in
 * the ingest module, one per source.
 */
public enum Source {
    CRIME("crime", "recorded_date", counting("status = 'recorded'")),
    POLICEUK("policeuk", "recorded_date", standingInFor(CRIME), placingByDistrict(), datingByMonth()),
    CONTACTS("contacts", "to_date(received_at)"),
    ENGAGEMENT("engagement", "date"),
    SURVEY_PUBLIC("survey-public", "interview_date", survey()),
    SURVEY_PARISH("survey-parish", "response_date", survey()),
    PATROLS("patrols", "to_date(started_at)"),
    PRIORITIES("priorities", "event_date"),
    NEIGHBOURHOOD_MATTERS("neighbourhood-matters", "to_date(month || '-01')");

    private final String folder;
    private final String recordDate;
    private final String countedRows;
    private final boolean survey;
    private final Source standsInFor;
    private final boolean placedByDistrict;
    private final boolean datedByMonth;

    Source(String folder, String recordDate, Trait... traits) {
        this.folder = requireNonNull(folder, "folder is null");
        this.recordDate = requireNonNull(recordDate, "recordDate is null");
        Trait all = Arrays.stream(traits).reduce(Trait.NONE, Trait::and);
        this.countedRows = all.countedRows();
        this.survey = all.survey();
        this.standsInFor = all.standsInFor();
        this.placedByDistrict = all.placedByDistrict();
        this.datedByMonth = all.datedByMonth();
    }

    /** What sets a source apart from the plain case (every row counted, placed by SNT, dated by day), as its constant declares. */
    private record Trait(String countedRows, boolean survey, Source standsInFor, boolean placedByDistrict, boolean datedByMonth) {
        static final Trait NONE = new Trait(null, false, null, false, false);

        Trait and(Trait other) {
            return new Trait(other.countedRows != null ? other.countedRows : countedRows, survey || other.survey,
                    other.standsInFor != null ? other.standsInFor : standsInFor, placedByDistrict || other.placedByDistrict,
                    datedByMonth || other.datedByMonth);
        }
    }

    /** Metrics count only the staged rows meeting {@code condition}, a Spark SQL condition over the staged columns. */
    private static Trait counting(String condition) {
        return new Trait(requireNonNull(condition, "condition is null"), false, null, false, false);
    }

    /** The rows are a sample's answers. */
    private static Trait survey() {
        return new Trait(null, true, null, false, false);
    }

    /**
     * The source's rows stand for {@code source}'s where a landing has none of those. Declared after
     * it (an enum constant can name only those before it), so it is staged after it too.
     */
    private static Trait standingInFor(Source source) {
        return new Trait(null, false, requireNonNull(source, "source is null"), false, false);
    }

    /** The rows are placed in LPAs by district, not by SNT. */
    private static Trait placingByDistrict() {
        return new Trait(null, false, null, true, false);
    }

    /** The rows are dated by month only. */
    private static Trait datingByMonth() {
        return new Trait(null, false, null, false, true);
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
     * The condition a staged row must meet to count in any metric, a Spark SQL condition over the
     * staged columns (crime: recorded, as cancelled crimes count nowhere); empty where every row counts.
     */
    public Optional<String> countedRows() {
        return Optional.ofNullable(countedRows);
    }

    /** Whether the rows are a sample's answers (a survey's): their figures are the ones that get {@code low_base}. */
    public boolean isSurvey() {
        return survey;
    }

    /**
     * Whether the rows are placed in LPAs by district, not by SNT (data.police.uk's LSOA names): the
     * source has no SNT figures, and its rates are per head of its districts' population.
     */
    public boolean placedByDistrict() {
        return placedByDistrict;
    }

    /** Whether the rows are dated by month only (data.police.uk): a repeat window is counted in months. */
    public boolean datedByMonth() {
        return datedByMonth;
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
