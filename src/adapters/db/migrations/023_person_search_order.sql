-- The name search returns the first 20 persons by search key: `search_name LIKE 'dubo%' ORDER BY
-- search_name, person_id LIMIT 20`. The index of migration 001 (text_pattern_ops) finds the
-- matches but cannot give them in order, so every match was read and sorted before the first 20
-- came out: with a million persons in a CPAS, a common family name matches tens of thousands of
-- rows (20 ms and more per search, above the 20 ms p99 target). A "C"-collated index both serves
-- the prefix (byte order, as text_pattern_ops) and gives the order: the search (search-store.ts)
-- orders by search_name COLLATE "C" and stops after 20 index entries. Byte order on the folded,
-- lower-case key is the order the search showed before on a C.UTF-8 database.
DROP INDEX person_search_name;
CREATE INDEX person_search_name ON person (cpas_id, search_name COLLATE "C", person_id);
