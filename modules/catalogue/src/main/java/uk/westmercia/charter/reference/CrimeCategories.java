package uk.westmercia.charter.reference;

import java.util.List;

/** The 14 crime categories of data.police.uk, which the force extract and harm-weights.csv use too (data contract, section 2). */
public final class CrimeCategories {
    public static final List<String> ALL = List.of(
            "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
            "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery",
            "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences");
    public static final String ANTI_SOCIAL_BEHAVIOUR = "Anti-social behaviour";

    private CrimeCategories() {
    }
}
