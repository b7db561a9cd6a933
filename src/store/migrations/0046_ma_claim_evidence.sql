-- Mutual-aid claims, slice 3 (issue 22; docs/design/activities.md "As built (mutual aid …)").
-- A claim's photos and files live in the attachments table of 0041 (owner_kind 'ma_claim',
-- owner_id the claim's id, org_path the claim's: the member's union), so they need no table
-- of their own.
--
-- The workbench's "claims waiting for a decision" counts the filed claims of the plans in the
-- actor's subtree: per plan one range of this index, whatever the decided claims number.
CREATE INDEX ma_claims_queue ON ma_claims (status, plan_id, id);

-- The words of a 12351 request that suggest a mutual-aid claim (the request page then offers
-- one, prefilled): data an administrator may change, not code.
CREATE TABLE ma_prompt_words (
  word TEXT NOT NULL PRIMARY KEY
);
INSERT INTO ma_prompt_words (word) VALUES ('火灾'), ('失火'), ('水管'), ('爆裂'), ('事故'), ('受伤');
