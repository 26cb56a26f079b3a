package dev.linkops.registry.domain.links;

import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one request, so the caller fixes them in one round. */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}
