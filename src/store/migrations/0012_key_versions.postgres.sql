-- Key versions read from the sealed values themselves (app/personal_data/vault.h): the first
-- byte of a sealed value names the key that sealed it. Until now a row's key_version was read
-- from the key ring apart from the seal, so a server that reloaded its key file in between (or
-- a member whose phone was sealed with a newer key than the ID number) wrote a version its
-- ciphertext does not have; a rotation selects rows by key_version, would pass such a row by,
-- and then drop the key it needs. Every row's version is set from its ciphertexts here; a
-- member's is the oldest of its ID number's and phone's. (The SQLite text reads the byte
-- through hex(); PostgreSQL has get_byte.)
-- (get_byte inside CASE: PostgreSQL does not promise to test length first in a WHERE.)
UPDATE users
   SET key_version = CASE WHEN length(phone_cipher) > 0 THEN get_byte(phone_cipher, 0) END
 WHERE CASE WHEN length(phone_cipher) > 0 THEN get_byte(phone_cipher, 0) END IS NOT NULL
   AND key_version IS DISTINCT FROM CASE WHEN length(phone_cipher) > 0 THEN get_byte(phone_cipher, 0) END;

UPDATE members
   SET key_version = LEAST(CASE WHEN length(id_cipher) > 0 THEN get_byte(id_cipher, 0) END,
                           CASE WHEN length(phone_cipher) > 0 THEN get_byte(phone_cipher, 0) END)
 WHERE CASE WHEN length(id_cipher) > 0 THEN get_byte(id_cipher, 0) END IS NOT NULL
   AND key_version <> LEAST(CASE WHEN length(id_cipher) > 0 THEN get_byte(id_cipher, 0) END,
                            CASE WHEN length(phone_cipher) > 0 THEN get_byte(phone_cipher, 0) END);

UPDATE service_requests
   SET key_version = CASE WHEN length(contact_phone_cipher) > 0 THEN get_byte(contact_phone_cipher, 0) END
 WHERE key_version <> CASE WHEN length(contact_phone_cipher) > 0 THEN get_byte(contact_phone_cipher, 0) END;

-- Rotation now re-encrypts requests' contact phones too, in batches by key_version.
CREATE INDEX service_requests_key_version ON service_requests (key_version);
