package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Benjamini-Hochberg q-values (metrics.md, "Multiple comparisons"): the false discovery rate
 * adjustment of a family of p-values, as R's {@code p.adjust(p, method = "BH")} and
 * {@code scipy.stats.false_discovery_control} compute it.
 *
 * <p>With the m defined p-values sorted ascending, p_(1) &lt;= ... &lt;= p_(m), the q-value of
 * p_(i) is min over j &gt;= i of min(1, m p_(j) / j) (step-up, so q-values are monotone in p).
 * Tied p-values get the same q-value whatever their order. Null and NaN p-values (a change that
 * was not tested) are left out of the family: they do not count in m and get a null q-value.
 * A result is significant at a false discovery rate of 5% when its q-value is below
 * {@link #FDR}.
 */
public final class BenjaminiHochberg {
  /** The false discovery rate the scorecard controls: significant when q &lt; 0.05. */
  public static final double FDR = 0.05;

  private BenjaminiHochberg() {}

  /**
   * The q-value of each p-value, in the order given.
   *
   * @param pValues a family of p-values, each in [0, 1], null or NaN
   * @return a list of the same size: the q-value of each defined p-value, null for each null or
   *     NaN one
   * @throws IllegalArgumentException when a p-value is outside [0, 1] or infinite
   */
  public static List<Double> qValues(List<Double> pValues) {
    requireNonNull(pValues, "pValues is null");
    List<Integer> defined = new ArrayList<>();
    for (int i = 0; i < pValues.size(); i++) {
      Double p = pValues.get(i);
      if (p == null || p.isNaN()) {
        continue;
      }
      checkArgument(p >= 0 && p <= 1,
          "Cannot compute q-values: p-values must be in [0, 1], null or NaN, got %s at index %s",
          p, i);
      defined.add(i);
    }
    List<Double> q = new ArrayList<>(Collections.nCopies(pValues.size(), (Double) null));
    int m = defined.size();
    if (m == 0) {
      return q;
    }
    // Largest p first; a stable sort keeps ties in input order, which the running minimum makes
    // irrelevant: of tied p-values the one of highest rank sets the q-value of all of them.
    List<Integer> order = new ArrayList<>(defined);
    order.sort(Comparator.comparingDouble((Integer i) -> pValues.get(i)).reversed());
    double running = 1.0;
    for (int k = 0; k < m; k++) {
      int index = order.get(k);
      int rank = m - k;
      // (m / rank) p in this order, as R computes it: for rank m it is p to the last bit.
      running = Math.min(running, (double) m / rank * pValues.get(index));
      q.set(index, running);
    }
    return q;
  }

  /** As {@link #qValues(List)} on an array; NaN in, NaN out. */
  public static double[] qValues(double[] pValues) {
    requireNonNull(pValues, "pValues is null");
    List<Double> q = qValues(Arrays.stream(pValues).boxed().toList());
    return q.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
  }

  /** True when {@code qValue} is defined and below {@link #FDR}. */
  public static boolean isSignificant(Double qValue) {
    return qValue != null && !qValue.isNaN() && qValue < FDR;
  }
}
