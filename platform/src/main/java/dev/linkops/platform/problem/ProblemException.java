package dev.linkops.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as {@code application/problem+json} (RFC 9457).
 * Domain code throws it; {@link ProblemMappers} turns it into the response.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, List<FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        for (String key : this.extensions.keySet()) {
            if (Problem.STANDARD_MEMBERS.contains(key)) { // it would overwrite e.g. the status in the body
                throw new IllegalArgumentException("problem extension '" + key + "' hides a standard member");
            }
        }
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(400, "Invalid request", detail, errors, null);
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what, null, null);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "Conflict", detail, null, extensions);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
