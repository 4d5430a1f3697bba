package org.saepj.run;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page: a title, key–value tables, data tables and PNG images embedded as data URLs.
 * A small script counts images that failed to decode and records the count on the body
 * ({@code data-broken-images}), so a headless browser can check the page.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** @param title the page's title and first heading */
    public HtmlReport(String title) {
        this.title = title;
    }

    /**
     * @param text a section heading
     * @return this page
     */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /**
     * @param text a paragraph
     * @return this page
     */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * @param items the items of a bulleted list
     * @return this page
     */
    public HtmlReport list(List<String> items) {
        body.append("<ul>\n");
        items.forEach(i -> body.append("<li>").append(escape(i)).append("</li>\n"));
        body.append("</ul>\n");
        return this;
    }

    /**
     * @param entries rows of a two-column table, in order
     * @return this page
     */
    public HtmlReport keyValues(Map<String, String> entries) {
        body.append("<table class=\"kv\">\n");
        entries.forEach((k, v) -> body.append("<tr><th>")
                .append(escape(k))
                .append("</th><td>")
                .append(escape(v))
                .append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /**
     * A table cell that links to another page.
     *
     * @param text what the cell shows
     * @param href where it points, relative to this page
     */
    public record Link(String text, String href) {}

    /**
     * @param header the column names
     * @param rows the cells, row by row: text, or a {@link Link}
     * @return this page
     */
    public HtmlReport table(List<String> header, List<? extends List<?>> rows) {
        body.append("<table class=\"data\">\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<?> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>")
                    .append(
                            c instanceof Link l
                                    ? "<a href=\"" + escape(l.href()) + "\">" + escape(l.text()) + "</a>"
                                    : escape(String.valueOf(c)))
                    .append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /**
     * @param alt the caption and alternative text
     * @param png the image, embedded as a data URL
     * @return this page
     */
    public HtmlReport image(String alt, byte[] png) {
        body.append("<figure><img alt=\"")
                .append(escape(alt))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>")
                .append(escape(alt))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** @return the whole page */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:2em;max-width:1100px;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px"
                + " 8px;text-align:left}\n"
                + "table.data td{text-align:right}table.data td:first-child{text-align:left}th{background:#f3f3f3}\n"
                + "figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}\n</style></head>\n"
                + "<body data-broken-images=\"unknown\">\n<h1>" + escape(title) + "</h1>\n" + body
                + "<script>window.addEventListener('load',function(){var b=0;for(var i=0;i<document.images.length;i++){"
                + "var im=document.images[i];if(!im.complete||im.naturalWidth===0){b++;}}"
                + "document.body.setAttribute('data-broken-images',String(b));});</script>\n</body></html>\n";
    }

    static String escape(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    static Map<String, String> map() {
        return new LinkedHashMap<>();
    }
}
