package uk.westmercia.charter.generator;

import java.util.SplittableRandom;

/** What every source of one run shares: the options and the reference data. */
final class Generation {

    /** Share of rows made deliberately bad when bad rows are on. */
    static final double BAD_ROW_SHARE = 0.002;

    final GeneratorOptions options;
    final ReferenceData ref;
    /** Adult population weight of each SNT, in ref.snts order. */
    final double[] sntPopulation;

    Generation(GeneratorOptions options, ReferenceData ref) {
        this.options = options;
        this.ref = ref;
        sntPopulation = new double[ref.snts.size()];
        for (int i = 0; i < sntPopulation.length; i++) {
            sntPopulation[i] = ref.snts.get(i).adults();
        }
    }

    boolean badRow(SplittableRandom r) {
        return options.badRows() && r.nextDouble() < BAD_ROW_SHARE;
    }

    ReferenceData.Snt randomSnt(SplittableRandom r) {
        return ref.snts.get(Rand.weighted(r, sntPopulation));
    }
}
