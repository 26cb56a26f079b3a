package dev.linkops.registry.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quarkus ships its own mapper for {@link MismatchedInputException} (a wrong JSON type, an unknown enum
 * value) that answers plain JSON and outranks the platform's JsonProcessingException mapper; this one
 * keeps those answers problem+json with the field's JSON pointer.
 */
public class JsonErrorMapper {

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = pointer(e.getPath());
        String reason = "has the wrong type or format: " + firstLine(e.getOriginalMessage());
        Problem body = new Problem("about:blank", "Invalid request", 400, field + " " + reason,
                uri == null ? null : uri.getPath(), List.of(new FieldError(field, reason)), null);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "/";
        }
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
