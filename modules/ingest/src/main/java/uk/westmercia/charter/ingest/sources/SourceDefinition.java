package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ColumnSpec;
import uk.westmercia.charter.ingest.ColumnType;
import uk.westmercia.charter.ingest.ReferenceLookup;

/**
 * What one landing source is to staging, in one place: its format, its contract columns, the header a
 * file must carry, its key, the columns it derives at ingest, the reference data it needs, and the row
 * rules that derive those columns or reject the row. The stager, file reader, validator and
 * staged-table writer ask a source's definition ({@link SourceDefinitions#of}) rather than switching on
 * the source. What the other modules need of a source too (its folder, its record date, the rows
 * metrics count, the source it stands in for) is on {@link Source}, which a definition names.
 *
 * <p>A staged table's columns are the contract's, in the contract's order, then the derived ones; for
 * a source whose rules read the cells themselves ({@link RowRules.OnCells}, data.police.uk), the
 * derived columns alone. Immutable; built with {@link #builder}.
 */
public final class SourceDefinition {
    /** A {@linkplain #placementColumn placement}: the row lies in a force area. */
    public static final String IN_FORCE = "in_force";
    /** A {@linkplain #placementColumn placement}: the row has no location. */
    public static final String NO_LOCATION = "no_location";
    /** A {@linkplain #placementColumn placement}: the row lies outside the force. */
    public static final String OUT_OF_FORCE = "out_of_force";

    private final Source source;
    private final SourceFormat format;
    private final List<ColumnSpec> columns;
    private final boolean headerNamesEveryColumn;
    private final List<String> keyColumns;
    private final List<StagedColumn> derivedColumns;
    private final RowVersion version;
    private final String placementColumn;
    private final ReferenceNeed referenceNeed;
    private final RowRules rules;
    private final List<StagedColumn> stagedColumns;
    private final Map<String, Integer> columnIndex;

    private SourceDefinition(Builder builder) {
        this.source = requireNonNull(builder.source, "source is null");
        this.format = requireNonNull(builder.format, "format is null");
        this.columns = List.copyOf(builder.columns);
        this.headerNamesEveryColumn = builder.headerNamesEveryColumn;
        this.keyColumns = List.copyOf(builder.keyColumns);
        this.derivedColumns = List.copyOf(builder.derivedColumns);
        this.version = builder.version;
        this.placementColumn = builder.placementColumn;
        this.referenceNeed = builder.referenceNeed;
        this.rules = builder.rules;
        if (rules == null) {
            throw invalid("it has no row rules");
        }
        if (columns.isEmpty()) {
            throw invalid("it has no contract columns");
        }
        Map<String, Integer> index = new HashMap<>();
        Set<String> lowerCase = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (!lowerCase.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid("column " + name + " is given twice (headers match case-insensitively)");
            }
            index.put(name, i);
        }
        this.columnIndex = Map.copyOf(index);
        for (String key : keyColumns) {
            if (!columnIndex.containsKey(key)) {
                throw invalid("key column " + key + " is not a contract column");
            }
        }
        if (new HashSet<>(keyColumns).size() != keyColumns.size()) {
            throw invalid("its key repeats a column");
        }
        List<StagedColumn> staged = new ArrayList<>();
        if (!validatedOnCells()) {
            columns.stream().map(StagedColumn::of).forEach(staged::add);
        }
        staged.addAll(derivedColumns);
        Set<String> stagedNames = new HashSet<>();
        for (StagedColumn column : staged) {
            if (!stagedNames.add(column.name())) {
                throw invalid("staged column " + column.name() + " is given twice (a derived column may not repeat a contract column)");
            }
        }
        this.stagedColumns = List.copyOf(staged);
        if (version != null) {
            if (!columnIndex.containsKey(version.extractColumn())) {
                throw invalid("its version's extract column " + version.extractColumn() + " is not a contract column");
            }
            if (derivedColumns.stream().noneMatch(column -> column.name().equals(version.versionColumn()) && column.type() == ColumnType.TIMESTAMP)) {
                throw invalid("its version column " + version.versionColumn() + " is not a derived timestamp column");
            }
        }
        if (placementColumn != null && !stagedNames.contains(placementColumn)) {
            throw invalid("its placement column " + placementColumn + " is not a staged column");
        }
    }

    private IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Cannot define source " + source.folder() + ": " + why);
    }

    public static Builder builder(Source source) {
        return new Builder(source);
    }

    public Source source() {
        return source;
    }

    public SourceFormat format() {
        return format;
    }

    /** The input columns, exactly as section 2 of the data contract gives them, in its order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /**
     * The columns a file's header must carry, else the whole file is refused: the required columns;
     * where the contract fixes the header exactly (data.police.uk), every column.
     */
    public List<String> headerColumns() {
        return columns.stream()
                .filter(column -> headerNamesEveryColumn || column.required())
                .map(ColumnSpec::name)
                .toList();
    }

    /**
     * The columns whose values together must be unique within a file, and by which a newer file's row
     * replaces an older one; empty where rows have no key (police.uk ASB rows have no crime id).
     */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The date a staged row is counted on, a Spark SQL expression over the staged columns ({@link Source#recordDate}). */
    public String recordDate() {
        return source.recordDate();
    }

    /** The columns staging derives from a row (the LPA of its SNT, a crime's version), after the contract's, in order. */
    public List<StagedColumn> derivedColumns() {
        return derivedColumns;
    }

    /** The columns a validated row carries, in order: the contract's then the derived ones (only the derived where {@link #validatedOnCells}). */
    public List<StagedColumn> stagedColumns() {
        return stagedColumns;
    }

    public List<String> stagedColumnNames() {
        return stagedColumns.stream().map(StagedColumn::name).toList();
    }

    /** How rows restated by a later extract are versioned; empty where the later file wins. */
    public Optional<RowVersion> version() {
        return Optional.ofNullable(version);
    }

    /**
     * The staged column saying where a row lies ({@link #IN_FORCE}, {@link #NO_LOCATION} or
     * {@link #OUT_OF_FORCE}), where rows may lie outside the force or nowhere (data.police.uk): the
     * file report counts the last two.
     */
    public Optional<String> placementColumn() {
        return Optional.ofNullable(placementColumn);
    }

    /**
     * Why the source cannot be staged with this reference data, if it cannot: reference data its rows
     * are placed through is missing (police.uk's districts), and every row would be staged as out of
     * force, silently. The run is refused instead.
     */
    public Optional<String> missingReference(ReferenceLookup reference) {
        requireNonNull(reference, "reference is null");
        return referenceNeed == null || referenceNeed.present().test(reference) ? Optional.empty() : Optional.of(referenceNeed.otherwise());
    }

    public RowRules rules() {
        return rules;
    }

    /** Whether the row rules read the cells themselves rather than the typed contract columns. */
    public boolean validatedOnCells() {
        return rules instanceof RowRules.OnCells;
    }

    /** The position of a contract column in {@link #columns}. */
    int columnIndex(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new IllegalArgumentException("Cannot read column " + column + ": not a column of " + source.folder());
        }
        return index;
    }

    /** Reference data a source cannot be staged without. */
    private record ReferenceNeed(Predicate<ReferenceLookup> present, String otherwise) {
        private ReferenceNeed {
            requireNonNull(present, "present is null");
            requireNonNull(otherwise, "otherwise is null");
        }
    }

    @Override
    public String toString() {
        return "SourceDefinition[" + source.folder() + "]";
    }

    /** Builds a {@link SourceDefinition}; a CSV source with no key, version or placement unless told. */
    public static final class Builder {
        private final Source source;
        private SourceFormat format = SourceFormat.CSV;
        private List<ColumnSpec> columns = List.of();
        private boolean headerNamesEveryColumn;
        private List<String> keyColumns = List.of();
        private List<StagedColumn> derivedColumns = List.of();
        private RowVersion version;
        private String placementColumn;
        private ReferenceNeed referenceNeed;
        private RowRules rules;

        private Builder(Source source) {
            this.source = requireNonNull(source, "source is null");
        }

        public Builder format(SourceFormat format) {
            this.format = requireNonNull(format, "format is null");
            return this;
        }

        public Builder columns(ColumnSpec... columns) {
            this.columns = List.of(columns);
            return this;
        }

        /** A file's header must name every column, optional ones too (the contract fixes it exactly). */
        public Builder headerNamesEveryColumn() {
            this.headerNamesEveryColumn = true;
            return this;
        }

        public Builder key(String... columns) {
            this.keyColumns = List.of(columns);
            return this;
        }

        public Builder derives(StagedColumn... columns) {
            this.derivedColumns = List.of(columns);
            return this;
        }

        public Builder versionedBy(String extractColumn, String versionColumn) {
            this.version = new RowVersion(extractColumn, versionColumn);
            return this;
        }

        public Builder placedBy(String column) {
            this.placementColumn = requireNonNull(column, "column is null");
            return this;
        }

        /** The source cannot be staged unless {@code present} holds of the reference data; {@code otherwise} says why. */
        public Builder needs(Predicate<ReferenceLookup> present, String otherwise) {
            this.referenceNeed = new ReferenceNeed(present, otherwise);
            return this;
        }

        /** Row rules over the typed contract columns; the staged columns are the contract's, then {@link #derives}. */
        public Builder rules(RowRules.OnColumns rules) {
            this.rules = requireNonNull(rules, "rules is null");
            return this;
        }

        /** Row rules that read the cells themselves; the staged columns are {@link #derives} alone. */
        public Builder rulesOnCells(RowRules.OnCells rules) {
            this.rules = requireNonNull(rules, "rules is null");
            return this;
        }

        public SourceDefinition build() {
            return new SourceDefinition(this);
        }
    }
}
