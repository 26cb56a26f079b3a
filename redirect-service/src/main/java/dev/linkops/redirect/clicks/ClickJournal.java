package dev.linkops.redirect.clicks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Clicks the broker has not taken while memory is full: one line per click ({@code id TAB envelope}).
 * Replay renames the file first, so new spills go to a fresh journal while the old one is read; a
 * replay file left by a crash is read again at start (the broker drops the duplicates by click id).
 * A read-out replay file is deleted only on the next read or at close: by then the shipper has put
 * what it read into the write-ahead log.
 * Used by the shipper thread only.
 */
final class ClickJournal implements AutoCloseable {

    private final Path file;
    private final Path replayFile;
    private BufferedWriter writer;
    private BufferedReader reader;
    private boolean replayDone;
    private long lines;

    ClickJournal(Path file) throws IOException {
        this.file = file;
        this.replayFile = file.resolveSibling(file.getFileName() + ".replay");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        lines = count(file) + count(replayFile);
    }

    private static long count(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (var stream = Files.lines(p, StandardCharsets.UTF_8)) {
            return stream.filter(l -> !l.isEmpty()).count();
        }
    }

    void append(OutgoingClick click) throws IOException {
        if (writer == null) {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        writer.write(click.id());
        writer.write('\t');
        writer.write(click.json());
        writer.write('\n');
        lines++;
    }

    /**
     * Makes appended clicks durable, and lets go of a read-out replay file; called once per shipper
     * pass, not per click.
     */
    void flush() throws IOException {
        deleteReplayIfDone();
        if (writer != null) {
            writer.flush();
        }
    }

    boolean isEmpty() {
        return lines == 0;
    }

    long size() {
        return lines;
    }

    /** Reads up to {@code max} clicks back, oldest first; @return how many were added to {@code into}. */
    int readBack(List<OutgoingClick> into, int max) throws IOException {
        deleteReplayIfDone();
        if (reader == null) {
            if (!Files.exists(replayFile)) {
                if (writer != null) {
                    writer.close();
                    writer = null;
                }
                if (!Files.exists(file)) {
                    lines = 0;
                    return 0;
                }
                Files.move(file, replayFile, StandardCopyOption.ATOMIC_MOVE);
            }
            reader = Files.newBufferedReader(replayFile, StandardCharsets.UTF_8);
        }
        int n = 0;
        while (n < max) {
            String line = reader.readLine();
            if (line == null) {
                reader.close();
                reader = null;
                replayDone = true;
                break;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue; // a line torn by a crash
            }
            into.add(new OutgoingClick(line.substring(0, tab), line.substring(tab + 1)));
            lines = Math.max(0, lines - 1);
            n++;
        }
        return n;
    }

    private void deleteReplayIfDone() throws IOException {
        if (replayDone) {
            Files.deleteIfExists(replayFile);
            replayDone = false;
        }
    }

    /** At shutdown, after the shipper journalled everything it holds. */
    @Override
    public void close() throws IOException {
        deleteReplayIfDone();
        if (writer != null) {
            writer.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
