package dev.zt.benchmarks.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk} run (HTTP/1.1 keep-alive load generator, {@code /usr/bin/wrk}) against loopback,
 * bounded in time: started now, read with {@link #await()}, killed if it overruns.
 */
final class Wrk {

    static final String BINARY = "/usr/bin/wrk";
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    /** What one run measured; p99 only with {@code --latency}, else NaN. */
    record Result(long requests, double requestsPerSecond, double p99Millis, long non2xx, String socketErrors, String output) {
    }

    private final Process process;
    private final Duration bound;

    private Wrk(Process process, Duration bound) {
        this.process = process;
        this.bound = bound;
    }

    /**
     * @param bearer the token sent in {@code Authorization}; never printed
     */
    static Wrk start(String url, int connections, Duration duration, boolean latency, String bearer) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY, "-t1", "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", "5s"));
        if (latency) {
            command.add("--latency");
        }
        command.add("-H");
        command.add("Authorization: Bearer " + bearer);
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Wrk(process, duration.plusSeconds(15));
    }

    /** Waits (at most the duration plus 15 s) for the run to end and parses its report. */
    Result await() throws IOException, InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk overran its time bound");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (process.exitValue() != 0 || !rate.find() || !total.find()) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + out);
        }
        Matcher p99 = P99.matcher(out);
        double p99Millis = Double.NaN;
        if (p99.find()) {
            double value = Double.parseDouble(p99.group(1));
            p99Millis = switch (p99.group(2)) {
                case "us" -> value / 1000;
                case "ms" -> value;
                default -> value * 1000;
            };
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = SOCKET_ERRORS.matcher(out);
        return new Result(Long.parseLong(total.group(1)), Double.parseDouble(rate.group(1)), p99Millis, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors.find() ? errors.group(1) : "", out);
    }

    void kill() {
        process.destroyForcibly();
    }
}
