package dev.linkops.redirect.clicks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The click write-ahead log: what was appended and not released is found again by the next process. */
class ClickWalTest {

    private static Path freshDir() {
        return Path.of("target/test-data/wal-" + System.nanoTime());
    }

    private static List<String> recovered(Path dir) throws Exception {
        List<String> ids = new ArrayList<>();
        new ClickWal(dir, 4096).recover(c -> ids.add(c.id() + "=" + c.json()));
        return ids;
    }

    private static long segmentFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wal")).count();
        }
    }

    @Test
    void unreleasedClicksComeBackInOrderAfterTheProcessVanished() throws Exception {
        Path dir = freshDir();
        ClickWal wal = new ClickWal(dir, 4096); // small segments: 100 clicks roll over several
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String json = "{\"n\":" + i + ",\"text\":\"caf\u00e9 \u2603 " + "y".repeat(40) + "\"}";
            ClickWal.Ref ref = wal.append("id-" + i, json);
            if (i % 3 == 0) {
                ClickWal.release(ref); // the broker confirmed these
            } else {
                expected.add("id-" + i + "=" + json);
            }
        }
        assertTrue(segmentFiles(dir) > 1, "the clicks span several segments");
        // no close: the next process finds what this one left
        assertEquals(expected, recovered(dir));
        assertEquals(0, segmentFiles(dir), "recovered segments are handed over and deleted");
    }

    @Test
    void aFullSegmentGoesAwayOnceEveryClickInItIsReleased() throws Exception {
        Path dir = freshDir();
        ClickWal wal = new ClickWal(dir, 4096);
        List<ClickWal.Ref> refs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            refs.add(wal.append("id-" + i, "{\"padding\":\"" + "x".repeat(100) + "\"}"));
        }
        long before = segmentFiles(dir);
        assertTrue(before >= 2, "several segments: " + before);
        refs.forEach(ClickWal::release);
        assertEquals(1, segmentFiles(dir), "only the segment still being written stays");
        assertEquals(List.of(), recovered(dir));
    }

    @Test
    void aCleanShutdownLeavesNoLog() throws Exception {
        Path dir = freshDir();
        ClickWal wal = new ClickWal(dir, 4096);
        wal.append("a", "{}");
        wal.closeAndDelete();
        assertEquals(null, wal.append("b", "{}"), "a closed log takes nothing");
        assertEquals(0, segmentFiles(dir));
    }

    /** The real thing: a JVM killed with SIGKILL right after appending; its clicks are all still there. */
    @Test
    void clicksSurviveKillMinus9OfTheProcessThatLoggedThem() throws Exception {
        Path dir = freshDir().toAbsolutePath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WalWriter.class.getName(), dir.toString(), "5000")
                .redirectErrorStream(true).start();
        String line = new String(child.getInputStream().readNBytes(6)); // "ready\n" once every click is appended
        assertEquals("ready\n", line);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        List<String> ids = recovered(dir).stream().map(s -> s.substring(0, s.indexOf('='))).collect(Collectors.toList());
        assertEquals(5000, ids.size());
        assertEquals("click-0", ids.get(0));
        assertEquals("click-4999", ids.get(4999));
    }

    /** The process killed by the test above. */
    public static final class WalWriter {
        public static void main(String[] args) throws Exception {
            ClickWal wal = new ClickWal(Path.of(args[0]), 1 << 20);
            int n = Integer.parseInt(args[1]);
            for (int i = 0; i < n; i++) {
                wal.append("click-" + i, "{\"clickId\":\"click-" + i + "\"}");
            }
            System.out.print("ready\n");
            System.out.flush();
            Thread.sleep(60_000); // killed long before
        }
    }
}
