package uk.westmercia.charter.statistics;

/** Argument checks with "Cannot &lt;do what&gt;: &lt;why&gt;" messages (no Guava here). */
final class Preconditions {
  private Preconditions() {}

  static void checkArgument(boolean condition, String messageTemplate, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(messageTemplate, args));
    }
  }
}
