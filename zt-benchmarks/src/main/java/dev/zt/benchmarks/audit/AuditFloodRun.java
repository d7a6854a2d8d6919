package dev.zt.benchmarks.audit;

import dev.zt.core.AuditTrail;
import dev.zt.core.JsonLinesAuditSink;
import dev.zt.core.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Does a flood of refused requests slow the allowed ones down through the audit trail? Measures,
 * from {@code wrk} over loopback, the throughput and p99 latency of allowed requests (a valid token)
 * while a second {@code wrk} floods the same server with forged tokens (each one refused, ZT-2012, and
 * recorded), in four modes run in alternating blocks within one JVM:
 * <ol>
 *   <li>no flood (the trail writes JSON lines to a file, but nothing is refused);</li>
 *   <li>flood; trail to {@link JsonLinesAuditSink}, logger {@code zt.audit} writing to a file;</li>
 *   <li>flood; the trail's sink blocks forever (the queue fills, every further event is dropped);</li>
 *   <li>flood; trail to {@link JsonLinesAuditSink} with {@code zt.audit} OFF: the baseline, what the
 *       flood itself costs with auditing as cheap as it gets.</li>
 * </ol>
 * The bound to read: (2) and (3) relative to (4). Besides wrk's figures, each block reports the
 * server's CPU time per request served (allowed and refused) and the CPU time of the trails' delivery
 * threads: on a shared, loaded machine these move far less with other processes' load than req/s and
 * p99 do. Not a test; nothing is asserted but that allowed requests all answered 2xx and the flood was refused. Settings (system properties): {@code zt.flood.seconds} (10),
 * {@code zt.flood.rounds} (3), {@code zt.flood.warmupSeconds} (5), {@code zt.flood.allowedConnections}
 * (4), {@code zt.flood.floodConnections} (16).
 *
 * <pre>java -cp zt-benchmarks/target/zt-benchmarks.jar dev.zt.benchmarks.audit.AuditFloodRun</pre>
 */
public final class AuditFloodRun {

    private static final Duration BLOCK = Duration.ofSeconds(Long.getLong("zt.flood.seconds", 10));
    private static final int ROUNDS = Integer.getInteger("zt.flood.rounds", 3);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("zt.flood.warmupSeconds", 5));
    private static final int ALLOWED_CONNECTIONS = Integer.getInteger("zt.flood.allowedConnections", 4);
    private static final int FLOOD_CONNECTIONS = Integer.getInteger("zt.flood.floodConnections", 16);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(60);

    enum Mode {
        NO_FLOOD("(1) no flood", false),
        FILE_SINK("(2) flood, JSON lines to a file", true),
        BLOCKED_SINK("(3) flood, sink blocked", true),
        LOGGER_OFF("(4) flood, zt.audit OFF (baseline)", true);

        final String label;
        final boolean flood;

        Mode(String label, boolean flood) {
            this.label = label;
            this.flood = flood;
        }
    }

    /** One measured block. */
    record Block(Mode mode, Wrk.Result allowed, Wrk.Result flood, long recorded, long dropped,
                 double cpuMicrosPerRequest, double auditThreadCpuMillis) {
    }

    private final Logger auditLogger = Logger.getLogger(JsonLinesAuditSink.LOGGER_NAME);
    private final Map<Mode, FloodServer> servers = new EnumMap<>(Mode.class);
    private final Map<Mode, AuditCounts> counts = new EnumMap<>(Mode.class);
    private final List<AuditCounts> drained = new ArrayList<>();
    private final String valid;
    private final String forged;

    private AuditFloodRun() {
        Instant now = Instant.now();
        this.valid = TestTokens.valid().issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(50))).sign();
        this.forged = flipSignature(TestTokens.valid().subject("mallory").issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(50))).sign());
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("load before: %s; %d CPUs; %s %s%n", loadAverage(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("zt-audit-flood");
        Path log = dir.resolve("zt-audit.log");
        CountDownLatch releaseBlockedSink = new CountDownLatch(1);
        AuditFloodRun run = new AuditFloodRun();
        List<AutoCloseable> toClose = new ArrayList<>();
        FileHandler file = run.logTo(log);
        try {
            AuditCounts fileCounts = new AuditCounts();
            AuditTrail fileTrail = AuditTrail.builder().sink(fileCounts.counting(new JsonLinesAuditSink()))
                    .metrics(fileCounts).build();
            AuditCounts blockedCounts = new AuditCounts();
            AuditTrail blockedTrail = AuditTrail.builder().sink(blockedCounts.counting(event -> awaitQuietly(releaseBlockedSink)))
                    .metrics(blockedCounts).closeTimeout(Duration.ofSeconds(2)).build();
            AuditCounts offCounts = new AuditCounts();
            AuditTrail offTrail = AuditTrail.builder().sink(offCounts.counting(new JsonLinesAuditSink()))
                    .metrics(offCounts).build();
            toClose.addAll(List.of(fileTrail, blockedTrail, offTrail));
            FloodServer fileServer = FloodServer.start(fileTrail);
            FloodServer blockedServer = FloodServer.start(blockedTrail);
            FloodServer offServer = FloodServer.start(offTrail);
            toClose.addAll(List.of(fileServer, blockedServer, offServer));
            run.servers.putAll(Map.of(Mode.NO_FLOOD, fileServer, Mode.FILE_SINK, fileServer,
                    Mode.BLOCKED_SINK, blockedServer, Mode.LOGGER_OFF, offServer));
            run.counts.putAll(Map.of(Mode.NO_FLOOD, fileCounts, Mode.FILE_SINK, fileCounts,
                    Mode.BLOCKED_SINK, blockedCounts, Mode.LOGGER_OFF, offCounts));
            run.drained.addAll(List.of(fileCounts, offCounts));

            for (Mode mode : Mode.values()) {
                run.block(mode, WARM_UP);
            }
            List<Block> blocks = new ArrayList<>();
            Mode[] modes = Mode.values();
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < modes.length; i++) {
                    Block block = run.block(modes[(i + round) % modes.length], BLOCK);   // rotated: no mode always first
                    blocks.add(block);
                    System.out.printf(Locale.ROOT, "round %d  %-36s allowed %6.0f req/s  p99 %7.2f ms | flood %6.0f req/s"
                                    + " | audit recorded %7d dropped %7d | CPU %5.1f us/request, zt-audit threads %6.1f ms%n",
                            round + 1, block.mode().label, block.allowed().requestsPerSecond(), block.allowed().p99Millis(),
                            block.flood() == null ? 0 : block.flood().requestsPerSecond(), block.recorded(), block.dropped(),
                            block.cpuMicrosPerRequest(), block.auditThreadCpuMillis());
                }
            }
            file.flush();
            long lines;
            try (Stream<String> all = Files.lines(log)) {
                lines = all.count();
            }
            report(blocks);
            System.out.printf("zt.audit file: %d lines, %d bytes; blocked trail dropped %d in all%n", lines, Files.size(log),
                    blockedTrail.dropped());
            System.out.printf("load after: %s%n", loadAverage());
        } finally {
            releaseBlockedSink.countDown();
            for (int i = toClose.size() - 1; i >= 0; i--) {
                toClose.get(i).close();
            }
            file.close();
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        }
    }

    private Block block(Mode mode, Duration duration) throws Exception {
        Instant settleBy = Instant.now().plus(SETTLE_BOUND);
        while (!drained.stream().allMatch(AuditCounts::settled)) {   // the previous block's backlog is not this one's cost
            if (Instant.now().isAfter(settleBy)) {
                throw new IllegalStateException("the audit trails did not drain within " + SETTLE_BOUND);
            }
            Thread.sleep(50);
        }
        auditLogger.setLevel(mode == Mode.LOGGER_OFF ? Level.OFF : Level.INFO);
        AuditCounts c = counts.get(mode);
        long recorded = c.recorded.sum();
        long dropped = c.dropped.sum();
        String url = servers.get(mode).url("/orders");
        Wrk flood = null;
        Wrk allowed = null;
        long cpu = ServerCpu.processNanos();
        long auditCpu = ServerCpu.auditThreadNanos();
        try {
            if (mode.flood) {
                flood = Wrk.start(url, FLOOD_CONNECTIONS, duration.plusSeconds(2), false, forged);
                Thread.sleep(1_000);
            }
            allowed = Wrk.start(url, ALLOWED_CONNECTIONS, duration, true, valid);
            Wrk.Result a = allowed.await();
            Wrk.Result f = flood == null ? null : flood.await();
            if (a.non2xx() > 0 || !a.socketErrors().isEmpty()) {
                throw new IllegalStateException(mode + ": allowed requests failed:\n" + a.output());
            }
            if (f != null && f.non2xx() == 0) {
                throw new IllegalStateException(mode + ": the flood was not refused:\n" + f.output());
            }
            long requests = a.requests() + (f == null ? 0 : f.requests());
            return new Block(mode, a, f, c.recorded.sum() - recorded, c.dropped.sum() - dropped,
                    (ServerCpu.processNanos() - cpu) / 1e3 / requests, (ServerCpu.auditThreadNanos() - auditCpu) / 1e6);
        } finally {
            if (allowed != null) {
                allowed.kill();
            }
            if (flood != null) {
                flood.kill();
            }
        }
    }

    private static void report(List<Block> blocks) {
        Map<Mode, double[]> rate = new EnumMap<>(Mode.class);
        Map<Mode, double[]> p99 = new EnumMap<>(Mode.class);
        Map<Mode, double[]> cpu = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            rate.put(mode, blocks.stream().filter(b -> b.mode() == mode).mapToDouble(b -> b.allowed().requestsPerSecond()).toArray());
            p99.put(mode, blocks.stream().filter(b -> b.mode() == mode).mapToDouble(b -> b.allowed().p99Millis()).toArray());
            cpu.put(mode, blocks.stream().filter(b -> b.mode() == mode).mapToDouble(Block::cpuMicrosPerRequest).toArray());
        }
        double baseRate = median(rate.get(Mode.LOGGER_OFF));
        double baseP99 = median(p99.get(Mode.LOGGER_OFF));
        double baseCpu = median(cpu.get(Mode.LOGGER_OFF));
        System.out.printf(Locale.ROOT, "%n%d rounds of %d s blocks, allowed: wrk -t1 -c%d, flood: wrk -t1 -c%d (forged tokens)%n",
                ROUNDS, BLOCK.toSeconds(), ALLOWED_CONNECTIONS, FLOOD_CONNECTIONS);
        System.out.println("| mode | allowed req/s (median) | per round | allowed p99 ms (median) | per round"
                + " | server CPU us/request (median) | req/s vs (4) | p99 vs (4) | CPU/request vs (4) |");
        System.out.println("|---|---:|---|---:|---|---:|---:|---:|---:|");
        for (Mode mode : Mode.values()) {
            double r = median(rate.get(mode));
            double p = median(p99.get(mode));
            double c = median(cpu.get(mode));
            System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %.2f | %s | %.1f | %+.1f %% | %+.1f %% | %+.1f %% |%n", mode.label, r,
                    join(rate.get(mode), "%.0f"), p, join(p99.get(mode), "%.2f"), c,
                    100 * (r / baseRate - 1), 100 * (p / baseP99 - 1), 100 * (c / baseCpu - 1));
        }
    }

    private FileHandler logTo(Path log) throws IOException {
        FileHandler file = new FileHandler(log.toString(), false);
        file.setLevel(Level.ALL);
        file.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        auditLogger.setUseParentHandlers(false);
        auditLogger.addHandler(file);
        auditLogger.setLevel(Level.INFO);
        return file;
    }

    private static String flipSignature(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + TestTokens.b64(signature);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String join(double[] values, String format) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, format, v));
        }
        return String.join(" / ", parts);
    }
}
