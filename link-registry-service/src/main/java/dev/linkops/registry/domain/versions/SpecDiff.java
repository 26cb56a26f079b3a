package dev.linkops.registry.domain.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Field-level differences between two JSON documents, named by JSON pointer. */
public final class SpecDiff {

    public record Change(String field, JsonNode from, JsonNode to) {
    }

    private SpecDiff() {
    }

    public static List<Change> between(JsonNode from, JsonNode to) {
        List<Change> changes = new ArrayList<>();
        walk("", nullToNode(from), nullToNode(to), changes);
        return changes;
    }

    public static String fields(List<Change> changes) {
        return String.join(",", changes.stream().map(Change::field).toList());
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                walk(path + "/" + key.replace("~", "~0").replace("/", "~1"),
                        nullToNode(a.get(key)), nullToNode(b.get(key)), out);
            }
            return;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                walk(path + "/" + i, ia.next(), ib.next(), out);
            }
            return;
        }
        out.add(new Change(path.isEmpty() ? "/" : path, a, b));
    }

    private static JsonNode nullToNode(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
