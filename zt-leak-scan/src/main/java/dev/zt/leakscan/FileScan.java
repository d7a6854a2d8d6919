package dev.zt.leakscan;

import java.util.List;

/**
 * The result of scanning one output file.
 *
 * @param file             the file, relative to the repository root
 * @param lines            how many lines were read
 * @param leaks            every minted token found, at most one per token and line
 * @param tokenIdSightings how many times a registered token's {@code jti} appeared (not a leak: the
 *                         audit trail logs it on purpose; it shows the scan reads lines about those tokens)
 */
public record FileScan(String file, long lines, List<Leak> leaks, long tokenIdSightings) {

    public FileScan {
        leaks = List.copyOf(leaks);
    }
}
