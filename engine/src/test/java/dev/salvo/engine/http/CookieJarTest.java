package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** RFC 6265's storage and matching rules, with a clock the test moves. */
class CookieJarTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final CookieJar jar = new CookieJar(now::get);

    private static URI u(String url) {
        return URI.create(url);
    }

    private List<String> names(String url) {
        return jar.cookiesFor(u(url)).stream().map(c -> c.name() + "=" + c.value()).toList();
    }

    @Test
    void hostOnlyCookieIsSentToItsHostOnly() {
        jar.store(u("http://api.test/login"), List.of("sid=1"));
        assertEquals(List.of("sid=1"), names("http://api.test/"));
        assertEquals(List.of(), names("http://sub.api.test/"));
        assertEquals(List.of(), names("http://other.test/"));
    }

    @Test
    void domainCookieCoversSubdomainsButNotAForeignDomain() {
        jar.store(u("http://www.api.test/"), List.of("a=1; Domain=.api.test", "b=2; Domain=evil.test"));
        assertEquals(List.of("a=1"), names("http://api.test/"));
        assertEquals(List.of("a=1"), names("http://x.y.api.test/"));
        assertEquals(List.of(), names("http://evil.test/"));
        assertEquals(List.of(), names("http://notapi.test/"));
    }

    @Test
    void pathMatchesOnSegmentsAndDefaultsToTheRequestDirectory() {
        jar.store(u("http://h.test/shop/cart/add"), List.of("dflt=1", "root=2; Path=/", "docs=3; Path=/docs"));
        assertEquals(List.of("dflt=1", "root=2"), names("http://h.test/shop/cart"));
        assertEquals(List.of("dflt=1", "root=2"), names("http://h.test/shop/cart/x"));
        assertEquals(List.of("root=2"), names("http://h.test/shop/carts"));
        assertEquals(List.of("docs=3", "root=2"), names("http://h.test/docs/a"));
        assertEquals(List.of("root=2"), names("http://h.test/docsy"));
    }

    @Test
    void maxAgeAndExpiresEndACookieAndZeroDeletesIt() {
        jar.store(u("http://h.test/"), List.of("short=1; Max-Age=10", "gone=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
                "keep=1"));
        assertEquals(List.of("short=1", "keep=1"), names("http://h.test/"));
        now.addAndGet(11_000);
        assertEquals(List.of("keep=1"), names("http://h.test/"));
        jar.store(u("http://h.test/"), List.of("keep=; Max-Age=0"));
        assertEquals(List.of(), names("http://h.test/"));
    }

    @Test
    void secureCookiesGoOverHttpsOnlyAndHttpOnlyIsKept() {
        jar.store(u("https://h.test/"), List.of("s=1; Secure; HttpOnly; SameSite=Strict", "p=2"));
        assertEquals(List.of("s=1", "p=2"), names("https://h.test/"));
        assertEquals(List.of("p=2"), names("http://h.test/"));
        assertTrue(jar.cookiesFor(u("https://h.test/")).get(0).httpOnly());
    }

    @Test
    void aNewValueReplacesTheCookieOfTheSameNameDomainAndPath() {
        jar.store(u("http://h.test/"), List.of("a=1; Path=/"));
        jar.store(u("http://h.test/"), List.of("a=2; Path=/"));
        assertEquals(List.of("a=2"), names("http://h.test/"));
    }

    @Test
    void malformedSetCookieHeadersAreIgnoredAndTheRestKept() {
        jar.store(u("http://h.test/"), List.of("", "=novalue", ";;;", "no equals sign", "bad name=1", "\u0000=x",
                "ok=1", "a=\"unterminated"));
        assertEquals(List.of("ok=1"), names("http://h.test/"));
    }

    @Test
    void ipHostsTakeNoDomainCookiesFromASuffix() {
        assertFalse(jar.set(u("http://127.0.0.1/"), "a", "1", "0.0.1", "/", Long.MAX_VALUE, false, false));
        assertTrue(jar.set(u("http://127.0.0.1/"), "b", "2", "127.0.0.1", "/", Long.MAX_VALUE, false, false));
        assertEquals(List.of("b=2"), names("http://127.0.0.1:8080/x"));
    }

    @Test
    void theJarKeepsTheNewestCookiesPastItsLimit() {
        for (int i = 0; i < CookieJar.MAX_COOKIES + 10; i++) {
            jar.store(u("http://h.test/"), List.of("c" + i + "=1"));
        }
        List<String> kept = names("http://h.test/");
        assertEquals(CookieJar.MAX_COOKIES, kept.size());
        assertFalse(kept.contains("c9=1"));
        assertTrue(kept.contains("c10=1") && kept.contains("c" + (CookieJar.MAX_COOKIES + 9) + "=1"));
    }

    @Test
    void clearDeleteAndClearAll() {
        jar.store(u("http://a.test/"), List.of("x=1", "y=2"));
        jar.store(u("http://b.test/"), List.of("z=3"));
        jar.delete(u("http://a.test/"), "x");
        assertEquals(List.of("y=2"), names("http://a.test/"));
        jar.clear(u("http://a.test/"));
        assertEquals(List.of(), names("http://a.test/"));
        assertEquals(List.of("z=3"), names("http://b.test/"));
        jar.clearAll();
        assertEquals(List.of(), names("http://b.test/"));
    }
}
