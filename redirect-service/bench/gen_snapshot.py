#!/usr/bin/env python3
"""Writes a redirect snapshot file with N synthetic links (codes b0..b{N-1}) and 1,000 SKU signals."""
import json
import sys
import uuid
from datetime import datetime, timezone

n = int(sys.argv[1])
out = sys.argv[2]
skus = 1000
now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
states = ["IN_STOCK", "LOW", "OUT_OF_STOCK"]

with open(out, "w") as f:
    f.write('{"writtenAt":"%s","links":[' % now)
    for i in range(n):
        sku = "SKU-%d" % (i % skus)
        link = {
            "linkId": str(uuid.UUID(int=i + 1)), "code": "b%d" % i, "version": 1, "status": "LIVE",
            "skus": [sku], "markets": ["US"], "language": "en",
            "destination": {"destination": "https://shop.example.com/p/{sku}", "destinationType": "PDP"},
            "rules": [
                {"label": "low-stock", "when": {"stock": {"sku": "primary", "state": ["LOW"]}},
                 "then": {"destination": "https://shop.example.com/c/speakers?featured={sku}", "destinationType": "CATEGORY"}},
                {"label": "sold-out", "when": {"stock": {"sku": "primary", "state": ["OUT_OF_STOCK"]}},
                 "then": {"destination": "https://shop.example.com/waitlist/{sku}", "destinationType": "WAITLIST"}}],
            "fallbacks": {"fallbackUrl": "https://shop.example.com/c/speakers"},
            "utm": {"source": "bench", "medium": "cpc", "campaign": "c%d" % (i % 100)},
            "redirectStatus": 302, "clickId": True, "owner": "alice", "team": "marketing",
        }
        if i:
            f.write(",")
        f.write(json.dumps(link, separators=(",", ":")))
    f.write('],"availability":[')
    for s in range(skus):
        signal = {"sku": "SKU-%d" % s, "market": "US", "state": states[s % 3], "available": 100 - s % 100,
                  "baseline": 400, "source": "bench", "observedAt": now, "receivedAt": now, "sequence": 1}
        if s:
            f.write(",")
        f.write(json.dumps(signal, separators=(",", ":")))
    f.write("]}")
