package uk.westmercia.charter.catalogue;

/** The charter's six themes, in its order. */
public enum Theme {
    VIS("Visibility and accessibility"),
    RSP("Responding to communities"),
    PRV("Prevention"),
    VUL("Vulnerability"),
    REL("Relationships"),
    PRT("Partnerships");

    private final String title;

    Theme(String title) {
        this.title = title;
    }

    public String code() {
        return name();
    }

    public String title() {
        return title;
    }
}
