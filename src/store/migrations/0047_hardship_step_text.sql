-- The free text of a hardship file's trail (issue 20: hardship data is sensitive personal data,
-- PIPL art. 28): a step's note, the visitors' names and a reason are sealed in text_cipher (a
-- JSON object of those strings, the vault's field "hardship.step_text"); `detail` keeps the
-- rest (dates, codes). Rows written before this keep their text in `detail`. key_version as in
-- every sealed table (store/resealing.h): key rotation re-encrypts the rows that have text.
ALTER TABLE hardship_steps ADD COLUMN text_cipher BLOB;
ALTER TABLE hardship_steps ADD COLUMN key_version INTEGER NOT NULL DEFAULT 0;
