-- Typed application forms (issue 10): the rental guarantee (garantie locative / huurwaarborg), one of
-- the aids a CPAS grants most, becomes a kind of its own instead of "other", so its form asks the
-- rent and the amount of the guarantee (src/domain/application-forms.ts).
ALTER TABLE application DROP CONSTRAINT application_kind_check;
ALTER TABLE application ADD CONSTRAINT application_kind_check
  CHECK (kind IN ('revenu-integration', 'aide-sociale-financiere', 'aide-medicale-urgente', 'allocation-chauffage', 'mediation-dettes',
                  'garantie-locative', 'other'));
