package dev.linkops.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The RFC 9457 body. {@code errors} lists field-level reasons; extensions carry e.g. a failed checklist. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final java.util.Set<String> STANDARD_MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance", "errors");

    @JsonAnyGetter
    public Map<String, Object> extensionFields() {
        return extensions == null ? Map.of() : extensions;
    }
}
