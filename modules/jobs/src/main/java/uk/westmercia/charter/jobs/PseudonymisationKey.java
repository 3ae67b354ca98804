package uk.westmercia.charter.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the pseudonymisation key comes from: {@code --pseudo-key-file}, else {@code CHARTER_PSEUDO_KEY}.
 * Only the bundled data-samples landing may fall back to the published development key.
 */
public record PseudonymisationKey(byte[] key, String origin, boolean development) {
    public static final String ENVIRONMENT_VARIABLE = "CHARTER_PSEUDO_KEY";
    /** Marks the bundled sample landing and lists its files; its content is synthetic, so a published key does no harm. */
    public static final String SAMPLE_MARKER = ".charter-bundled-sample";
    /** Published on purpose: it protects nothing and must never be used for real data. */
    static final String DEVELOPMENT_KEY = "charter-metrics-development-key-not-for-real-data";

    /**
     * A fingerprint of the key, never the key: HMAC-SHA256 under the key of a fixed label, its first
     * 16 bytes in hex. It tells whether two runs used the same key and gives nothing away about it.
     */
    public String fingerprint() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("charter-metrics pseudonymisation key fingerprint v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot fingerprint the pseudonymisation key: no HmacSHA256 in this JVM", e);
        }
    }

    /**
     * The key for a landing at a path or URI. Only a local landing can be the bundled sample, so a
     * landing on another file system always needs a real key.
     */
    public static PseudonymisationKey resolve(Optional<Path> keyFile, Map<String, String> environment, String landing) {
        if (landing.startsWith("file:")) {
            return resolve(keyFile, environment, Path.of(java.net.URI.create(landing)));
        }
        if (keyFile.isEmpty() && (environment.get(ENVIRONMENT_VARIABLE) == null || environment.get(ENVIRONMENT_VARIABLE).isBlank())) {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot pseudonymise " + landing
                    + ": no key; set " + ENVIRONMENT_VARIABLE + " or pass --pseudo-key-file FILE (the development key is only for the bundled data-samples)");
        }
        return resolve(keyFile, environment, Path.of("."));
    }

    public static PseudonymisationKey resolve(Optional<Path> keyFile, Map<String, String> environment, Path landing) {
        if (keyFile.isPresent()) {
            try {
                String key = Files.readString(keyFile.get(), StandardCharsets.UTF_8).strip();
                return of(key, "file " + keyFile.get());
            }
            catch (IOException e) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot read --pseudo-key-file " + keyFile.get() + ": " + e.getMessage());
            }
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return of(fromEnvironment.strip(), "environment variable " + ENVIRONMENT_VARIABLE);
        }
        if (Files.isRegularFile(landing.resolve(SAMPLE_MARKER))) {
            checkBundledSample(landing);
            return new PseudonymisationKey(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), "development key (bundled data-samples only)", true);
        }
        throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot pseudonymise " + landing
                + ": no key; set " + ENVIRONMENT_VARIABLE + " or pass --pseudo-key-file FILE (the development key is only for the bundled data-samples)");
    }

    /**
     * The marker lists every file of the bundled sample with its SHA-256: a copy of the sample with any
     * file added or changed (real data, say) is no longer the sample and needs a real key.
     */
    static void checkBundledSample(Path landing) {
        Map<String, String> listed = new HashMap<>();
        List<Path> files;
        try {
            for (String line : Files.readAllLines(landing.resolve(SAMPLE_MARKER), StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (!line.startsWith("#") && gap > 0) {
                    listed.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
            try (Stream<Path> walk = Files.walk(landing)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = landing.relativize(file).toString().replace('\\', '/');
                if (name.equals(SAMPLE_MARKER)) {
                    continue;
                }
                String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
                if (!sum.equals(listed.get(name))) {
                    throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot pseudonymise " + landing + " with the development key: "
                            + name + (listed.containsKey(name) ? " differs from" : " is not part of") + " the bundled sample; set "
                            + ENVIRONMENT_VARIABLE + " or pass --pseudo-key-file FILE");
                }
            }
        }
        catch (IOException e) {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot check " + landing + " is the bundled sample: " + e.getMessage());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot check the bundled sample: no SHA-256 in this JVM", e);
        }
    }

    private static PseudonymisationKey of(String key, String origin) {
        if (key.length() < 16) {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot pseudonymise: the key from " + origin + " must be at least 16 characters");
        }
        return new PseudonymisationKey(key.getBytes(StandardCharsets.UTF_8), origin, false);
    }
}
