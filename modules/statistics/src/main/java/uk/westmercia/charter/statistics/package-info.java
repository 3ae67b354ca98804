/**
 * Plain-Java statistics behind the charter metrics (no Spark): intervals (Wilson, exact Poisson,
 * compound Poisson on effective events), status against targets, significance of change and
 * Benjamini-Hochberg q-values, SPC (XmR) signals with change points and assurance, funnel-plot
 * places around a pooled centre with overdispersion (winsorised phi, DerSimonian-Laird tau^2),
 * and a couple of small aggregates (exact median, harm concentration).
 *
 * <p>Every class is stateless and thread safe; results are immutable records. Names and labels
 * follow the contract in {@code shared/spec/metrics.md} ("Intervals, base sizes, status",
 * "Quarterly scorecard", "SPC: variation and assurance", "Area comparison", "Multiple
 * comparisons"); labels returned by {@code label()} are the exact
 * strings written to the warehouse tables.
 *
 * <p>Bad arguments fail fast with {@link java.lang.IllegalArgumentException} (or
 * {@link java.lang.NullPointerException} for a missing required argument) whose message reads
 * "Cannot &lt;do what&gt;: &lt;why&gt;". "No figure" outcomes that are expected in real data
 * (a zero denominator, a zero total) are values, not exceptions, and each method documents which.
 */
package uk.westmercia.charter.statistics;
