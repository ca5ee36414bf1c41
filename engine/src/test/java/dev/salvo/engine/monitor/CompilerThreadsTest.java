package dev.salvo.engine.monitor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CompilerThreadsTest {
    /** The nice value of each of this JVM's threads whose name starts with {@code prefix}: field 19 of its stat. */
    private static List<Integer> niceOf(String... prefixes) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm = Files.readString(task.resolve("comm")).trim();
                for (String p : prefixes) {
                    if (!comm.startsWith(p)) continue;
                    String stat = Files.readString(task.resolve("stat"));
                    out.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                }
            }
        }
        return out;
    }

    @Test
    void compilerThreadsGetTheLowestPriorityAndNoOtherThreadDoes() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        List<Integer> before = niceOf("main");
        CompilerThreads.yieldToOthers();
        List<Integer> compilers = niceOf("C1 CompilerThre", "C2 CompilerThre");
        assertFalse(compilers.isEmpty(), "this JVM has JIT compiler threads");
        for (int nice : compilers) assertEquals(19, nice, "a compiler thread's nice value");
        assertEquals(before, niceOf("main"), "the main thread keeps its priority");
    }
}
