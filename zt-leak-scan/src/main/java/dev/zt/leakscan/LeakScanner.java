package dev.zt.leakscan;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans a file line by line for the secrets of a {@link MintedTokenIndex}: every maximal run of
 * base64url characters ({@code [A-Za-z0-9_-]}) of at least {@value MintedTokenIndex#MIN_RUN}
 * characters is looked up, in one pass and without a regular expression. Bytes are read as
 * ISO-8859-1, so a binary or badly encoded file cannot stop the scan (base64url is ASCII either way).
 *
 * <p>Not found, by design: a token split across lines, re-encoded (standard base64 of it, hex,
 * percent-encoded dots are fine but escaped letters are not), or cut inside its signature.
 */
public final class LeakScanner {

    private final MintedTokenIndex index;

    public LeakScanner(MintedTokenIndex index) {
        this.index = index;
    }

    /** Scans {@code file}; {@code name} is how leaks name it (the path relative to the repository root). */
    public FileScan scan(Path file, String name) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        long lineNumber = 0;
        long tokenIds = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                tokenIds += scanLine(line, name, lineNumber, leaks);
            }
        }
        return new FileScan(name, lineNumber, leaks, tokenIds);
    }

    private long scanLine(String line, String name, long lineNumber, List<Leak> leaks) {
        long tokenIds = 0;
        Set<String> reported = new HashSet<>();
        int start = -1;
        int length = line.length();
        for (int i = 0; i <= length; i++) {
            boolean b64 = i < length && MintedTokenIndex.isBase64Url(line.charAt(i));
            if (b64) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0 && i - start >= MintedTokenIndex.MIN_RUN) {
                index.find(line, start, i, (secret, at) -> {
                    if (reported.add(secret.fingerprint())) {
                        leaks.add(new Leak(name, lineNumber, part(line, secret, at), secret.fingerprint(),
                                secret.mintedBy()));
                    }
                });
                if (index.isTokenId(line, start, i)) {
                    tokenIds++;
                }
            }
            start = -1;
        }
        return tokenIds;
    }

    private static String part(String line, MintedTokenIndex.Secret secret, int at) {
        if (!secret.jws()) {
            return "token";
        }
        String token = secret.token();
        int tokenStart = at - secret.offsetInToken();
        if (tokenStart >= 0 && line.startsWith(token, tokenStart)) {
            return "whole token";
        }
        int payloadStart = token.indexOf('.') + 1;
        int tailStart = at - (secret.offsetInToken() - payloadStart);
        if (tailStart >= 0 && line.regionMatches(tailStart, token, payloadStart, secret.offsetInToken() - payloadStart)) {
            return "payload.signature";
        }
        return "signature";
    }
}
