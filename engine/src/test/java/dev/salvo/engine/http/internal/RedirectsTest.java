package dev.salvo.engine.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectsTest {
    private static final byte[] BODY = {1, 2, 3};

    private static HttpRequest post(String url, Header... headers) {
        return new HttpRequest("POST", URI.create(url), List.of(headers), BODY, null, 10, false, Map.of("name", "n"));
    }

    private static HttpResponse redirect(int status, String location) {
        return HttpResponse.received(status, "HTTP/1.1", "x", Map.of("location", List.of(location)), new byte[0],
                Timings.ZERO, HttpResponse.Wire.NONE);
    }

    @Test
    void seeOtherTurnsPostIntoGetWithoutBody() {
        HttpRequest next = Redirects.next(post("http://h/a", new Header("Content-Type", "application/json")),
                redirect(303, "/b"));
        assertEquals("GET", next.method());
        assertNull(next.body());
        assertEquals(List.of(), next.headers());
        assertEquals("http://h/b", next.url().toString());
        assertEquals(Map.of("name", "n"), next.tags());
    }

    @Test
    void movedAndFoundTurnPostIntoGet() {
        assertEquals("GET", Redirects.next(post("http://h/a"), redirect(301, "/b")).method());
        assertEquals("GET", Redirects.next(post("http://h/a"), redirect(302, "/b")).method());
    }

    @Test
    void temporaryAndPermanentRedirectsKeepMethodAndBody() {
        for (int status : new int[] {307, 308}) {
            HttpRequest next = Redirects.next(post("http://h/a"), redirect(status, "c"));
            assertEquals("POST", next.method());
            assertArrayEquals(BODY, next.body());
            assertEquals("http://h/c", next.url().toString());
        }
    }

    @Test
    void credentialsDoNotFollowToAnotherHost() {
        HttpRequest next = Redirects.next(post("http://h/a", new Header("Authorization", "Bearer t")),
                redirect(307, "http://other:8080/x"));
        assertEquals(List.of(), next.headers());
        HttpRequest same = Redirects.next(post("http://h/a", new Header("Authorization", "Bearer t")),
                redirect(307, "/x"));
        assertEquals(1, same.headers().size());
    }

    @Test
    void noLocationOrNoRedirectStatusMeansNoNextHop() {
        assertNull(Redirects.next(post("http://h/a"), redirect(200, "/b")));
        assertNull(Redirects.next(post("http://h/a"), HttpResponse.received(302, "HTTP/1.1", "x", Map.of(), new byte[0],
                Timings.ZERO, HttpResponse.Wire.NONE)));
    }
}
