-- The most contested places now: for every place, its latest window of the last 30 days in
-- which the sides (claimant_side) spoke, ranked by how far their views diverge.
CREATE OR REPLACE VIEW `${PROJECT}.${DATASET}.most_contested_now` AS
WITH latest AS (
  SELECT
    d.*,
    ROW_NUMBER() OVER (PARTITION BY d.location_id ORDER BY d.window_start DESC) AS recency
  FROM `${PROJECT}.${DATASET}.divergence` AS d
  WHERE d.source_kind = 'CLAIMANT_SIDE'
    -- Partition filter: only recent windows are scanned.
    AND d.window_start >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
)
SELECT
  RANK() OVER (ORDER BY divergence DESC, sources DESC, claims DESC) AS contest_rank,
  location_id,
  location_name,
  admin1,
  latitude,
  longitude,
  window_start,
  window_end,
  divergence,
  disagreement,
  sources,
  claims,
  ARRAY_TO_STRING(
    ARRAY(SELECT CONCAT(v.source, '=', v.status) FROM UNNEST(views) AS v ORDER BY v.source),
    ', ') AS views_by_side
FROM latest
WHERE recency = 1;
