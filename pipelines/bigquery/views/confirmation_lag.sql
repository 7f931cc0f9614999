-- How long the other side takes to answer a claim: for each side's first affirmed claim that a
-- controller holds (or surrounds, or partly holds) a place, the first later claim by another
-- side about the same place, controller and type, as a confirmation (affirmed) or a denial,
-- and the lag in hours. Claims nobody answered yet have response UNANSWERED.
CREATE OR REPLACE VIEW `${PROJECT}.${DATASET}.confirmation_lag` AS
WITH first_claims AS (
  SELECT
    location_id,
    ANY_VALUE(location_name) AS location_name,
    claimant_side,
    claim_type,
    controller,
    MIN(published_at) AS claimed_at
  FROM `${PROJECT}.${DATASET}.claims`
  WHERE polarity = 'AFFIRMED'
    AND controller IS NOT NULL
    AND location_id IS NOT NULL
    AND claimant_side != 'OTHER'
  GROUP BY location_id, claimant_side, claim_type, controller
),
answers AS (
  SELECT
    f.location_id,
    f.claimant_side,
    f.claim_type,
    f.controller,
    ARRAY_AGG(
      STRUCT(r.claimant_side AS side, r.polarity AS polarity, r.published_at AS published_at)
      ORDER BY r.published_at, r.claimant_side, r.polarity LIMIT 1)[OFFSET(0)] AS first_answer
  FROM first_claims AS f
  JOIN `${PROJECT}.${DATASET}.claims` AS r
    ON r.location_id = f.location_id
    AND r.controller = f.controller
    AND r.claim_type = f.claim_type
    AND r.claimant_side != f.claimant_side
    AND r.claimant_side != 'OTHER'
    AND r.published_at >= f.claimed_at
  GROUP BY f.location_id, f.claimant_side, f.claim_type, f.controller
)
SELECT
  f.location_id,
  f.location_name,
  f.claimant_side,
  f.claim_type,
  f.controller,
  f.claimed_at,
  a.first_answer.side AS answering_side,
  CASE a.first_answer.polarity
    WHEN 'AFFIRMED' THEN 'CONFIRMED'
    WHEN 'DENIED' THEN 'DENIED'
    ELSE 'UNANSWERED'
  END AS response,
  a.first_answer.published_at AS answered_at,
  TIMESTAMP_DIFF(a.first_answer.published_at, f.claimed_at, HOUR) AS lag_hours
FROM first_claims AS f
LEFT JOIN answers AS a
  ON a.location_id = f.location_id
  AND a.claimant_side = f.claimant_side
  AND a.claim_type = f.claim_type
  AND a.controller = f.controller;
