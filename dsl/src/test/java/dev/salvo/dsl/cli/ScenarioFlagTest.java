package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scenario NAME[,NAME...]}: declared scenarios, users of a user()-style script, and the bad names. */
class ScenarioFlagTest {
    @TempDir Path dir;

    private String scenarios() throws Exception {
        return script(dir, "two.js", """
                import { check } from 'salvo';
                export const options = { scenarios: {
                  api: { executor: 'shared-iterations', vus: 1, iterations: 3, exec: 'api' },
                  admin: { executor: 'shared-iterations', vus: 1, iterations: 2, exec: 'admin' },
                } };
                export function api() { check(1, { api: () => true }); }
                export function admin() { check(1, { admin: () => true }); }
                """);
    }

    private String users() throws Exception {
        return script(dir, "users.js", """
                import { check, user } from 'salvo';
                export const rest = user({ tasks: [[1, async () => { check(1, { rest: () => true }); }]] });
                export const ws = user({ tasks: [[1, async () => { check(1, { ws: () => true }); }]] });
                export const burst = user({ tasks: [[1, async () => { check(1, { burst: () => true }); }]] });
                export default async function () { check(1, { plain: () => true }); }
                """);
    }

    @Test
    void onlyTheNamedScenariosRun() throws Exception {
        Salvo.Result r = Salvo.run("run", scenarios(), "--scenario", "admin", "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.passes("admin"), r.toString());
        assertEquals(0, r.passes("api"), r.toString());
    }

    @Test
    void commaSeparatedAndRepeatedNamesAddUp() throws Exception {
        Salvo.Result r = Salvo.run("run", scenarios(), "--scenario", "api,admin", "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.passes("api"), r.toString());
        assertEquals(2, r.passes("admin"), r.toString());
    }

    @Test
    void usersOfAUserStyleScriptShareTheLoad() throws Exception {
        Salvo.Result r = Salvo.run("run", users(), "--scenario", "rest,ws", "-u", "4", "-t", "1s", "--print-plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("scenario rest") && r.out().contains("scenario ws") && !r.out().contains("scenario burst"), r.toString());
        assertTrue(r.out().matches("(?s).*exec\\s+rest.*exec\\s+ws.*"), r.toString());
        assertTrue(r.out().matches("(?s).*vus\\s+2 .*vus\\s+2 .*"), "4 users split 2 + 2: " + r);

        Salvo.Result ran = Salvo.run("run", users(), "--scenario", "ws", "-u", "1", "-i", "5", "--no-progress");
        assertEquals(0, ran.exit(), ran.toString());
        assertEquals(5, ran.passes("ws"), ran.toString());
        assertEquals(0, ran.passes("rest") + ran.passes("plain"), ran.toString());
    }

    @Test
    void anUnknownNameExits2ListingTheKnownOnesWithASuggestion() throws Exception {
        Salvo.Result r = Salvo.run("run", scenarios(), "--scenario", "admn");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--scenario: unknown scenario 'admn' (did you mean 'admin'?); scenarios: api, admin"), r.toString());
        assertEquals(0, r.passes("api") + r.passes("admin"), r.toString());

        Salvo.Result u = Salvo.run("run", users(), "--scenario", "reconnect");
        assertEquals(2, u.exit(), u.toString());
        assertTrue(u.err().contains("unknown scenario 'reconnect'; scenarios: default; users (exported functions): burst, default, rest, ws"),
                u.toString());
    }

    @Test
    void anEmptyNameAndTooFewUsersForTheNamedOnesExit2() throws Exception {
        Salvo.Result empty = Salvo.run("run", scenarios(), "--scenario", "api,,admin");
        assertEquals(2, empty.exit(), empty.toString());
        assertTrue(empty.err().contains("--scenario: an empty name"), empty.toString());

        Salvo.Result small = Salvo.run("run", users(), "--scenario", "rest,ws,burst", "-u", "2", "-t", "1s");
        assertEquals(2, small.exit(), small.toString());
        assertTrue(small.err().contains("too small to give each of 3 users a share; raise --users"), small.toString());
        assertFalse(small.all().contains("Exception"), small.toString());
    }
}
