package paperboy.serve;

import java.util.Locale;

/**
 * What serve mode adds to an HTML response before {@code </body>}: a script that reloads the page when a newer
 * build is announced and, after a failed build, an overlay with the problems. Never written to disk.
 */
final class LiveReload {
    static final String EMPTY_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>paperboy: build failed</title></head><body></body></html>";
    static final String OVERLAY_ID = "paperboy-build-error";

    private LiveReload() {}

    static String inject(String html, long generation, DevServer.Outcome last) {
        StringBuilder add = new StringBuilder();
        if (last != null && !last.ok()) add.append(overlay(last));
        add.append("<script>(function(){var g='").append(generation).append("';")
                .append("var es=new EventSource('").append(ReloadEvents.PATH).append("');")
                .append("es.addEventListener('reload',function(e){if(e.data!==g){es.close();location.reload();}});")
                .append("})();</script>\n");
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return at < 0 ? html + add : html.substring(0, at) + add + html.substring(at);
    }

    private static String overlay(DevServer.Outcome o) {
        StringBuilder b = new StringBuilder()
                .append("<div id=\"").append(OVERLAY_ID).append("\" role=\"alert\" style=\"position:fixed;inset:0;")
                .append("z-index:2147483647;overflow:auto;background:rgba(24,10,10,.94);color:#fff;padding:2rem;")
                .append("font:15px/1.5 ui-monospace,Menlo,Consolas,monospace\">")
                .append("<p style=\"margin:0 0 1rem;font-weight:700;color:#ff9b9b\">paperboy: the last build failed.")
                .append(" The site below is the last good build.</p><pre style=\"white-space:pre-wrap;margin:0\">");
        for (String line : o.problems()) b.append(escape(line)).append('\n');
        return b.append("</pre><p style=\"margin:1rem 0 0;color:#ccc\">Fix the file and save: this page reloads by itself.</p></div>\n")
                .toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
