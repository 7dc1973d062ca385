-- Planner pricing query (bigquery); catalog sql-test-1; columns: planner.
-- Prices every usage row exactly at the prices in effect on its UTC date; rejected rows are counted by reason
-- (status = 'rejected'), never dropped. Costs are exact decimals (whole picodollars).
WITH prices AS (
  SELECT * FROM UNNEST(ARRAY<STRUCT<model_name STRING, billing_id STRING, effective_from DATE, effective_to DATE, max_output_tokens INT64, context_window INT64, text_input_usd BIGNUMERIC, cached_input_usd BIGNUMERIC, audio_input_usd BIGNUMERIC, cached_audio_input_usd BIGNUMERIC, image_input_usd BIGNUMERIC, cached_image_input_usd BIGNUMERIC, text_output_usd BIGNUMERIC, audio_output_usd BIGNUMERIC>>[
    ('gpt-audio-mini', 'gpt-audio-mini', DATE '2025-10-06', DATE '2026-01-16', 16384, 128000, 0.000000600000, 0.000000600000, 0.000010000000, 0.000010000000, NULL, NULL, 0.000002400000, 0.000020000000),
    ('gpt-audio-mini', 'gpt-audio-mini', DATE '2026-01-16', NULL, 16384, 128000, 0.000000500000, 0.000000050000, 0.000008000000, 0.000008000000, NULL, NULL, 0.000002000000, 0.000016000000),
    ('audio-mini', 'gpt-audio-mini', DATE '2025-10-06', DATE '2026-01-16', 16384, 128000, 0.000000600000, 0.000000600000, 0.000010000000, 0.000010000000, NULL, NULL, 0.000002400000, 0.000020000000),
    ('audio-mini', 'gpt-audio-mini', DATE '2026-01-16', NULL, 16384, 128000, 0.000000500000, 0.000000050000, 0.000008000000, 0.000008000000, NULL, NULL, 0.000002000000, 0.000016000000),
    ('gpt-audio-mini-2025-10-06', 'gpt-audio-mini-2025-10-06', DATE '2025-10-06', DATE '2026-01-17', 16384, 128000, 0.000000700000, 0.000000070000, 0.000011000000, 0.000011000000, NULL, NULL, 0.000002800000, 0.000022000000),
    ('gpt-audio-mini-2025-12-15', 'gpt-audio-mini-2025-12-15', DATE '2025-10-06', DATE '2026-01-16', 16384, 128000, 0.000000600000, 0.000000600000, 0.000010000000, 0.000010000000, NULL, NULL, 0.000002400000, 0.000020000000),
    ('gpt-audio-mini-2025-12-15', 'gpt-audio-mini-2025-12-15', DATE '2026-01-16', NULL, 16384, 128000, 0.000000500000, 0.000000050000, 0.000008000000, 0.000008000000, NULL, NULL, 0.000002000000, 0.000016000000),
    ('gpt-audio', 'gpt-audio', DATE '2025-08-28', NULL, 16384, 128000, 0.000002500000, 0.000002500000, 0.000032000000, 0.000032000000, NULL, NULL, 0.000010000000, 0.000064000000),
    ('gpt-audio-2025-08-28', 'gpt-audio-2025-08-28', DATE '2025-08-28', NULL, 16384, 128000, 0.000002500000, 0.000002500000, 0.000032000000, 0.000032000000, NULL, NULL, 0.000010000000, 0.000064000000)
  ])
),
meters AS (
  SELECT * FROM UNNEST(ARRAY<STRUCT<meter STRING, meter_order INT64>>[
    ('text_input', 1),
    ('cached_input', 2),
    ('audio_input', 3),
    ('cached_audio_input', 4),
    ('image_input', 5),
    ('cached_image_input', 6),
    ('text_output', 7),
    ('audio_output', 8)
  ])
),
usage_rows AS (
  SELECT
    timestamp AS ts_raw,
    model AS model_raw,
    1 AS requests_raw,
    input_text_tokens AS text_input_raw,
    cached_input_tokens AS cached_input_raw,
    input_audio_tokens AS audio_input_raw,
    cached_input_audio_tokens AS cached_audio_input_raw,
    input_image_tokens AS image_input_raw,
    cached_input_image_tokens AS cached_image_input_raw,
    output_text_tokens AS text_output_raw,
    output_audio_tokens AS audio_output_raw
  FROM analytics.llm_requests
),
parsed AS (
  SELECT
    u.*,
    SAFE_CAST(u.ts_raw AS TIMESTAMP) AS ts,
    CAST(u.model_raw AS STRING) AS model_text,
    LOWER(TRIM(CAST(u.model_raw AS STRING))) AS model_key,
    SAFE_CAST(u.requests_raw AS INT64) AS requests,
    SAFE_CAST(u.text_input_raw AS INT64) AS text_input_tokens,
    SAFE_CAST(u.cached_input_raw AS INT64) AS cached_input_tokens,
    SAFE_CAST(u.audio_input_raw AS INT64) AS audio_input_tokens,
    SAFE_CAST(u.cached_audio_input_raw AS INT64) AS cached_audio_input_tokens,
    SAFE_CAST(u.image_input_raw AS INT64) AS image_input_tokens,
    SAFE_CAST(u.cached_image_input_raw AS INT64) AS cached_image_input_tokens,
    SAFE_CAST(u.text_output_raw AS INT64) AS text_output_tokens,
    SAFE_CAST(u.audio_output_raw AS INT64) AS audio_output_tokens
  FROM usage_rows u
),
dated AS (
  SELECT p.*, DATE(p.ts, 'UTC') AS day
  FROM parsed p
),
checked AS (
  SELECT
    d.*,
    pr.billing_id,
    CAST(COALESCE(pr.text_input_usd, 0) AS BIGNUMERIC) AS text_input_usd,
    CAST(COALESCE(pr.cached_input_usd, 0) AS BIGNUMERIC) AS cached_input_usd,
    CAST(COALESCE(pr.audio_input_usd, 0) AS BIGNUMERIC) AS audio_input_usd,
    CAST(COALESCE(pr.cached_audio_input_usd, 0) AS BIGNUMERIC) AS cached_audio_input_usd,
    CAST(COALESCE(pr.image_input_usd, 0) AS BIGNUMERIC) AS image_input_usd,
    CAST(COALESCE(pr.cached_image_input_usd, 0) AS BIGNUMERIC) AS cached_image_input_usd,
    CAST(COALESCE(pr.text_output_usd, 0) AS BIGNUMERIC) AS text_output_usd,
    CAST(COALESCE(pr.audio_output_usd, 0) AS BIGNUMERIC) AS audio_output_usd,
    CASE
      WHEN d.ts_raw IS NULL THEN 'missing_field'
      WHEN d.ts IS NULL THEN 'unparsable_field'
      WHEN d.model_key IS NULL OR d.model_key = '' THEN 'missing_field'
      WHEN k.model_name IS NULL THEN 'unknown_model'
      WHEN d.text_input_raw IS NOT NULL AND d.text_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.text_input_tokens < 0 THEN 'negative_count'
      WHEN d.cached_input_raw IS NOT NULL AND d.cached_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.cached_input_tokens < 0 THEN 'negative_count'
      WHEN d.audio_input_raw IS NOT NULL AND d.audio_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.audio_input_tokens < 0 THEN 'negative_count'
      WHEN d.cached_audio_input_raw IS NOT NULL AND d.cached_audio_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.cached_audio_input_tokens < 0 THEN 'negative_count'
      WHEN d.image_input_raw IS NOT NULL AND d.image_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.image_input_tokens < 0 THEN 'negative_count'
      WHEN d.cached_image_input_raw IS NOT NULL AND d.cached_image_input_tokens IS NULL THEN 'unparsable_field'
      WHEN d.cached_image_input_tokens < 0 THEN 'negative_count'
      WHEN d.text_output_raw IS NOT NULL AND d.text_output_tokens IS NULL THEN 'unparsable_field'
      WHEN d.text_output_tokens < 0 THEN 'negative_count'
      WHEN d.audio_output_raw IS NOT NULL AND d.audio_output_tokens IS NULL THEN 'unparsable_field'
      WHEN d.audio_output_tokens < 0 THEN 'negative_count'
      WHEN d.requests_raw IS NOT NULL AND d.requests IS NULL THEN 'unparsable_field'
      WHEN d.requests < 0 THEN 'negative_count'
      WHEN COALESCE(d.text_output_tokens, 0) + COALESCE(d.audio_output_tokens, 0) > k.max_output_tokens THEN 'over_cap'
      WHEN COALESCE(d.text_input_tokens, 0) + COALESCE(d.cached_input_tokens, 0) + COALESCE(d.audio_input_tokens, 0) + COALESCE(d.cached_audio_input_tokens, 0) + COALESCE(d.image_input_tokens, 0) + COALESCE(d.cached_image_input_tokens, 0) + COALESCE(d.text_output_tokens, 0) + COALESCE(d.audio_output_tokens, 0) > k.context_window THEN 'over_cap'
      WHEN pr.billing_id IS NULL THEN 'no_price'
      WHEN pr.text_input_usd IS NULL AND COALESCE(d.text_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.cached_input_usd IS NULL AND COALESCE(d.cached_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.audio_input_usd IS NULL AND COALESCE(d.audio_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.cached_audio_input_usd IS NULL AND COALESCE(d.cached_audio_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.image_input_usd IS NULL AND COALESCE(d.image_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.cached_image_input_usd IS NULL AND COALESCE(d.cached_image_input_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.text_output_usd IS NULL AND COALESCE(d.text_output_tokens, 0) <> 0 THEN 'unpriced_meter'
      WHEN pr.audio_output_usd IS NULL AND COALESCE(d.audio_output_tokens, 0) <> 0 THEN 'unpriced_meter'
    END AS reason
  FROM dated d
  LEFT JOIN (SELECT DISTINCT model_name, max_output_tokens, context_window FROM prices) k ON k.model_name = d.model_key
  LEFT JOIN prices pr ON pr.model_name = d.model_key AND d.day >= pr.effective_from
    AND d.day < COALESCE(CAST(pr.effective_to AS DATE), DATE '9999-12-31')
),
grouped AS (
  SELECT
    reason, day,
    CASE WHEN reason IS NULL THEN billing_id ELSE model_text END AS model,
    COUNT(*) AS usage_rows,
    SUM(CAST(requests AS BIGNUMERIC)) AS requests,
    MIN(ts) AS first_at,
    MAX(ts) AS last_at,
    SUM(CAST(COALESCE(text_input_tokens, 0) AS BIGNUMERIC)) AS text_input_tokens,
    SUM(CAST(COALESCE(text_input_tokens, 0) AS BIGNUMERIC) * text_input_usd) AS text_input_cost,
    SUM(CAST(COALESCE(cached_input_tokens, 0) AS BIGNUMERIC)) AS cached_input_tokens,
    SUM(CAST(COALESCE(cached_input_tokens, 0) AS BIGNUMERIC) * cached_input_usd) AS cached_input_cost,
    SUM(CAST(COALESCE(audio_input_tokens, 0) AS BIGNUMERIC)) AS audio_input_tokens,
    SUM(CAST(COALESCE(audio_input_tokens, 0) AS BIGNUMERIC) * audio_input_usd) AS audio_input_cost,
    SUM(CAST(COALESCE(cached_audio_input_tokens, 0) AS BIGNUMERIC)) AS cached_audio_input_tokens,
    SUM(CAST(COALESCE(cached_audio_input_tokens, 0) AS BIGNUMERIC) * cached_audio_input_usd) AS cached_audio_input_cost,
    SUM(CAST(COALESCE(image_input_tokens, 0) AS BIGNUMERIC)) AS image_input_tokens,
    SUM(CAST(COALESCE(image_input_tokens, 0) AS BIGNUMERIC) * image_input_usd) AS image_input_cost,
    SUM(CAST(COALESCE(cached_image_input_tokens, 0) AS BIGNUMERIC)) AS cached_image_input_tokens,
    SUM(CAST(COALESCE(cached_image_input_tokens, 0) AS BIGNUMERIC) * cached_image_input_usd) AS cached_image_input_cost,
    SUM(CAST(COALESCE(text_output_tokens, 0) AS BIGNUMERIC)) AS text_output_tokens,
    SUM(CAST(COALESCE(text_output_tokens, 0) AS BIGNUMERIC) * text_output_usd) AS text_output_cost,
    SUM(CAST(COALESCE(audio_output_tokens, 0) AS BIGNUMERIC)) AS audio_output_tokens,
    SUM(CAST(COALESCE(audio_output_tokens, 0) AS BIGNUMERIC) * audio_output_usd) AS audio_output_cost
  FROM checked
  GROUP BY reason, day, CASE WHEN reason IS NULL THEN billing_id ELSE model_text END
)
SELECT
  CASE WHEN g.reason IS NULL THEN 'priced' ELSE 'rejected' END AS status,
  g.reason, g.day, g.model,
  CASE WHEN g.reason IS NULL THEN m.meter END AS meter,
  g.usage_rows, g.requests,
  CASE WHEN g.reason IS NULL THEN CASE m.meter
    WHEN 'text_input' THEN g.text_input_tokens
    WHEN 'cached_input' THEN g.cached_input_tokens
    WHEN 'audio_input' THEN g.audio_input_tokens
    WHEN 'cached_audio_input' THEN g.cached_audio_input_tokens
    WHEN 'image_input' THEN g.image_input_tokens
    WHEN 'cached_image_input' THEN g.cached_image_input_tokens
    WHEN 'text_output' THEN g.text_output_tokens
    WHEN 'audio_output' THEN g.audio_output_tokens
  END END AS tokens,
  CAST(CASE WHEN g.reason IS NULL THEN CASE m.meter
    WHEN 'text_input' THEN g.text_input_cost
    WHEN 'cached_input' THEN g.cached_input_cost
    WHEN 'audio_input' THEN g.audio_input_cost
    WHEN 'cached_audio_input' THEN g.cached_audio_input_cost
    WHEN 'image_input' THEN g.image_input_cost
    WHEN 'cached_image_input' THEN g.cached_image_input_cost
    WHEN 'text_output' THEN g.text_output_cost
    WHEN 'audio_output' THEN g.audio_output_cost
  END END AS BIGNUMERIC) AS cost_usd,
  g.first_at, g.last_at
FROM grouped g CROSS JOIN meters m
WHERE g.reason IS NULL OR m.meter_order = 1
ORDER BY status, g.reason, g.day, g.model, m.meter_order
