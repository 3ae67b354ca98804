package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 pseudonyms: the same identifier gives the same pseudonym under one key. */
public final class Pseudonymiser implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private transient Mac mac;

    public Pseudonymiser(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length < 16) {
            throw new IllegalArgumentException("Cannot pseudonymise: the key must be at least 16 bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    public String pseudonym(String identifier) {
        requireNonNull(identifier, "identifier is null");
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot pseudonymise: " + ALGORITHM + " is not available", e);
            }
        }
        return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    }
}
