-- The title under which the directeur général and the président sign the CPAS's letters, as the
-- CPAS writes it on its letterhead ("Directrice générale", "Voorzitter"). Null: the letter names the
-- function without a gendered title ("Direction générale du CPAS").
ALTER TABLE cpas ADD COLUMN director_title text CHECK (director_title IS NULL OR length(director_title) BETWEEN 1 AND 100);
ALTER TABLE cpas ADD COLUMN president_title text CHECK (president_title IS NULL OR length(president_title) BETWEEN 1 AND 100);
