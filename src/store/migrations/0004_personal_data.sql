-- Personal data on accounts: the phone number encrypted (XChaCha20-Poly1305, see
-- app/personal_data/vault.h) with a keyed blind index for exact lookup, and the key version
-- that encrypted it, so `zhijia keys rotate` finds the rows still on an old key.

ALTER TABLE users ADD COLUMN phone_cipher {{bytes}};
ALTER TABLE users ADD COLUMN phone_index TEXT;
ALTER TABLE users ADD COLUMN key_version INTEGER;
CREATE INDEX users_phone_index ON users (phone_index);
CREATE INDEX users_key_version ON users (key_version);
