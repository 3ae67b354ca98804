package uk.westmercia.charter.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic force's geography (LPAs, SNTs, parishes, populations, LSOAs) and the reference files written
 * under {@code reference/}. SNT and parish names are real places; codes, boundaries and populations are
 * made up, except that LPA adult populations follow the real districts' Census 2021 populations.
 */
final class ReferenceData {

    /** The five LPAs in contract order. */
    static final List<String> LPAS = List.of("HER", "NWO", "SHR", "SWO", "TWR");

    static final List<String> AGE_BANDS = List.of("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+");
    /** Share of the adult (16+) population in each age band. */
    private static final double[] AGE_SHARES = {0.13, 0.15, 0.14, 0.16, 0.16, 0.14, 0.12};
    static final List<String> SEXES = List.of("F", "M");
    /** Share of the population that is 16 or over. */
    static final double ADULT_SHARE = 0.8;

    /** districts.csv exactly as in the shared reference data. */
    static final String DISTRICTS_CSV = String.join("\n",
            "district_code,district_name,lpa_code,lpa_name,population_2021",
            "E06000019,Herefordshire,HER,Herefordshire,186800",
            "E06000051,Shropshire,SHR,Shropshire,323600",
            "E06000020,Telford and Wrekin,TWR,Telford & Wrekin,185400",
            "E07000234,Bromsgrove,NWO,North Worcestershire,99100",
            "E07000236,Redditch,NWO,North Worcestershire,87000",
            "E07000239,Wyre Forest,NWO,North Worcestershire,101400",
            "E07000237,Worcester,SWO,South Worcestershire,103700",
            "E07000235,Malvern Hills,SWO,South Worcestershire,79400",
            "E07000238,Wychavon,SWO,South Worcestershire,132400") + "\n";

    /** harm-weights.csv exactly as in the shared reference data. */
    static final String HARM_WEIGHTS_CSV = String.join("\n",
            "category,weight",
            "Anti-social behaviour,0",
            "Bicycle theft,2",
            "Burglary,245.5",
            "Criminal damage and arson,2",
            "Drugs,5",
            "Other crime,10",
            "Other theft,2",
            "Possession of weapons,365",
            "Public order,5",
            "Robbery,365",
            "Shoplifting,1",
            "Theft from the person,2",
            "Vehicle crime,7.5",
            "Violence and sexual offences,182.5") + "\n";

    /**
     * targets.csv: a target and amber band for most metrics. Rates per 1,000 (PRV-04, PRV-05, VUL-02, REL-05)
     * depend on the period's length and VUL-03 has no better direction, so they have none: status no_target.
     * VIS-09 is a level, not a rate over the period: registrations per 1,000 (about 19 to 21 in the generated
     * data), so it has one.
     */
    static final String TARGETS_CSV = String.join("\n",
            "metric_id,target,amber_band",
            "VIS-01,90,5",
            "VIS-02,80,10",
            "VIS-03,40,5",
            "VIS-04,25,5",
            "VIS-05,90,3",
            "VIS-06,10,3",
            "VIS-07,90,10",
            "VIS-08,75,10",
            "VIS-09,20,2",
            "VIS-10,60,10",
            "RSP-01,90,5",
            "RSP-02,5,2",
            "RSP-03,60,5",
            "RSP-04,70,5",
            "RSP-05,90,10",
            "RSP-06,20,5",
            "RSP-07,90,10",
            "RSP-08,80,10",
            "RSP-09,85,5",
            "PRV-01,15,3",
            "PRV-02,30,5",
            "PRV-03,25,5",
            "PRV-06,90,10",
            "VUL-01,90,5",
            "VUL-04,25,5",
            "REL-01,80,5",
            "REL-02,70,5",
            "REL-03,70,5",
            "REL-04,10,5",
            "REL-06,100,20",
            "PRT-01,85,5",
            "PRT-02,70,10",
            "PRT-03,70,10",
            "PRT-04,75,10") + "\n";

    /** LPA populations (all ages) from districts.csv. */
    private static final Map<String, Integer> LPA_POPULATION = Map.of(
            "HER", 186800, "NWO", 99100 + 87000 + 101400, "SHR", 323600,
            "SWO", 103700 + 79400 + 132400, "TWR", 185400);

    /** First LSOA number used for each LPA (codes are E01 + six digits). */
    private static final Map<String, Integer> LSOA_BASE = Map.of(
            "HER", 13950, "NWO", 32200, "SHR", 28700, "SWO", 32500, "TWR", 29500);
    private static final int LSOAS_PER_SNT = 12;

    /** One safer neighbourhood team. */
    record Snt(int index, String code, String name, String lpa, double populationWeight, double crimeFactor,
               List<Parish> parishes, int[] population, List<String> lsoas) {

        int adults() {
            int sum = 0;
            for (int p : population) {
                sum += p;
            }
            return sum;
        }

        /** Population of one age band (index into AGE_BANDS) and sex (0 F, 1 M). */
        int population(int age, int sex) {
            return population[age * 2 + sex];
        }
    }

    record Parish(String code, String name, String sntCode, String lpa) {
    }

    private static final Object[][] AREAS = {
        {"HER", "Hereford City", 0.40, 1.5, new String[] {"Hereford City Council", "Holmer and Shelwick",
            "Belmont Rural", "Breinton", "Lower Bullingham", "Clehonger"}},
        {"HER", "Leominster", 0.22, 0.8, new String[] {"Leominster Town Council", "Kingsland", "Eardisland",
            "Pembridge", "Weobley", "Kington Town Council"}},
        {"HER", "Ross-on-Wye", 0.18, 0.8, new String[] {"Ross-on-Wye Town Council", "Goodrich and Welsh Bicknor",
            "Walford", "Much Marcle", "Kingstone", "Peterchurch"}},
        {"HER", "Ledbury and Bromyard", 0.20, 0.7, new String[] {"Ledbury Town Council", "Bromyard and Winslow",
            "Colwall", "Bosbury and Coddington", "Eastnor", "Ashperton"}},
        {"NWO", "Kidderminster", 0.26, 1.3, new String[] {"Kidderminster Town Council", "Wolverley and Cookley",
            "Kidderminster Foreign", "Churchill and Blakedown", "Chaddesley Corbett"}},
        {"NWO", "Bromsgrove", 0.30, 0.9, new String[] {"Alvechurch", "Belbroughton and Fairfield",
            "Catshill and North Marlbrook", "Hagley", "Wythall", "Barnt Green", "Stoke Prior"}},
        {"NWO", "Redditch", 0.30, 1.4, new String[] {"Feckenham", "Astwood Bank", "Beoley", "Tardebigge",
            "Bentley Pauncefoot"}},
        {"NWO", "Stourport and Bewdley", 0.14, 0.9, new String[] {"Stourport-on-Severn Town Council",
            "Bewdley Town Council", "Rock", "Rushock", "Upper Arley", "Ribbesford"}},
        {"SHR", "Shrewsbury", 0.30, 1.3, new String[] {"Shrewsbury Town Council", "Bayston Hill", "Bicton",
            "Condover", "Pontesbury", "Atcham", "Shawbury"}},
        {"SHR", "Oswestry", 0.20, 0.9, new String[] {"Oswestry Town Council", "Oswestry Rural",
            "Selattyn and Gobowen", "St Martin's", "Whittington", "Ellesmere Town Council"}},
        {"SHR", "Ludlow", 0.16, 0.7, new String[] {"Ludlow Town Council", "Church Stretton Town Council",
            "Craven Arms Town Council", "Bishop's Castle Town Council", "Clun Town Council", "Cleobury Mortimer"}},
        {"SHR", "Whitchurch", 0.17, 0.8, new String[] {"Whitchurch Town Council", "Market Drayton Town Council",
            "Wem Town Council", "Prees", "Hodnet", "Cheswardine"}},
        {"SHR", "Bridgnorth", 0.17, 0.8, new String[] {"Bridgnorth Town Council", "Much Wenlock Town Council",
            "Broseley Town Council", "Highley", "Albrighton", "Shifnal Town Council"}},
        {"SWO", "Worcester City", 0.33, 1.5, new String[] {"Warndon Parish Council", "St Peter the Great",
            "North Claines", "Hallow", "Powick", "Lower Broadheath"}},
        {"SWO", "Malvern", 0.20, 0.8, new String[] {"Malvern Town Council", "Malvern Wells", "West Malvern",
            "Upton-upon-Severn Town Council", "Tenbury Town Council", "Hanley Castle"}},
        {"SWO", "Evesham", 0.18, 1.0, new String[] {"Evesham Town Council", "Broadway", "Badsey", "Bretforton",
            "Harvington", "Offenham"}},
        {"SWO", "Pershore", 0.13, 0.7, new String[] {"Pershore Town Council", "Wick", "Fladbury", "Eckington",
            "Bredon"}},
        {"SWO", "Droitwich", 0.16, 0.9, new String[] {"Droitwich Spa Town Council", "Ombersley", "Hanbury",
            "Hartlebury", "Hindlip, Martin Hussingtree and Salwarpe", "Tibberton"}},
        {"TWR", "Telford Central", 0.35, 1.5, new String[] {"Great Dawley Town Council", "Dawley Hamlets",
            "Stirchley and Brookside", "Hollinswood and Randlay", "Lawley and Overdale"}},
        {"TWR", "Wellington", 0.28, 1.2, new String[] {"Wellington Town Council", "Hadley and Leegomery",
            "Ketley", "Wrockwardine", "Oakengates Town Council", "St Georges and Priorslee"}},
        {"TWR", "Newport", 0.14, 0.7, new String[] {"Newport Town Council", "Edgmond", "Lilleshall",
            "Chetwynd", "Church Aston", "Donnington and Muxton"}},
        {"TWR", "Madeley and Ironbridge", 0.23, 1.0, new String[] {"Madeley Town Council", "The Gorge",
            "Little Wenlock", "Ercall Magna", "Wrockwardine Wood and Trench"}},
    };

    final List<Snt> snts;
    final List<Parish> parishes;
    /** SNTs of each LPA, in LPAS order. */
    final Map<String, List<Snt>> sntsByLpa;

    ReferenceData() {
        List<Snt> all = new ArrayList<>();
        List<Parish> allParishes = new ArrayList<>();
        Map<String, List<Snt>> byLpa = new LinkedHashMap<>();
        for (String lpa : LPAS) {
            byLpa.put(lpa, new ArrayList<>());
        }
        Map<String, Double> weightSums = new LinkedHashMap<>();
        for (Object[] area : AREAS) {
            weightSums.merge((String) area[0], (Double) area[2], Double::sum);
        }
        for (Object[] area : AREAS) {
            String lpa = (String) area[0];
            List<Snt> lpaSnts = byLpa.get(lpa);
            int number = lpaSnts.size() + 1;
            String code = String.format(Locale.ROOT, "%s%02d", lpa, number);
            double weight = (Double) area[2];
            int adults = (int) Math.round(LPA_POPULATION.get(lpa) * ADULT_SHARE * weight / weightSums.get(lpa));
            int[] population = new int[AGE_BANDS.size() * 2];
            for (int age = 0; age < AGE_BANDS.size(); age++) {
                // Slightly more women than men, and more so in the oldest bands.
                double female = age >= 5 ? 0.54 : 0.505;
                int band = (int) Math.round(adults * AGE_SHARES[age]);
                int f = (int) Math.round(band * female);
                population[age * 2] = f;
                population[age * 2 + 1] = band - f;
            }
            List<Parish> sntParishes = new ArrayList<>();
            String[] names = (String[]) area[4];
            for (int p = 0; p < names.length; p++) {
                Parish parish = new Parish(String.format(Locale.ROOT, "%sP%02d", code, p + 1), names[p], code, lpa);
                sntParishes.add(parish);
                allParishes.add(parish);
            }
            List<String> lsoas = new ArrayList<>();
            int base = LSOA_BASE.get(lpa) + (number - 1) * 40;
            for (int k = 0; k < LSOAS_PER_SNT; k++) {
                lsoas.add(String.format(Locale.ROOT, "E01%06d", base + k * 3));
            }
            Snt snt = new Snt(all.size(), code, (String) area[1], lpa, weight, (Double) area[3],
                    List.copyOf(sntParishes), population, List.copyOf(lsoas));
            all.add(snt);
            lpaSnts.add(snt);
        }
        Map<String, List<Snt>> frozen = new LinkedHashMap<>();
        byLpa.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.snts = List.copyOf(all);
        this.parishes = List.copyOf(allParishes);
        this.sntsByLpa = Collections.unmodifiableMap(frozen);
    }

    /** Harm weight of each crime category, from {@link #HARM_WEIGHTS_CSV}. */
    static Map<String, Double> harmWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        String[] lines = HARM_WEIGHTS_CSV.split("\n");
        for (int i = 1; i < lines.length; i++) {
            int comma = lines[i].lastIndexOf(',');
            weights.put(lines[i].substring(0, comma), Double.parseDouble(lines[i].substring(comma + 1)));
        }
        return Collections.unmodifiableMap(weights);
    }

    int lpaAdults(String lpa) {
        int sum = 0;
        for (Snt s : sntsByLpa.get(lpa)) {
            sum += s.adults();
        }
        return sum;
    }

    int forceAdults() {
        int sum = 0;
        for (Snt s : snts) {
            sum += s.adults();
        }
        return sum;
    }

    /** Writes reference/*.csv; returns the number of files written. */
    int write(Path landing) {
        Path dir = landing.resolve("reference");
        StringBuilder areas = new StringBuilder("snt_code,snt_name,lpa_code\n");
        for (Snt s : snts) {
            areas.append(s.code()).append(',').append(RollingFile.escape(s.name())).append(',').append(s.lpa())
                    .append('\n');
        }
        StringBuilder parishCsv = new StringBuilder("parish_code,parish_name,snt_code\n");
        for (Parish p : parishes) {
            parishCsv.append(p.code()).append(',').append(RollingFile.escape(p.name())).append(',')
                    .append(p.sntCode()).append('\n');
        }
        StringBuilder population = new StringBuilder("snt_code,age_band,sex,population\n");
        for (Snt s : snts) {
            for (int age = 0; age < AGE_BANDS.size(); age++) {
                for (int sex = 0; sex < 2; sex++) {
                    population.append(s.code()).append(',').append(AGE_BANDS.get(age)).append(',')
                            .append(SEXES.get(sex)).append(',').append(s.population(age, sex)).append('\n');
                }
            }
        }
        try {
            Files.createDirectories(dir);
            writeText(dir.resolve("areas.csv"), areas.toString());
            writeText(dir.resolve("parishes.csv"), parishCsv.toString());
            writeText(dir.resolve("population.csv"), population.toString());
            writeText(dir.resolve("districts.csv"), DISTRICTS_CSV);
            writeText(dir.resolve("harm-weights.csv"), HARM_WEIGHTS_CSV);
            writeText(dir.resolve("targets.csv"), TARGETS_CSV);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write reference data under " + dir, e);
        }
        return 6;
    }

    private static void writeText(Path file, String text) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }
}
