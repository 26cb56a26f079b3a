package dev.linkops.redirect.clicks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Write-ahead log of clicks, so that a redirect answered is a click kept even if the process is killed
 * (kill -9, OOM killer) before the broker confirmed it. The event loop appends every encoded click into
 * a memory-mapped segment file before the redirect is answered: a copy into the page cache, no system
 * call, and the kernel keeps the page when the process dies. A click is released when the broker
 * confirmed it or it was written to the overflow journal; release marks its record void in place, and a
 * segment file is deleted once it is full and every record in it is released. At start the records
 * still live in segments left by the previous process are sent again (the broker and reporting drop
 * duplicates by click id).
 *
 * <p>Survives a process crash, not a machine crash: pages are not forced to disk.
 *
 * <p>Record layout: {@code int length} then {@code length} bytes of {@code id TAB envelope-json}. The
 * length is written after the bytes, so a record cut short by a kill reads as the end of the segment;
 * a released record has its length negated; 0 ends a segment (mapped files start zeroed).
 */
final class ClickWal {
    static final int DEFAULT_SEGMENT_BYTES = 16 << 20;
    private static final Pattern SEGMENT = Pattern.compile("clicks-(\\d{12})\\.wal");

    private final Path dir;
    private final int segmentBytes;
    private final List<Path> leftOver;
    private long nextSequence;
    private Segment current;
    private boolean closed;

    /** Where one click lives in the log; released exactly once. */
    static final class Ref {
        private final Segment segment;
        private final int offset;

        private Ref(Segment segment, int offset) {
            this.segment = segment;
            this.offset = offset;
        }
    }

    private static final class Segment {
        final Path file;
        final MappedByteBuffer buffer;
        final AtomicInteger live = new AtomicInteger();
        final AtomicBoolean deleted = new AtomicBoolean();
        volatile boolean sealed;
        int position;

        Segment(Path file, MappedByteBuffer buffer) {
            this.file = file;
            this.buffer = buffer;
        }

        void release(int offset) {
            buffer.putInt(offset, -buffer.getInt(offset));
            if (live.decrementAndGet() == 0 && sealed) {
                delete();
            }
        }

        void seal() {
            sealed = true;
            if (live.get() == 0) {
                delete();
            }
        }

        /**
         * Deletes the file and unmaps it now: waiting for the collector to unmap would keep the pages
         * of deleted segments charged to the process. Safe because a sealed segment with no live record
         * is never touched again (no append after the seal, one release per record).
         */
        void delete() {
            if (deleted.compareAndSet(false, true)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the next start, which finds every record in it released
                }
                Unmapper.unmap(buffer);
            }
        }
    }

    /** Frees a mapping at once through the JDK's supported-but-internal cleaner; if that is missing, the collector does it. */
    private static final class Unmapper {
        private static final sun.misc.Unsafe UNSAFE = find();

        private static sun.misc.Unsafe find() {
            try {
                java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static void unmap(MappedByteBuffer buffer) {
            if (UNSAFE != null) {
                UNSAFE.invokeCleaner(buffer);
            }
        }
    }

    ClickWal(Path dir, int segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        this.leftOver = segments();
        this.nextSequence = leftOver.isEmpty() ? 1 : sequence(leftOver.get(leftOver.size() - 1)) + 1;
    }

    /**
     * Appends one click; called from the event loops. @return its reference, or null when the log
     * cannot take it (disk full, closed): the click then lives in memory only.
     */
    synchronized Ref append(String id, String json) throws IOException {
        if (closed) {
            return null;
        }
        byte[] bytes = (id + '\t' + json).getBytes(StandardCharsets.UTF_8);
        int needed = 4 + bytes.length + 4; // the record and the 0 that ends the segment
        if (needed > segmentBytes) {
            throw new IOException("click of " + bytes.length + " bytes does not fit a log segment");
        }
        if (current == null || current.position + needed > segmentBytes) {
            roll();
        }
        Segment s = current;
        int offset = s.position;
        s.buffer.put(offset + 4, bytes);
        s.buffer.putInt(offset, bytes.length);
        s.position = offset + 4 + bytes.length;
        s.live.incrementAndGet();
        return new Ref(s, offset);
    }

    private void roll() throws IOException {
        Segment previous = current;
        Path file = dir.resolve(String.format("clicks-%012d.wal", nextSequence++));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            current = new Segment(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, segmentBytes));
        }
        if (previous != null) {
            previous.seal();
        }
    }

    static void release(Ref ref) {
        if (ref != null) {
            ref.segment.release(ref.offset);
        }
    }

    /**
     * Hands every live record of the segments a previous process left behind to {@code click}, oldest
     * first, then deletes those files: the caller owns the clicks from here (it must log them again).
     */
    void recover(Consumer<OutgoingClick> click) throws IOException {
        for (Path file : leftOver) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                int position = 0;
                while (position + 4 <= buffer.limit()) {
                    int length = buffer.getInt(position);
                    if (length == 0 || position + 4 + Math.abs(length) > buffer.limit()) {
                        break;
                    }
                    if (length > 0) {
                        byte[] bytes = new byte[length];
                        buffer.get(position + 4, bytes);
                        String line = new String(bytes, StandardCharsets.UTF_8);
                        int tab = line.indexOf('\t');
                        if (tab > 0) {
                            click.accept(new OutgoingClick(line.substring(0, tab), line.substring(tab + 1)));
                        }
                    }
                    position += 4 + Math.abs(length);
                }
            }
        }
        for (Path file : leftOver) {
            Files.deleteIfExists(file);
        }
        leftOver.clear();
    }

    /** Records in segments left by the previous process, before {@link #recover}. */
    int leftOverSegments() {
        return leftOver.size();
    }

    /**
     * At a clean shutdown, after every unconfirmed click went to the journal: the log is not needed.
     * Mappings are left to the exit (a late release from a broker callback must not touch unmapped memory).
     */
    synchronized void closeAndDelete() throws IOException {
        closed = true;
        for (Path file : segments()) {
            Files.deleteIfExists(file);
        }
    }

    private List<Path> segments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().forEach(files::add);
        }
        return files;
    }

    private static long sequence(Path file) {
        Matcher m = SEGMENT.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }
}
