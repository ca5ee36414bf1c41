package dev.salvo.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.monitor.PrometheusText.Exposition;
import dev.salvo.engine.monitor.PrometheusText.FormatException;
import dev.salvo.engine.monitor.PrometheusText.Sample;
import dev.salvo.engine.monitor.PrometheusText.Selector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    /** As a Prometheus client library writes it (client_golang and client_java output, abridged), with the spec's own example lines. */
    static final String REAL = """
            # HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.
            # TYPE go_gc_duration_seconds summary
            go_gc_duration_seconds{quantile="0"} 3.4537e-05
            go_gc_duration_seconds{quantile="0.5"} 6.9591e-05
            go_gc_duration_seconds{quantile="1"} 0.000296117
            go_gc_duration_seconds_sum 0.004096153
            go_gc_duration_seconds_count 46
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes 2.4182784e+07
            # HELP jvm_memory_used_bytes Used bytes of a given JVM memory area.
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",} 5.1234816E7
            jvm_memory_used_bytes{area="nonheap",} 4.2011928E7
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="0.1"} 33444
            http_request_duration_seconds_bucket{le="0.2"} 100392
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320
            # Escaping in label values:
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            # Minimalistic line:
            metric_without_timestamp_and_labels 12.47
            # A weird metric from before the epoch:
            something_weird{problem="division by zero"} +Inf -3982045
            http_requests_total{method="post",code="200"} 1027 1395066363000
            \thttp_requests_total { method = "post" , code = "400" }   3   1395066363000\r
            """;

    @Test
    void realExpositionTextParsesWithHistogramsSummariesEscapesAndComments() throws Exception {
        Exposition e = PrometheusText.parse(REAL);
        assertEquals(19, e.samples().size());
        assertEquals("histogram", e.type("http_request_duration_seconds_bucket"));
        assertEquals("histogram", e.type("http_request_duration_seconds_count"));
        assertEquals("summary", e.type("go_gc_duration_seconds_sum"));
        assertEquals("gauge", e.type("process_resident_memory_bytes"));
        assertEquals("untyped", e.type("metric_without_timestamp_and_labels"));
        assertEquals("Resident memory size in bytes.", e.help().get("process_resident_memory_bytes"));

        Sample inf = find(e, "http_request_duration_seconds_bucket", "le", "+Inf");
        assertEquals(144320, inf.value());
        Sample msdos = e.samples().stream().filter(s -> s.name().startsWith("msdos")).findFirst().orElseThrow();
        assertEquals("C:\\DIR\\FILE.TXT", msdos.labels().get("path"));
        assertEquals("Cannot find file:\n\"FILE.TXT\"", msdos.labels().get("error"));
        Sample weird = find(e, "something_weird", "problem", "division by zero");
        assertEquals(Double.POSITIVE_INFINITY, weird.value());
        assertEquals(-3982045L, weird.timestampMillis());
        assertEquals(5.1234816E7, find(e, "jvm_memory_used_bytes", "area", "heap").value());
        Sample spaced = find(e, "http_requests_total", "code", "400");
        assertEquals(Map.of("method", "post", "code", "400"), spaced.labels());
        assertEquals(1395066363000L, spaced.timestampMillis());
        assertNull(find(e, "metric_without_timestamp_and_labels", null, null).timestampMillis());
        assertEquals(26, find(e, "metric_without_timestamp_and_labels", null, null).line());
    }

    @Test
    void selectorsMatchByNameAndTheLabelsTheyName() throws Exception {
        Exposition e = PrometheusText.parse(REAL);
        Selector heap = Selector.parse("jvm_memory_used_bytes{area=\"heap\"}");
        assertEquals(List.of(5.1234816E7), e.samples().stream().filter(heap::matches).map(Sample::value).toList());
        assertEquals(2, e.samples().stream().filter(Selector.parse("jvm_memory_used_bytes")::matches).count());
        assertThrows(FormatException.class, () -> Selector.parse("jvm_memory_used_bytes{area=heap}"));
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() {
        String[][] cases = {
                {"ok 1\nbroken{le=\"1\" 2", "line 2: expected ',' or '}' after label le"},
                {"x{a=\"b\\q\"} 1", "line 1: invalid escape \\q in a label value"},
                {"x{a=\"b} 1", "line 1: unclosed '\"' opened at column 5"},
                {"x 1\n\nx abc", "line 3: 'abc' is not a number"},
                {"x", "line 1: expected a value after x"},
                {"x 1 12.5", "line 1: expected a timestamp in milliseconds, not '12.5'"},
                {"# TYPE x gauges", "line 1: unknown type 'gauges'"},
                {"<html><body>Not Found</body></html>", "line 1: expected a metric name at column 1"},
                {"x{a=\"1\",a=\"2\"} 1", "line 1: label a appears twice"},
        };
        for (String[] c : cases) {
            FormatException x = assertThrows(FormatException.class, () -> PrometheusText.parse(c[0]), c[0]);
            assertTrue(x.getMessage().startsWith(c[1]), c[0] + " -> " + x.getMessage());
        }
    }

    private static Sample find(Exposition e, String name, String label, String value) {
        return e.samples().stream().filter(s -> s.name().equals(name) && (label == null || value.equals(s.labels().get(label))))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + label + "=" + value));
    }
}
