package dev.linkops.registry.domain.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpecDiffTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void changesAreNamedByJsonPointerDownToTheLeaf() throws Exception {
        JsonNode a = mapper.readTree("{\"destination\":\"x\",\"utm\":{\"source\":\"g\"},\"rules\":[{\"label\":\"a\"}],\"skus\":[\"A\"]}");
        JsonNode b = mapper.readTree("{\"destination\":\"y\",\"utm\":{\"source\":\"g\",\"medium\":\"cpc\"},\"rules\":[{\"label\":\"b\"}],\"skus\":[\"A\",\"B\"]}");
        List<SpecDiff.Change> changes = SpecDiff.between(a, b);
        assertEquals(List.of("/destination", "/utm/medium", "/rules/0/label", "/skus"),
                changes.stream().map(SpecDiff.Change::field).toList());
        assertEquals("cpc", changes.get(1).to().asText());
        assertEquals(true, changes.get(1).from().isNull());
    }
}
