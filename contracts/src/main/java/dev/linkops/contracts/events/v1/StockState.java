package dev.linkops.contracts.events.v1;

public enum StockState { IN_STOCK, LOW, OUT_OF_STOCK, BACKORDER, UNKNOWN }
