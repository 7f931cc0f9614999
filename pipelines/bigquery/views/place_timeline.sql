-- A place's timeline: per day the claim is about (event_date), what each side and each outlet
-- claimed about it, and when they published it. Filter on location_id (and event_date).
CREATE OR REPLACE VIEW `${PROJECT}.${DATASET}.place_timeline` AS
SELECT
  c.location_id,
  ANY_VALUE(c.location_name) AS location_name,
  ANY_VALUE(c.admin1) AS admin1,
  c.event_date,
  c.date_precision,
  c.claimant_side,
  c.outlet,
  c.claim_type,
  c.controller,
  c.polarity,
  COUNT(*) AS claims,
  COUNT(DISTINCT c.article_id) AS articles,
  MAX(c.percent) AS max_percent,
  ROUND(AVG(c.confidence), 3) AS mean_confidence,
  MIN(c.published_at) AS first_published_at,
  MAX(c.published_at) AS last_published_at,
  ARRAY_AGG(c.evidence ORDER BY c.confidence DESC, c.published_at LIMIT 1)[OFFSET(0)]
    AS example_evidence
FROM `${PROJECT}.${DATASET}.claims` AS c
WHERE c.location_id IS NOT NULL
GROUP BY
  c.location_id, c.event_date, c.date_precision, c.claimant_side, c.outlet, c.claim_type,
  c.controller, c.polarity;
