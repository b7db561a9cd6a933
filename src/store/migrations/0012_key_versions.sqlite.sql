-- Key versions read from the sealed values themselves (app/personal_data/vault.h): the first
-- byte of a sealed value names the key that sealed it. Until now a row's key_version was read
-- from the key ring apart from the seal, so a server that reloaded its key file in between (or
-- a member whose phone was sealed with a newer key than the ID number) wrote a version its
-- ciphertext does not have; a rotation selects rows by key_version, would pass such a row by,
-- and then drop the key it needs. Every row's version is set from its ciphertexts here; a
-- member's is the oldest of its ID number's and phone's. The dialects differ only in how a
-- byte is read: SQLite has no get_byte, so the byte's two hex digits are looked up.
UPDATE users
   SET key_version = (instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 2, 1)) - 1
 WHERE length(phone_cipher) > 0
   AND (key_version IS NULL OR key_version <> (instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 2, 1)) - 1);

UPDATE members
   SET key_version = min((instr('0123456789ABCDEF', substr(hex(substr(id_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(id_cipher, 1, 1)), 2, 1)) - 1,
         CASE WHEN length(phone_cipher) > 0 THEN (instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 2, 1)) - 1 ELSE 256 END)
 WHERE length(id_cipher) > 0
   AND key_version <> min((instr('0123456789ABCDEF', substr(hex(substr(id_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(id_cipher, 1, 1)), 2, 1)) - 1,
         CASE WHEN length(phone_cipher) > 0 THEN (instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(phone_cipher, 1, 1)), 2, 1)) - 1 ELSE 256 END);

UPDATE service_requests
   SET key_version = (instr('0123456789ABCDEF', substr(hex(substr(contact_phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(contact_phone_cipher, 1, 1)), 2, 1)) - 1
 WHERE length(contact_phone_cipher) > 0
   AND key_version <> (instr('0123456789ABCDEF', substr(hex(substr(contact_phone_cipher, 1, 1)), 1, 1)) - 1) * 16
         + instr('0123456789ABCDEF', substr(hex(substr(contact_phone_cipher, 1, 1)), 2, 1)) - 1;

-- Rotation now re-encrypts requests' contact phones too, in batches by key_version.
CREATE INDEX service_requests_key_version ON service_requests (key_version);
