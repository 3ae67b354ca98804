package uk.westmercia.charter.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** A landing source folder, and the staged table of the same name. */
public enum Source {
    CRIME("crime"),
    POLICEUK("policeuk"),
    CONTACTS("contacts"),
    ENGAGEMENT("engagement"),
    SURVEY_PUBLIC("survey-public"),
    SURVEY_PARISH("survey-parish"),
    PATROLS("patrols"),
    PRIORITIES("priorities"),
    NEIGHBOURHOOD_MATTERS("neighbourhood-matters");

    private final String folder;

    Source(String folder) {
        this.folder = folder;
    }

    /** The landing folder, staged table and rejects table name. */
    @JsonValue
    public String folder() {
        return folder;
    }

    public boolean isJsonLines() {
        return this == ENGAGEMENT;
    }

    @JsonCreator
    public static Source fromFolder(String folder) {
        return Arrays.stream(values()).filter(source -> source.folder.equals(folder)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot read source: unknown '" + folder
                        + "', expected one of "
                        + String.join(", ", Arrays.stream(values()).map(Source::folder).toList())));
    }
}
