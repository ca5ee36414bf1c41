package dev.salvo.dsl.host;

import org.graalvm.polyglot.HostAccess;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

import java.util.ArrayList;
import java.util.List;

/**
 * k6/html's Selection over jsoup: a list of elements of one parsed document, and the jQuery-like steps k6
 * offers (find, children, parent, eq, filter...). k6-html.mjs wraps it with k6's names and callbacks; a CSS
 * selector jsoup cannot parse is a TypeError naming it.
 */
public final class JsSelection {
    private final Elements elements;

    private JsSelection(Elements elements) {
        this.elements = elements;
    }

    static JsSelection parse(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        return new JsSelection(new Elements(doc));
    }

    private static Elements select(Elements from, String css) {
        try {
            return from.select(css);
        } catch (Selector.SelectorParseException e) {
            throw ScriptProblem.type("invalid CSS selector '" + css + "': " + e.getMessage());
        }
    }

    private static boolean matches(Element e, String css) {
        try {
            return e.is(css);
        } catch (Selector.SelectorParseException ex) {
            throw ScriptProblem.type("invalid CSS selector '" + css + "': " + ex.getMessage());
        }
    }

    private JsSelection of(List<Element> list) {
        return new JsSelection(new Elements(list.stream().distinct().toList()));
    }

    @HostAccess.Export
    public int size() {
        return elements.size();
    }

    /** The descendants matching {@code css} (the document's own element included when it matches at the top). */
    @HostAccess.Export
    public JsSelection find(String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            for (Element m : select(new Elements(e), css)) if (m != e || e instanceof Document) out.add(m);
        }
        return of(out);
    }

    @HostAccess.Export
    public JsSelection children(String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) for (Element c : e.children()) if (css == null || matches(c, css)) out.add(c);
        return of(out);
    }

    @HostAccess.Export
    public JsSelection parent(String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            Element p = e.parent();
            if (p != null && !(p instanceof Document) && (css == null || matches(p, css))) out.add(p);
        }
        return of(out);
    }

    @HostAccess.Export
    public JsSelection parents(String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) for (Element p : e.parents()) if (css == null || matches(p, css)) out.add(p);
        return of(out);
    }

    @HostAccess.Export
    public JsSelection closest(String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            Element c = e.closest(css);
            if (c != null) out.add(c);
        }
        return of(out);
    }

    /** {@code step}: 1 the next sibling, -1 the previous; {@code all}: every one in that direction. */
    @HostAccess.Export
    public JsSelection siblings(int step, boolean all, String css) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            Element s = step > 0 ? e.nextElementSibling() : e.previousElementSibling();
            while (s != null) {
                if (css == null || matches(s, css)) out.add(s);
                if (!all) break;
                s = step > 0 ? s.nextElementSibling() : s.previousElementSibling();
            }
        }
        return of(out);
    }

    @HostAccess.Export
    public JsSelection filter(String css) {
        return of(elements.stream().filter(e -> matches(e, css)).toList());
    }

    @HostAccess.Export
    public JsSelection not(String css) {
        return of(elements.stream().filter(e -> !matches(e, css)).toList());
    }

    @HostAccess.Export
    public JsSelection has(String css) {
        return of(elements.stream().filter(e -> select(new Elements(e), css).stream().anyMatch(m -> m != e)).toList());
    }

    @HostAccess.Export
    public boolean is(String css) {
        return elements.stream().anyMatch(e -> matches(e, css));
    }

    /** Elements {@code from} to {@code to} (exclusive); negative indexes count from the end, as jQuery's slice. */
    @HostAccess.Export
    public JsSelection slice(int from, int to) {
        int n = elements.size();
        int a = Math.max(0, from < 0 ? n + from : Math.min(from, n));
        int b = Math.min(n, to < 0 ? n + to : to);
        return of(a < b ? elements.subList(a, b) : List.of());
    }

    /** The elements at {@code indexes} (an array of whole numbers), in that order. */
    @HostAccess.Export
    public JsSelection pick(org.graalvm.polyglot.Value indexes) {
        List<Element> out = new ArrayList<>();
        for (long i = 0; i < indexes.getArraySize(); i++) out.add(elements.get(indexes.getArrayElement(i).asInt()));
        return of(out);
    }

    @HostAccess.Export
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Element e : elements) b.append(e instanceof Document d ? d.wholeText() : e.wholeText());
        return b.toString();
    }

    /** The inner HTML of the first element, or null when there is none (k6 gives undefined). */
    @HostAccess.Export
    public String html() {
        return elements.isEmpty() ? null : elements.get(0).html();
    }

    @HostAccess.Export
    public String outerHtml(int i) {
        return elements.get(i).outerHtml();
    }

    /** The attribute of the first element, or null when it has none. */
    @HostAccess.Export
    public String attr(String name) {
        return elements.isEmpty() || !elements.get(0).hasAttr(name) ? null : elements.get(0).attr(name);
    }

    /** A form field's value as jQuery's val(): an input's value, a textarea's text, a select's selected option. */
    @HostAccess.Export
    public String val() {
        if (elements.isEmpty()) return null;
        Element e = elements.get(0);
        switch (e.normalName()) {
            case "textarea":
                return e.wholeText();
            case "select": {
                Element opt = e.selectFirst("option[selected]");
                if (opt == null) opt = e.selectFirst("option");
                return opt == null ? null : opt.hasAttr("value") ? opt.attr("value") : opt.text();
            }
            case "option":
                return e.hasAttr("value") ? e.attr("value") : e.text();
            default:
                return e.hasAttr("value") ? e.attr("value") : null;
        }
    }

    /** The element {@code i} as a selection of one (empty when out of range). */
    @HostAccess.Export
    public JsSelection eq(int i) {
        int n = elements.size();
        int k = i < 0 ? n + i : i;
        return of(k >= 0 && k < n ? List.of(elements.get(k)) : List.of());
    }

    /** Attribute {@code name} of element {@code i} as an absolute URL against {@code base} ({@code base} itself when absent). */
    @HostAccess.Export
    public String absUrl(int i, String name, String base) {
        String ref = elements.get(i).attr(name).strip();
        try {
            return ref.isEmpty() ? base : new java.net.URI(base).resolve(ref).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw ScriptProblem.type("cannot resolve '" + ref + "' against '" + base + "': " + e.getMessage());
        }
    }

    @HostAccess.Export
    public String nodeName(int i) {
        return elements.get(i).normalName();
    }

    /** The element's own direct text nodes and children as k6's Element.textContent(). */
    @HostAccess.Export
    public String textContent(int i) {
        return elements.get(i).wholeText();
    }

    @HostAccess.Export
    public String ownText(int i) {
        StringBuilder b = new StringBuilder();
        for (TextNode t : elements.get(i).textNodes()) b.append(t.getWholeText());
        return b.toString();
    }

    /** The attributes of element {@code i}, {@code [name, value, ...]} in document order. */
    @HostAccess.Export
    public String[] attributes(int i) {
        List<String> out = new ArrayList<>();
        for (Attribute a : elements.get(i).attributes()) {
            out.add(a.getKey());
            out.add(a.getValue());
        }
        return out.toArray(String[]::new);
    }

    /** {@code [name, value, ...]} of the form fields in the selection, as jQuery's serializeArray(). */
    @HostAccess.Export
    public String[] formFields() {
        List<String> out = new ArrayList<>();
        List<Element> fields = new ArrayList<>();
        for (Element e : elements) {
            if (e.normalName().equals("form")) fields.addAll(e.select("input, select, textarea"));
            else fields.add(e);
        }
        for (Element f : fields) {
            String name = f.attr("name");
            String type = f.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty() || f.hasAttr("disabled") || type.equals("submit") || type.equals("button") || type.equals("file")
                    || type.equals("reset") || type.equals("image")) continue;
            if ((type.equals("checkbox") || type.equals("radio")) && !f.hasAttr("checked")) continue;
            String v = new JsSelection(new Elements(f)).val();
            if (v == null && (type.equals("checkbox") || type.equals("radio"))) v = "on";
            out.add(name);
            out.add(v == null ? "" : v);
        }
        return out.toArray(String[]::new);
    }
}
