package dev.linkops.infra.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One operating-system process the suite started, with its output in a log file and a pid file so a
 * later start can remove what an interrupted run (kill -9 of the launcher) left behind.
 */
public final class ManagedProcess {
    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env,
                                       Path workDir, Path logFile, Path pidDir) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidDir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().putAll(env);
        Process process = pb.start();
        Path pidFile = pidDir.resolve(name + ".pid");
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        Files.writeString(pidFile, process.pid() + " " + started.toEpochMilli() + "\n", StandardCharsets.UTF_8);
        return new ManagedProcess(name, process, logFile, pidFile);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL to the process (a crash: no shutdown hook runs); waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // checked against the start time before it is trusted
        }
    }

    /** TERM to the children first, then the process; whatever is still alive after the grace gets KILL. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        Collections.reverse(tree); // deepest first
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        tree.add(process.toHandle());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                // killed below
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the start time before it is trusted
        }
    }

    /**
     * Kills the processes listed in pid files of an earlier run that did not stop cleanly, but only
     * those whose start time still matches (a reused pid belongs to someone else).
     */
    public static List<String> killLeftovers(Path pidDir) {
        List<String> killed = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return killed;
        }
        try (var files = Files.list(pidDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).collect(Collectors.toList())) {
                String[] parts = Files.readString(f).trim().split("\\s+");
                if (parts.length == 2) {
                    long pid = Long.parseLong(parts[0]);
                    long startedMs = Long.parseLong(parts[1]);
                    Optional<ProcessHandle> h = ProcessHandle.of(pid);
                    if (h.isPresent() && h.get().isAlive() && h.get().info().startInstant()
                            .map(i -> Math.abs(i.toEpochMilli() - startedMs) < 2000).orElse(false)) {
                        List<ProcessHandle> tree = h.get().descendants().collect(Collectors.toList());
                        tree.forEach(ProcessHandle::destroyForcibly);
                        h.get().destroyForcibly();
                        h.get().onExit().get(10, TimeUnit.SECONDS);
                        killed.add(f.getFileName().toString().replace(".pid", "") + " (pid " + pid + ")");
                    }
                }
                Files.deleteIfExists(f);
            }
        } catch (Exception e) {
            killed.add("(could not read pid files in " + pidDir + ": " + e + ")");
        }
        return killed;
    }
}
