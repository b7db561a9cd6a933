-- The talent pool of the benchmark (bench/run.sh "talent"): one active member in ten gets an entry,
-- spread over five trades and the five levels by the member's id (the demo's ids are random), so
-- the pool is a tenth of the registry (100,000 entries at 1,000,000 members).
INSERT INTO talent_entries (member_id, federation_id, org_path, trade, skill_level, level_since,
                            level_source, source_id, updated_by, updated_at)
SELECT id, federation_id, org_path,
       CASE (id / 10) % 5 WHEN 0 THEN '电工' WHEN 1 THEN '焊工' WHEN 2 THEN '钳工'
                          WHEN 3 THEN '数控车工' ELSE '汽车维修工' END,
       (id / 50) % 5 + 1, '2020-06-30', 'registry', NULL, NULL, 0
FROM members WHERE status = 'active' AND id % 10 = 0;
