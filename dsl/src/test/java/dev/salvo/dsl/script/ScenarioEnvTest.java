package dev.salvo.dsl.script;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** k6's {@code options.scenarios.NAME.env}: each scenario's VUs see it in {@code env}, over the run's environment. */
class ScenarioEnvTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"vu", "worker"})
    void aScenariosEnvReachesItsVusOnly(String isolation) throws Exception {
        String file = script(dir, "env.js", """
                import { check, env } from 'salvo';
                export const options = {
                  isolation: '%s',
                  scenarios: {
                    red: { executor: 'per-vu-iterations', vus: 2, iterations: 2, exec: 'red', env: { COLOR: 'red', FROM_CLI: 'scenario' } },
                    blue: { executor: 'per-vu-iterations', vus: 2, iterations: 2, exec: 'blue', env: { COLOR: 'blue' } },
                    plain: { executor: 'per-vu-iterations', vus: 1, iterations: 2, exec: 'plain' },
                  },
                };
                export function red() {
                  check(env, { 'red sees red': (e) => e.COLOR === 'red', 'red: the scenario wins over -e': (e) => e.FROM_CLI === 'scenario',
                    'red keeps the run env': (e) => e.RUN === 'yes' });
                }
                export function blue() {
                  check(env, { 'blue sees blue': (e) => e.COLOR === 'blue', 'blue keeps -e': (e) => e.FROM_CLI === 'cli' });
                }
                export function plain() {
                  check(env, { 'plain sees no COLOR': (e) => e.COLOR === undefined && e.RUN === 'yes' });
                }
                """.formatted(isolation));
        Salvo.Result r = Salvo.run("run", file, "-e", "RUN=yes", "-e", "FROM_CLI=cli", "--workers", "1", "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        for (String check : new String[] {"red sees red", "red: the scenario wins over -e", "red keeps the run env", "blue sees blue",
                "blue keeps -e"}) {
            assertEquals(4, r.passes(check), check + ": " + r);
        }
        assertEquals(2, r.passes("plain sees no COLOR"), r.toString());
        r.checks().forEach((name, c) -> assertEquals(0, c[1], name + " failed: " + r));
    }
}
