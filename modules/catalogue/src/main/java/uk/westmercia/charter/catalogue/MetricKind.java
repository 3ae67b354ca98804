package uk.westmercia.charter.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The few shapes every charter metric takes; a kind is computed by one piece of code. */
public enum MetricKind {
    /** Share of survey respondents giving a positive answer, optionally weighted. */
    SURVEY_PROPORTION("survey_proportion"),
    /** Share of events in the period meeting a condition. */
    EVENT_PROPORTION("event_proportion"),
    /** Share of ISO weeks (Monday in the period) in which each LPA had a qualifying event. */
    WEEKLY_COVERAGE("weekly_coverage"),
    /** Share of a reference universe (parishes, SNTs, LPAs) with a qualifying event. */
    UNIVERSE_COVERAGE("universe_coverage"),
    /** Count or sum of events per 1,000 population. */
    RATE_PER_1000("rate_per_1000"),
    /** Share of distinct keys (victim, location, offender) that are repeats within 365 days. */
    REPEAT_SHARE("repeat_share"),
    /** Exact median of a duration in days. */
    MEDIAN_DURATION("median_duration"),
    /** Share of harm in the top few percent of locations. */
    CONCENTRATION("concentration"),
    /** Highest minus lowest weighted percent among groups with enough responses. */
    GROUP_GAP("group_gap"),
    /** A count reported per unit (registrations per SNT), its latest value in the period summed over the area, per 1,000 population. */
    LATEST_COUNT_RATE("latest_count_rate"),
    /** Share of (hotspot, week) pairs with enough patrol: hotspots chosen from the crime of the year before the period. */
    HOTSPOT_DOSAGE("hotspot_dosage"),
    /** Share of a reference universe holding, on the period's last day, an open item reviewed recently enough. */
    CURRENT_COVERAGE("current_coverage");

    private final String label;

    MetricKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static MetricKind fromLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot read metric kind: unknown '" + label + "'"));
    }
}
