package dev.linkops.registry.domain.conventions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionPatternTest {
    private final ConventionPattern campaign = ConventionPattern.of("{date}_{channel}_{productLine}_{audience}_{objective}",
            Map.of("channel", new ConventionPattern.PartRule(List.of("paidsearch", "social", "email"), null, null),
                    "objective", new ConventionPattern.PartRule(List.of("conversion", "awareness"), null, null)));

    @Test
    void theDesignExampleFollowsTheConvention() {
        assertEquals(Optional.empty(), campaign.violation("20261205_paidsearch_audio_prospects_conversion"));
    }

    @Test
    void anImpossibleDateIsNamedAsTheDatePart() {
        assertTrue(campaign.violation("20261340_paidsearch_audio_prospects_conversion").orElseThrow()
                .startsWith("part {date} is '20261340'; expected a date written YYYYMMDD"));
    }

    @Test
    void aValueOutsideTheListNamesThePartAndTheAllowedValues() {
        assertTrue(campaign.violation("20261205_tv_audio_prospects_conversion").orElseThrow()
                .startsWith("part {channel} is 'tv'; expected one of [paidsearch, social, email]"));
    }

    @Test
    void aMissingPartIsNamed() {
        assertTrue(campaign.violation("20261205_paidsearch_audio").orElseThrow().contains("part {audience} is missing"));
    }

    @Test
    void theLastPartTakesTheRestSoExtraSeparatorsAreCaught() {
        assertTrue(campaign.violation("20261205_paidsearch_audio_prospects_conversion_x").orElseThrow()
                .contains("part {objective} is 'conversion_x'"));
    }

    @Test
    void literalPrefixesAndSuffixesCount() {
        ConventionPattern p = ConventionPattern.of("lo-{name}.v1", Map.of());
        assertEquals(Optional.empty(), p.violation("lo-summer.v1"));
        assertTrue(p.violation("summer.v1").orElseThrow().contains("must start with 'lo-'"));
        assertTrue(p.violation("lo-summer").orElseThrow().contains("must end with '.v1'"));
    }

    @Test
    void adjacentPartsWithoutASeparatorAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConventionPattern.of("{a}{b}", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ConventionPattern.of("no parts", Map.of()));
    }
}
