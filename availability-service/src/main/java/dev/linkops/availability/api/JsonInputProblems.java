package dev.linkops.availability.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.linkops.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST's built-in mapper for MismatchedInputException (a wrong JSON type, e.g. "items": 5) is
 * more specific than platform's JsonProcessingException mapper and answers without naming the field.
 * This sends it through platform's problem format. Belongs in platform (reported to the lead).
 */
public class JsonInputProblems {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
