package dev.salvo.dsl.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.PlanParser;
import org.junit.jupiter.api.Test;

class StartLineTest {
    @Test
    void theStartLineSaysThePlannedDurationAndTheGracefulStopApart() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("1 VU max, 15s planned, then up to 30s of graceful stop",
                LoadTest.startLine(PlanParser.parse(json.readTree("{\"vus\": 1, \"duration\": \"15s\"}"), Overrides.NONE)));
        assertEquals("5 VUs max, 10s planned", LoadTest.startLine(PlanParser.parse(json.readTree(
                "{\"scenarios\": {\"a\": {\"executor\": \"constant-vus\", \"vus\": 5, \"duration\": \"10s\", \"gracefulStop\": \"0s\"}}}"),
                Overrides.NONE)));
    }
}
