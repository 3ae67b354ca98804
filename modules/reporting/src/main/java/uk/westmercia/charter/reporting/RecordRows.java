package uk.westmercia.charter.reporting;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark rows from plain records: one column per component, named in snake_case. */
public final class RecordRows {
    private RecordRows() {
    }

    public static StructType schema(Class<? extends Record> type) {
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> java = component.getType();
            fields.add(DataTypes.createStructField(snake(component.getName()), sparkType(java), !java.isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    public static <T extends Record> List<Row> rows(List<T> records, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Row> rows = new ArrayList<>(records.size());
        for (T record : records) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    Object value = components[i].getAccessor().invoke(record);
                    values[i] = value instanceof Double d && d.isNaN() ? null : value;
                }
                catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + components[i].getName(), e);
                }
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static DataType sparkType(Class<?> java) {
        if (java == String.class) {
            return DataTypes.StringType;
        }
        if (java == Double.class || java == double.class) {
            return DataTypes.DoubleType;
        }
        if (java == Long.class || java == long.class) {
            return DataTypes.LongType;
        }
        if (java == Integer.class || java == int.class) {
            return DataTypes.IntegerType;
        }
        if (java == Boolean.class || java == boolean.class) {
            return DataTypes.BooleanType;
        }
        if (java == java.time.LocalDate.class) {
            return DataTypes.DateType;
        }
        throw new IllegalArgumentException("Cannot map " + java.getName() + " to a Spark type");
    }
}
