package dev.linkops.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses control characters (NUL, CR, LF, ...) in the path and query before any resource sees them:
 * PostgreSQL cannot store NUL in text, and CR/LF in a value could end up in a header or a log line.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String where = null;
        if (hasControl(uri.getPath())) {
            where = "path";
        } else {
            for (Map.Entry<String, List<String>> param : uri.getQueryParameters().entrySet()) {
                if (hasControl(param.getKey()) || param.getValue().stream().anyMatch(ControlCharacterFilter::hasControl)) {
                    where = "query parameter " + printable(param.getKey());
                    break;
                }
            }
        }
        if (where == null) {
            return null;
        }
        String field = where.equals("path") ? "/path" : "/query/" + printable(where.substring("query parameter ".length()));
        return ProblemMappers.respond(400, "Invalid request", "the " + where + " contains a control character",
                null, List.of(new FieldError(field, "must not contain control characters")), null);
    }

    static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
