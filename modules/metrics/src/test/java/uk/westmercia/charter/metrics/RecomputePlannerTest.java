package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Catalogue;

/** Which periods a night recomputes: plain Java over the bundled catalogue, no Spark. */
class RecomputePlannerTest {
    private static final Catalogue CATALOGUE = Catalogue.bundled();
    private static final Map<String, LocalDate> FIRST = Map.of("crime", LocalDate.of(2022, 4, 1), "contacts", LocalDate.of(2022, 4, 1));
    private static final MetricState PREVIOUS = MetricState.of(LocalDate.of(2025, 3, 31), "1.0", CATALOGUE.sha256(), "ref", FIRST);

    private static MetricState now(LocalDate asOf) {
        return MetricState.of(asOf, "1.0", CATALOGUE.sha256(), "ref", FIRST);
    }

    @Test
    void the_first_run_recomputes_everything() {
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.empty(), now(LocalDate.of(2025, 4, 1)), Map.of());
        assertThat(plan.isFull()).isTrue();
        assertThat(plan.from("PRV-01")).contains(LocalDate.MIN);
        assertThat(plan.describe()).isEqualTo("every period: no previous metric_values to carry over");
    }

    @Test
    void anything_that_moves_every_figure_recomputes_everything() {
        Map<String, LocalDate> none = Map.of();
        assertThat(RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS),
                MetricState.of(LocalDate.of(2025, 4, 1), "1.1", CATALOGUE.sha256(), "ref", FIRST), none).describe())
                .isEqualTo("every period: the code version changed from 1.0 to 1.1");
        assertThat(RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS),
                MetricState.of(LocalDate.of(2025, 4, 1), "1.0", "another", "ref", FIRST), none).describe())
                .isEqualTo("every period: the catalogue changed");
        assertThat(RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS),
                MetricState.of(LocalDate.of(2025, 4, 1), "1.0", CATALOGUE.sha256(), "new targets", FIRST), none).describe())
                .isEqualTo("every period: reference data or targets changed");
        assertThat(RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 3, 30)), none).describe())
                .isEqualTo("every period: --as-of moved back from 2025-03-31 to 2025-03-30");
        assertThat(RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS),
                MetricState.of(LocalDate.of(2025, 4, 1), "1.0", CATALOGUE.sha256(), "ref", Map.of("crime", LocalDate.of(2022, 4, 1))), none)
                .isFull()).isTrue();
    }

    @Test
    void a_new_day_recomputes_from_the_day_after_the_previous_as_of() {
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 4, 1)),
                Map.of("PRV-04", LocalDate.of(2025, 4, 1), "VIS-05", LocalDate.of(2025, 4, 1)));
        assertThat(plan.isFull()).isFalse();
        // 2024-25 ended on the previous --as-of: complete, carried over.
        assertThat(plan.from("PRV-04")).contains(LocalDate.of(2025, 4, 1));
        assertThat(plan.from("REL-03")).contains(LocalDate.of(2025, 4, 1));
        // VIS-01 counts a week in the period holding its Monday: up to six days earlier.
        assertThat(plan.from("VIS-01")).contains(LocalDate.of(2025, 3, 26));
        // RSP-01 counts replies by their due date, which is on or before --as-of: its complete periods stay.
        assertThat(plan.from("RSP-01")).contains(LocalDate.of(2025, 4, 1));
        assertThat(plan.describe()).isEqualTo("periods ending on or after 2025-03-26: "
                + "--as-of moved from 2025-03-31 to 2025-04-01, staged rows changed from 2025-04-01");
    }

    @Test
    void a_metric_reading_as_of_is_recomputed_whole_when_as_of_moves() throws Exception {
        // A catalogue whose RSP-01 numerator also reads {as_of} (as 2026.12.0's did).
        String json = new String(Catalogue.class.getResourceAsStream(Catalogue.RESOURCE).readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"responded_at IS NOT NULL AND responded_at <= response_due_at\"",
                        "\"responded_at IS NOT NULL AND responded_at <= response_due_at AND to_date(responded_at) <= {as_of}\"");
        Catalogue readsAsOf = Catalogue.parse(json.getBytes(StandardCharsets.UTF_8));
        MetricState previous = MetricState.of(LocalDate.of(2025, 3, 31), "1.0", readsAsOf.sha256(), "ref", FIRST);
        MetricState current = MetricState.of(LocalDate.of(2025, 4, 1), "1.0", readsAsOf.sha256(), "ref", FIRST);

        RecomputePlan plan = RecomputePlanner.plan(readsAsOf, Optional.of(previous), current, Map.of());
        assertThat(plan.from("RSP-01")).contains(LocalDate.MIN);
        assertThat(plan.from("RSP-02")).contains(LocalDate.of(2025, 4, 1));
        assertThat(plan.describe()).isEqualTo("periods ending on or after 2025-03-26, every period of RSP-01: "
                + "--as-of moved from 2025-03-31 to 2025-04-01, no staged rows changed");
        // With --as-of unchanged, nothing that reads it moves.
        assertThat(RecomputePlanner.plan(readsAsOf, Optional.of(previous), previous, Map.of()).from("RSP-01")).isEmpty();
    }

    @Test
    void a_restated_crime_reaches_back_to_its_metric_date() {
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 4, 1)),
                Map.of("PRV-01", LocalDate.of(2024, 11, 5)));
        assertThat(plan.from("PRV-01")).contains(LocalDate.of(2024, 11, 5));
        assertThat(plan.from("PRV-04")).contains(LocalDate.of(2025, 4, 1));
    }

    @Test
    void a_rerun_with_nothing_new_recomputes_nothing() {
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 3, 31)), Map.of());
        assertThat(plan.isFull()).isFalse();
        assertThat(plan.from("PRV-01")).isEmpty();
        assertThat(plan.from("RSP-01")).isEmpty();
        assertThat(plan.describe()).isEqualTo("no periods: --as-of unchanged, no staged rows changed");
    }

    @Test
    void queries_within_their_72_hours_move_only_the_days_just_before_the_previous_as_of() {
        // RSP-09 reads --as-of: a query enters its base once its 72 hours have passed, so a new --as-of moves
        // receipts up to three days before the previous one, not every period.
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 4, 2)), Map.of());
        assertThat(plan.from("RSP-09")).contains(LocalDate.of(2025, 3, 28));
        assertThat(plan.from("VIS-05")).contains(LocalDate.of(2025, 4, 1));
    }

    @Test
    void a_changed_patrol_or_crime_reaches_back_to_the_monday_of_its_week_for_hotspot_dosage() {
        // A crime restated on 2 April 2025 (a Wednesday) moves VIS-10 in the periods after it; its week began on 31 March.
        RecomputePlan plan = RecomputePlanner.plan(CATALOGUE, Optional.of(PREVIOUS), now(LocalDate.of(2025, 3, 31)),
                Map.of("VIS-10", LocalDate.of(2025, 4, 2)));
        assertThat(plan.from("VIS-10")).contains(LocalDate.of(2025, 3, 27));
    }
}
