package io.github.camelloganalytics.testkit.generate;

/** Makes one standard table's records. */
@FunctionalInterface
interface TableGenerator {

    /**
     * @param out  where the records go (it knows the window and drops what falls outside)
     * @param rand the table's seeded randomness
     */
    void generate(Emitter out, Rand rand);
}
