-- Unique clicks: a visitor (the redirect's daily visitor key) counts once per link and UTC day, in
-- the cell of its first click there. click_visitor is the claim that decides which click that is;
-- unique_click marks it on the fact, unique_clicks sums it in the rollup, so every grouping adds up.
-- Clicks without a visitor key (sent before the key existed) each count as unique.
CREATE TABLE click_visitor (
    day     date NOT NULL,
    link_id uuid NOT NULL,
    visitor text NOT NULL,
    PRIMARY KEY (day, link_id, visitor)
);

ALTER TABLE click_fact ADD COLUMN visitor text;
ALTER TABLE click_fact ADD COLUMN unique_click boolean NOT NULL DEFAULT true;
ALTER TABLE click_rollup ADD COLUMN unique_clicks bigint NOT NULL DEFAULT 0;
-- rows written before: every click was counted as unique
UPDATE click_rollup SET unique_clicks = clicks;
