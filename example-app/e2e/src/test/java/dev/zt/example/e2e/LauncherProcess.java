package dev.zt.example.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar zt-example.jar} as a newcomer runs it, in its own process, with the environment
 * the test gives; its standard output is collected until the start line (bounded wait).
 */
final class LauncherProcess implements AutoCloseable {

    static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final String DONE = "\u0000eof";

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private LauncherProcess(Process process, Path stdoutCopy) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer copy = Files.newBufferedWriter(stdoutCopy, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    copy.write(line);
                    copy.write('\n');
                    copy.flush();
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            } finally {
                lines.add(DONE);
            }
        }, "zt-example-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A new log file for a launcher run, under {@code target/launcher-logs/} and kept after the test:
     * zt-leak-scan scans it (and its {@code .stdout.log} copy) for the tokens the tests minted.
     */
    static Path newLog(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "launcher-logs"));
        return dir.resolve(name + "-" + System.nanoTime() + ".log");
    }

    /**
     * Starts the jar with only {@code environment} (plus PATH/HOME) set; stderr goes to {@code log},
     * and a copy of stdout to the same name ending in {@code .stdout.log}.
     */
    static LauncherProcess start(Map<String, String> environment, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("zt.example.jar", "../launcher/target/zt-example.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the launcher module first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("ZT_") || k.equals("PORT") || k.equals("INVENTORY_URL"));
        builder.environment().putAll(environment);
        Path stdoutCopy = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + ".stdout.log");
        return new LauncherProcess(builder.start(), stdoutCopy);
    }

    /** Everything printed up to and including the first line containing {@code marker}. */
    String awaitLine(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null || line.equals(DONE)) {
                throw new AssertionError("no line with '" + marker + "' within " + START_DEADLINE
                        + " (process alive: " + process.isAlive() + "); output so far:\n" + output);
            }
            output.append(line).append('\n');
            if (line.contains(marker)) {
                return output.toString();
            }
        }
    }

    /** Waits (bounded) for more output, e.g. the curl lines after the start line. */
    String awaitLines(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null || line.equals(DONE)) {
                break;
            }
            output.append(line).append('\n');
        }
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook stops Jetty and the issuer
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
