package dev.linkops.availability.domain.stock;

import org.junit.jupiter.api.Test;

import static dev.linkops.contracts.events.v1.StockState.BACKORDER;
import static dev.linkops.contracts.events.v1.StockState.IN_STOCK;
import static dev.linkops.contracts.events.v1.StockState.LOW;
import static dev.linkops.contracts.events.v1.StockState.OUT_OF_STOCK;
import static dev.linkops.contracts.events.v1.StockState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StockRulesTest {
    private static final EffectiveThresholds LOW_25_BAND_5 = new EffectiveThresholds(25L, null, null, 5);
    private static final EffectiveThresholds LOW_25_NO_BAND = new EffectiveThresholds(25L, null, null, null);

    @Test
    void quantityAtTheLowMarkIsLowAndAboveItIsInStock() {
        assertEquals(LOW, StockRules.next(null, 25, false, LOW_25_NO_BAND));
        assertEquals(IN_STOCK, StockRules.next(null, 26, false, LOW_25_NO_BAND));
    }

    @Test
    void withoutHysteresisALowSkuTurnsInStockOneUnitAboveTheMark() {
        assertEquals(IN_STOCK, StockRules.next(LOW, 26, false, LOW_25_NO_BAND));
    }

    @Test
    void withHysteresisALowSkuStaysLowInsideTheBandAndTurnsInStockAboveIt() {
        assertEquals(LOW, StockRules.next(LOW, 26, false, LOW_25_BAND_5));
        assertEquals(LOW, StockRules.next(LOW, 30, false, LOW_25_BAND_5));
        assertEquals(IN_STOCK, StockRules.next(LOW, 31, false, LOW_25_BAND_5));
    }

    @Test
    void theBandDoesNotHoldAnInStockSkuAboveTheMark() {
        assertEquals(IN_STOCK, StockRules.next(IN_STOCK, 28, false, LOW_25_BAND_5));
        assertEquals(LOW, StockRules.next(IN_STOCK, 25, false, LOW_25_BAND_5));
    }

    @Test
    void nothingAvailableIsOutOfStockOrBackorderWhenTheSourceTakesBackorders() {
        assertEquals(OUT_OF_STOCK, StockRules.next(LOW, 0, false, LOW_25_BAND_5));
        assertEquals(BACKORDER, StockRules.next(LOW, 0, true, LOW_25_BAND_5));
    }

    @Test
    void aSkuComingBackFromUnknownIsJudgedWithoutTheBand() {
        assertEquals(IN_STOCK, StockRules.next(UNKNOWN, 27, false, LOW_25_BAND_5));
    }

    @Test
    void percentOfBaselineRaisesTheLowMarkWhenItIsTheHigherOne() {
        EffectiveThresholds hero = new EffectiveThresholds(10L, 400L, 5, 0);
        assertEquals(20L, hero.lowMark());
        assertEquals(LOW, StockRules.next(IN_STOCK, 20, false, hero));
        assertEquals(IN_STOCK, StockRules.next(IN_STOCK, 21, false, hero));
    }

    @Test
    void withoutAnyLowMarkEveryPositiveQuantityIsInStock() {
        assertNull(EffectiveThresholds.NONE.lowMark());
        assertEquals(IN_STOCK, StockRules.next(LOW, 1, false, EffectiveThresholds.NONE));
    }

    @Test
    void skuSettingsOverrideDefaultsFieldByField() {
        EffectiveThresholds sku = new EffectiveThresholds(null, 400L, null, null);
        EffectiveThresholds defaults = new EffectiveThresholds(5L, 100L, 5, 2);
        assertEquals(new EffectiveThresholds(5L, 400L, 5, 2), sku.orElse(defaults));
    }
}
