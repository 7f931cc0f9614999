-- Agreement matrix between sources: for every pair of sources of the same kind (two sides, or
-- two outlets) that both had a view of the same place in the same window, how often their
-- dominant statuses agree and how much their status distributions overlap (1 = identical).
CREATE OR REPLACE VIEW `${PROJECT}.${DATASET}.source_agreement` AS
SELECT
  a.source_kind,
  a.source AS source_a,
  b.source AS source_b,
  COUNT(*) AS shared_views,
  COUNTIF(a.dominant_status = b.dominant_status) AS agreements,
  SAFE_DIVIDE(COUNTIF(a.dominant_status = b.dominant_status), COUNT(*)) AS agreement_rate,
  AVG((
    SELECT SUM(LEAST(x.share, y.share))
    FROM UNNEST(a.status_shares) AS x
    JOIN UNNEST(b.status_shares) AS y ON x.status = y.status
  )) AS mean_overlap,
  MIN(a.window_start) AS first_window,
  MAX(a.window_start) AS last_window
FROM `${PROJECT}.${DATASET}.location_status` AS a
JOIN `${PROJECT}.${DATASET}.location_status` AS b
  ON a.window_start = b.window_start
  AND a.window_end = b.window_end
  AND a.location_id = b.location_id
  AND a.source_kind = b.source_kind
  AND a.source < b.source
GROUP BY a.source_kind, a.source, b.source;
