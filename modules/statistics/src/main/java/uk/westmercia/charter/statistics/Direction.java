package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A metric's improvement direction, the "better" column of metrics.md. */
public enum Direction {
  /** Higher values are better. */
  HIGHER,
  /** Lower values are better. */
  LOWER,
  /** No better direction (e.g. VUL-03 harm concentration): no status, no improvement/concern. */
  NONE;

  /** The catalogue spelling: {@code higher}, {@code lower}, {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a catalogue label, case-insensitively. */
  public static Direction fromLabel(String label) {
    requireNonNull(label, "label is null");
    for (Direction direction : values()) {
      if (direction.label().equalsIgnoreCase(label.trim())) {
        return direction;
      }
    }
    throw new IllegalArgumentException(String.format(
        "Cannot parse direction: expected one of %s, got '%s'",
        Arrays.stream(values()).map(Direction::label).collect(Collectors.joining(", ")),
        label));
  }
}
