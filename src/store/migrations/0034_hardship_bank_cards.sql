-- The household's bank card for aid paid by transfer (issue 20): the number sealed (vault field
-- hardship.bank_card; no blind index, nothing looks a card up), its last four digits for masks,
-- the bank's name. One per file (the id is the file's), replaced when the household gives
-- another, erased with the file. Opened only by the finance office's payment list and by a
-- reveal, both with a reason and audited.
CREATE TABLE hardship_bank_cards (
  id BIGINT NOT NULL PRIMARY KEY REFERENCES hardship_files (id),
  bank_name TEXT NOT NULL,
  card_cipher BLOB NOT NULL,
  card_last4 TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
