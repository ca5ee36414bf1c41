package dev.salvo.dsl.script;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which JavaScript state VUs share. Each iteration names two checks after the values it sees, a
 * module-level counter and a {@code vu.state} counter, so the summary's check counts show who shared
 * what. Three VUs run two iterations each on one worker.
 */
class IsolationTest {
    @TempDir Path dir;

    private String counterScript(String isolation) throws Exception {
        return script(dir, "counters.js", """
                import { check } from 'salvo';
                let moduleCounter = 0;
                export const options = {
                  %s
                  scenarios: { counting: { executor: 'per-vu-iterations', vus: 3, iterations: 2 } },
                };
                export default function (data, vu) {
                  moduleCounter++;
                  vu.state.n = (vu.state.n || 0) + 1;
                  check(null, { ['module ' + moduleCounter]: () => true, ['state ' + vu.state.n]: () => true });
                }
                """.formatted(isolation));
    }

    private static Map<String, Long> passes(Salvo.Result r) {
        Map<String, Long> out = new TreeMap<>();
        r.checks().forEach((name, counts) -> out.put(name, counts[0]));
        return out;
    }

    @Test
    void defaultIsolationGivesEachVuItsOwnModuleState() throws Exception {
        Salvo.Result r = Salvo.run("run", counterScript(""), "--workers", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Map.of("module 1", 3L, "module 2", 3L, "state 1", 3L, "state 2", 3L), passes(r), r.toString());
    }

    @Test
    void workerIsolationSharesModuleStateBetweenTheVusOfAWorkerButNotVuState() throws Exception {
        Salvo.Result r = Salvo.run("run", counterScript("isolation: 'worker',"), "--workers", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Map.of("module 1", 1L, "module 2", 1L, "module 3", 1L, "module 4", 1L, "module 5", 1L, "module 6", 1L,
                "state 1", 3L, "state 2", 3L), passes(r), r.toString());
    }
}
