package dev.linkops.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json; nothing reaches the caller as a bare 500 page. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors(), e.extensions());
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "/";
        String reason;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = pointer(mapping.getPath());
            reason = "has the wrong type or format: " + firstLine(e.getOriginalMessage());
        } else if (e instanceof JsonParseException) {
            reason = "is not valid JSON: " + firstLine(e.getOriginalMessage());
        } else {
            reason = "cannot be read: " + firstLine(e.getOriginalMessage());
        }
        return respond(400, "Invalid request", field + " " + reason, uri,
                List.of(new FieldError(field, reason)), null);
    }

    /**
     * Quarkus REST ships a mapper of its own for this subclass (a wrong JSON type, an unknown enum value)
     * that outranks the JsonProcessingException mapper above and does not name the field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(status, "Server error", "the request could not be completed", uri, null, null);
        }
        // A body that could not be read at all (wrong JSON type at the root, say) arrives here as 400.
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, title, e.getMessage(), uri, null, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(401, "Unauthorized", "a valid bearer token is required", uri, null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "your role may not do this", uri, null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e instanceof ProblemException p) {
            return problem(p, uri);
        }
        java.sql.SQLException sql = sqlCause(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // SQL class 22 is "data exception": a value the database cannot hold (a NUL character, an
            // out-of-range number). The input is at fault and the transaction has rolled back.
            return respond(400, "Invalid request", "a value in the request cannot be stored: "
                    + firstLine(sql.getMessage()), uri, null, null);
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(500, "Server error", "the request could not be completed; it has been logged", uri,
                null, null);
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<FieldError> errors,
                            java.util.Map<String, Object> extensions) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static java.sql.SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName().replace("~", "~0").replace("/", "~1")
                        : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/", "/", ""));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
