package uk.westmercia.charter.testing;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import uk.westmercia.charter.warehouse.CharterSpark;

/**
 * JUnit 5 extension giving every test in a JVM the same local SparkSession, built with the jobs'
 * own settings on two cores. Starting Spark costs seconds; sharing it keeps the suite fast.
 * Use {@code @ExtendWith(SharedSparkSession.class)} and take a {@link SparkSession} parameter.
 */
public final class SharedSparkSession implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSparkSession.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context);
    }

    public static SparkSession session(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, type -> new Holder(), Holder.class)
                .spark;
    }

    /** Closed by JUnit when the root context closes, at the end of the test run (JUnit 5.13 closes AutoCloseable values in a store). */
    private static final class Holder implements AutoCloseable {
        private final SparkSession spark = CharterSpark.session("charter-metrics-tests", Optional.of("local[2]"));

        @Override
        public void close() {
            spark.stop();
        }
    }
}
