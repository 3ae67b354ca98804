package uk.westmercia.charter.statistics;

/** Argument checks with "Cannot &lt;do what&gt;: &lt;why&gt;" messages (no Guava in this module). */
final class Preconditions {
  private Preconditions() {}

  static void checkArgument(boolean condition, String messageTemplate, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(messageTemplate, args));
    }
  }

  static boolean isFinite(double value) {
    return Double.isFinite(value);
  }
}
