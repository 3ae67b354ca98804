package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

/** What became of one input row: staged with typed values, or rejected with a reason. */
public sealed interface RowOutcome {
    record Staged(Object[] values) implements RowOutcome {
        public Staged {
            requireNonNull(values, "values is null");
        }
    }

    record Rejected(RejectReason reason, String column, String message) implements RowOutcome {
        public Rejected {
            requireNonNull(reason, "reason is null");
            requireNonNull(message, "message is null");
        }
    }
}
