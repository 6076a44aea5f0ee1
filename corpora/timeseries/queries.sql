-- Time-series analytics corpus: correct reference queries.
-- Queries without an `-- @engines:` line run on duckdb, sqlite, postgres and mysql (MariaDB).
-- Portable time handling: timestamps are compared with ISO literals and bucketed with
-- SUBSTR(CAST(ts AS CHAR(19)), 1, n); dialect-specific date arithmetic lives in variants.
-- "Usable" readings are quality = 'good' with a non-NULL value (the -999 error code is 'bad').

-- @id: timeseries.q001
-- Reading volume and quality per device.
SELECT r.device_id,
       COUNT(*) AS readings,
       SUM(CASE WHEN r.quality = 'good' THEN 1 ELSE 0 END)    AS good,
       SUM(CASE WHEN r.quality = 'suspect' THEN 1 ELSE 0 END) AS suspect,
       SUM(CASE WHEN r.quality = 'bad' THEN 1 ELSE 0 END)     AS bad,
       COUNT(r.measured) AS with_value
FROM readings r
GROUP BY r.device_id
ORDER BY r.device_id;

-- @id: timeseries.q002
-- Active sensors that never reported a raw reading, with their metric.
SELECT d.device_id,
       d.serial_no,
       dm.metric,
       s.site_code
FROM devices d
JOIN device_models dm ON dm.model_id = d.model_id
JOIN sites s          ON s.site_id = d.site_id
WHERE d.is_active = TRUE
  AND dm.metric <> 'gateway'
  AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.device_id = d.device_id)
ORDER BY d.device_id;

-- @id: timeseries.q003
-- Latest usable reading of every device.
SELECT device_id, read_at, measured
FROM (
    SELECT r.device_id,
           r.read_at,
           r.measured,
           ROW_NUMBER() OVER (PARTITION BY r.device_id ORDER BY r.read_at DESC) AS rn
    FROM readings r
    WHERE r.quality = 'good'
      AND r.measured IS NOT NULL
) latest
WHERE rn = 1
ORDER BY device_id;

-- @id: timeseries.q004
-- Hourly average temperature per site on New Year's Eve 2023.
SELECT s.site_code,
       SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13) AS hour_bucket,
       COUNT(*)                  AS samples,
       ROUND(AVG(r.measured), 2) AS avg_temp
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
JOIN sites s          ON s.site_id = d.site_id
WHERE dm.metric = 'temperature'
  AND r.quality = 'good'
  AND r.read_at >= '2023-12-31 00:00:00'
  AND r.read_at <  '2024-01-01 00:00:00'
GROUP BY s.site_code, SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13)
ORDER BY s.site_code, hour_bucket;

-- @id: timeseries.q005
-- Daily min / max / average of usable readings per device.
select r.device_id,
       substr(cast(r.read_at as char(19)), 1, 10) as reading_day,
       count(*)                   as samples,
       min(r.measured)            as min_measured,
       max(r.measured)            as max_measured,
       round(avg(r.measured), 3)  as avg_measured
from readings r
where r.quality = 'good'
  and r.measured is not null
group by r.device_id, substr(cast(r.read_at as char(19)), 1, 10)
order by r.device_id, reading_day;

-- @id: timeseries.q006
-- Three-sample moving average for the lobby temperature sensor (device 5).
SELECT read_at,
       measured,
       ROUND(AVG(measured) OVER (ORDER BY read_at ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 3) AS moving_avg_3,
       COUNT(*) OVER (ORDER BY read_at ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)                AS window_size
FROM readings
WHERE device_id = 5
  AND quality = 'good'
ORDER BY read_at;

-- @id: timeseries.q007
-- Largest sample-to-sample jumps per device (usable readings only).
WITH deltas AS (
    SELECT device_id,
           read_at,
           measured,
           measured - LAG(measured) OVER (PARTITION BY device_id ORDER BY read_at) AS delta
    FROM readings
    WHERE quality = 'good'
      AND measured IS NOT NULL
),
ranked AS (
    SELECT d.*,
           ROW_NUMBER() OVER (PARTITION BY d.device_id ORDER BY ABS(d.delta) DESC, d.read_at) AS rn
    FROM deltas d
    WHERE d.delta IS NOT NULL
)
SELECT device_id, read_at, measured, delta
FROM ranked
WHERE rn <= 2
ORDER BY device_id, rn;

-- @id: timeseries.q008
-- Hour-of-day profile of power consumption (hours 0-23 from a recursive CTE).
WITH RECURSIVE hours (h) AS (
    SELECT 0
    UNION ALL
    SELECT h + 1 FROM hours WHERE h < 23
),
power_readings AS (
    SELECT CAST(SUBSTR(CAST(r.read_at AS CHAR(19)), 12, 2) AS INTEGER) AS hour_of_day,
           r.measured
    FROM readings r
    JOIN devices d        ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'power'
      AND r.quality = 'good'
)
SELECT hours.h AS hour_of_day,
       COUNT(pr.measured)          AS samples,
       ROUND(AVG(pr.measured), 2)  AS avg_kw,
       MAX(pr.measured)            AS peak_kw
FROM hours
LEFT JOIN power_readings pr ON pr.hour_of_day = hours.h
GROUP BY hours.h
ORDER BY hours.h;

-- @id: timeseries.q009
-- Days where a device delivered fewer than 24 hourly readings.
SELECT device_id,
       SUBSTR(CAST(read_at AS CHAR(19)), 1, 10) AS reading_day,
       COUNT(*) AS readings,
       24 - COUNT(*) AS missing_hours
FROM readings
GROUP BY device_id, SUBSTR(CAST(read_at AS CHAR(19)), 1, 10)
HAVING COUNT(*) < 24
ORDER BY missing_hours DESC, device_id, reading_day;

-- @id: timeseries.q010
-- Site hierarchy: every site with its depth and top-level ancestor.
WITH RECURSIVE tree AS (
    SELECT site_id, site_code, parent_site_id, site_id AS root_id, 0 AS depth
    FROM sites
    WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, s.site_code, s.parent_site_id, t.root_id, t.depth + 1
    FROM sites s
    JOIN tree t ON s.parent_site_id = t.site_id
)
SELECT t.site_id,
       t.site_code,
       t.depth,
       r.site_code AS root_code
FROM tree t
JOIN sites r ON r.site_id = t.root_id
ORDER BY r.site_code, t.depth, t.site_code;

-- @id: timeseries.q011
-- Devices per campus including devices in buildings and rooms below it.
WITH RECURSIVE descendants AS (
    SELECT site_id AS campus_id, site_id
    FROM sites
    WHERE parent_site_id IS NULL
    UNION ALL
    SELECT d.campus_id, s.site_id
    FROM descendants d
    JOIN sites s ON s.parent_site_id = d.site_id
)
SELECT c.site_code AS campus,
       COUNT(DISTINCT d.site_id)  AS sites_in_tree,
       COUNT(dev.device_id)       AS devices,
       SUM(CASE WHEN dev.is_active THEN 1 ELSE 0 END) AS active_devices
FROM descendants d
JOIN sites c ON c.site_id = d.campus_id
LEFT JOIN devices dev ON dev.site_id = d.site_id
GROUP BY c.site_code
ORDER BY devices DESC, campus;

-- @id: timeseries.q012
-- @engines: duckdb,postgres,sqlite
-- Full site paths built with the || operator.
WITH RECURSIVE paths AS (
    SELECT site_id, CAST(site_code AS VARCHAR(200)) AS site_path, 0 AS depth
    FROM sites
    WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, CAST(p.site_path || ' > ' || s.site_code AS VARCHAR(200)), p.depth + 1
    FROM sites s
    JOIN paths p ON s.parent_site_id = p.site_id
)
SELECT site_id, site_path, depth
FROM paths
ORDER BY site_path;

-- @id: timeseries.q013
-- @engines: mysql,postgres,duckdb
-- Full site paths built with CONCAT.
WITH RECURSIVE paths AS (
    SELECT site_id, CAST(site_code AS VARCHAR(200)) AS site_path, 0 AS depth
    FROM sites
    WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, CAST(CONCAT(p.site_path, ' > ', s.site_code) AS VARCHAR(200)), p.depth + 1
    FROM sites s
    JOIN paths p ON s.parent_site_id = p.site_id
)
SELECT site_id, site_path, depth
FROM paths
ORDER BY site_path;

-- @id: timeseries.q014
-- Sensors attached to each gateway, and sensors whose gateway is retired.
SELECT g.device_id                 AS gateway_id,
       g.device_label              AS gateway_label,
       g.retired_on                AS gateway_retired_on,
       COUNT(s.device_id)          AS sensors,
       SUM(CASE WHEN s.is_active THEN 1 ELSE 0 END) AS active_sensors
FROM devices g
JOIN device_models gm ON gm.model_id = g.model_id AND gm.metric = 'gateway'
LEFT JOIN devices s   ON s.gateway_id = g.device_id
GROUP BY g.device_id, g.device_label, g.retired_on
ORDER BY g.device_id;

-- @id: timeseries.q015
-- Readings outside the model's valid range, per device.
SELECT d.device_id,
       dm.vendor,
       dm.model_name,
       dm.min_valid,
       dm.max_valid,
       COUNT(*) AS out_of_range,
       MIN(r.measured) AS lowest,
       MAX(r.measured) AS highest
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
WHERE r.measured < dm.min_valid
   OR r.measured > dm.max_valid
GROUP BY d.device_id, dm.vendor, dm.model_name, dm.min_valid, dm.max_valid
ORDER BY out_of_range DESC, d.device_id;

-- @id: timeseries.q016
-- Error-code (-999) and missing values as a share of all readings per device.
SELECT device_id,
       COUNT(*) AS readings,
       SUM(CASE WHEN measured = -999 THEN 1 ELSE 0 END)   AS error_codes,
       SUM(CASE WHEN measured IS NULL THEN 1 ELSE 0 END)  AS missing_values,
       ROUND(100.0 * SUM(CASE WHEN measured = -999 OR measured IS NULL THEN 1 ELSE 0 END) / COUNT(*), 2) AS unusable_pct
FROM readings
GROUP BY device_id
HAVING SUM(CASE WHEN measured = -999 OR measured IS NULL THEN 1 ELSE 0 END) > 0
ORDER BY unusable_pct DESC, device_id;

-- @id: timeseries.q017
-- Stuck sensors: runs of three or more identical consecutive values (gaps and islands).
WITH ordered AS (
    SELECT device_id,
           read_at,
           measured,
           ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY read_at) AS seq_all,
           ROW_NUMBER() OVER (PARTITION BY device_id, measured ORDER BY read_at) AS seq_value
    FROM readings
    WHERE measured IS NOT NULL
),
runs AS (
    SELECT device_id,
           measured,
           seq_all - seq_value AS island,
           COUNT(*)     AS run_length,
           MIN(read_at) AS run_start,
           MAX(read_at) AS run_end
    FROM ordered
    GROUP BY device_id, measured, seq_all - seq_value
)
SELECT device_id, measured, run_length, run_start, run_end
FROM runs
WHERE run_length >= 3
ORDER BY run_length DESC, device_id, run_start;

-- @id: timeseries.q018
-- Rollup reconciliation: days where the stored sample count differs from the raw data.
WITH raw_daily AS (
    SELECT device_id,
           SUBSTR(CAST(read_at AS CHAR(19)), 1, 10) AS reading_day,
           SUM(CASE WHEN measured IS NOT NULL AND measured <> -999 THEN 1 ELSE 0 END) AS usable
    FROM readings
    GROUP BY device_id, SUBSTR(CAST(read_at AS CHAR(19)), 1, 10)
)
SELECT dr.device_id,
       dr.day_of,
       dr.sample_count,
       rd.usable AS raw_usable,
       dr.sample_count - rd.usable AS difference
FROM daily_rollups dr
JOIN raw_daily rd
  ON rd.device_id = dr.device_id
 AND rd.reading_day = CAST(dr.day_of AS CHAR(10))
WHERE dr.sample_count <> rd.usable
ORDER BY dr.device_id, dr.day_of;

-- @id: timeseries.q019
-- Seven-day moving average of the daily average, freezer 1 (device 25) in January 2024.
SELECT day_of,
       ROUND(CAST(avg_measured AS DECIMAL(12, 4)), 2) AS daily_avg,
       ROUND(CAST(AVG(avg_measured) OVER (ORDER BY day_of
                                          ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS DECIMAL(12, 4)), 2) AS avg_7d
FROM daily_rollups
WHERE device_id = 25
  AND day_of BETWEEN '2024-01-01' AND '2024-01-31'
ORDER BY day_of;

-- @id: timeseries.q020
-- Cumulative daily energy (kWh = average kW x sampled hours) per power meter, February 2024.
SELECT dr.device_id,
       dr.day_of,
       ROUND(CAST(dr.avg_measured * dr.sample_count AS DECIMAL(14, 3)), 1) AS kwh,
       SUM(ROUND(CAST(dr.avg_measured * dr.sample_count AS DECIMAL(14, 3)), 1))
           OVER (PARTITION BY dr.device_id ORDER BY dr.day_of
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS kwh_month_to_date
FROM daily_rollups dr
JOIN devices d        ON d.device_id = dr.device_id
JOIN device_models dm ON dm.model_id = d.model_id
WHERE dm.metric = 'power'
  AND dr.day_of >= '2024-02-01'
  AND dr.day_of <  '2024-03-01'
  AND dr.avg_measured IS NOT NULL
ORDER BY dr.device_id, dr.day_of;

-- @id: timeseries.q021
-- Devices with at least three days of uptime below 90 %.
select device_id
     , count(*)        as poor_days
     , min(uptime_pct) as worst_uptime
     , min(day_of)     as first_poor_day
  from daily_rollups
 where uptime_pct < 90
 group by device_id
having count(*) >= 3
 order by poor_days desc, device_id;

-- @id: timeseries.q022
-- Alert volume per rule and severity, with open alerts.
SELECT ar.severity,
       ar.rule_code,
       COUNT(a.alert_id) AS alerts,
       SUM(CASE WHEN a.cleared_at IS NULL AND a.alert_id IS NOT NULL THEN 1 ELSE 0 END) AS still_open
FROM alert_rules ar
LEFT JOIN alerts a ON a.rule_code = ar.rule_code
GROUP BY ar.severity, ar.rule_code
ORDER BY CASE ar.severity WHEN 'critical' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END,
         alerts DESC,
         ar.rule_code;

-- @id: timeseries.q023
-- Alerts raised while their site was under maintenance (candidates for suppression).
SELECT a.alert_id,
       a.device_id,
       a.rule_code,
       a.raised_at,
       mw.maint_id,
       mw.reason
FROM alerts a
JOIN devices d ON d.device_id = a.device_id
JOIN maintenance_windows mw
  ON mw.site_id = d.site_id
 AND (mw.device_id IS NULL OR mw.device_id = a.device_id)
 AND a.raised_at >= mw.starts_at
 AND (mw.ends_at IS NULL OR a.raised_at < mw.ends_at)
ORDER BY a.raised_at, a.alert_id;

-- @id: timeseries.q024
-- Open critical alerts nobody has acknowledged, with location.
SELECT a.alert_id,
       a.raised_at,
       a.rule_code,
       d.serial_no,
       s.site_name,
       COALESCE(d.device_label, '(no label)') AS device_label
FROM alerts a
JOIN alert_rules ar ON ar.rule_code = a.rule_code
JOIN devices d      ON d.device_id = a.device_id
JOIN sites s        ON s.site_id = d.site_id
WHERE ar.severity = 'critical'
  AND a.cleared_at IS NULL
  AND a.acknowledged_by IS NULL
ORDER BY a.raised_at, a.alert_id;

-- @id: timeseries.q025
-- Technician workload: maintenance windows, closed windows and labour cost.
SELECT t.technician_id,
       t.full_name,
       COALESCE(t.employer, 'in-house') AS employer,
       COUNT(mw.maint_id)               AS windows,
       COUNT(mw.ends_at)                AS closed_windows,
       COALESCE(SUM(mw.labour_cost), 0) AS labour_cost
FROM technicians t
LEFT JOIN maintenance_windows mw ON mw.technician_id = t.technician_id
GROUP BY t.technician_id, t.full_name, t.employer
ORDER BY labour_cost DESC, t.technician_id;

-- @id: timeseries.q026
-- Technicians who never acknowledged a critical alert.
SELECT technician_id FROM technicians
EXCEPT
SELECT a.acknowledged_by
FROM alerts a
JOIN alert_rules ar ON ar.rule_code = a.rule_code
WHERE ar.severity = 'critical'
  AND a.acknowledged_by IS NOT NULL
ORDER BY 1;

-- @id: timeseries.q027
-- Devices that had both an alert and a device-specific maintenance window.
SELECT device_id FROM alerts
INTERSECT
SELECT device_id FROM maintenance_windows WHERE device_id IS NOT NULL
ORDER BY device_id;

-- @id: timeseries.q028
-- Event timeline for the cold store door sensor (device 12): alerts and maintenance together.
SELECT 'alert' AS event_type, a.raised_at AS event_at, a.rule_code AS detail
FROM alerts a
WHERE a.device_id = 12
UNION ALL
SELECT 'maintenance', mw.starts_at, mw.reason
FROM maintenance_windows mw
WHERE mw.device_id = 12
   OR (mw.device_id IS NULL AND mw.site_id = (SELECT site_id FROM devices WHERE device_id = 12))
ORDER BY event_at, event_type;

-- @id: timeseries.q029
-- Sites without any active sensor (gateways don't count).
SELECT s.site_id, s.site_code, s.site_kind
FROM sites s
WHERE NOT EXISTS (
    SELECT 1
    FROM devices d
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE d.site_id = s.site_id
      AND d.is_active = TRUE
      AND dm.metric <> 'gateway'
)
ORDER BY s.site_id;

-- @id: timeseries.q030
-- Share of good readings per campus and observation window.
WITH RECURSIVE campus_of AS (
    SELECT site_id, site_id AS campus_id FROM sites WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, c.campus_id FROM sites s JOIN campus_of c ON s.parent_site_id = c.site_id
)
SELECT cs.site_code AS campus,
       CASE WHEN r.read_at < '2024-02-01' THEN 'year-end' ELSE 'leap-week' END AS obs_window,
       COUNT(*) AS readings,
       ROUND(100.0 * SUM(CASE WHEN r.quality = 'good' THEN 1 ELSE 0 END) / COUNT(*), 2) AS good_pct
FROM readings r
JOIN devices d    ON d.device_id = r.device_id
JOIN campus_of co ON co.site_id = d.site_id
JOIN sites cs     ON cs.site_id = co.campus_id
GROUP BY cs.site_code, CASE WHEN r.read_at < '2024-02-01' THEN 'year-end' ELSE 'leap-week' END
ORDER BY campus, obs_window;

-- @id: timeseries.q031
-- Daily peak hour for each power meter.
WITH ranked AS (
    SELECT r.device_id,
           SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 10) AS reading_day,
           r.read_at,
           r.measured,
           ROW_NUMBER() OVER (PARTITION BY r.device_id, SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 10)
                              ORDER BY r.measured DESC, r.read_at) AS rn
    FROM readings r
    JOIN devices d        ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'power'
      AND r.quality = 'good'
)
SELECT device_id, reading_day, read_at AS peak_at, measured AS peak_kw
FROM ranked
WHERE rn = 1
ORDER BY device_id, reading_day;

-- @id: timeseries.q032
-- Night-time (21:00-05:59) power readings that are exactly zero versus non-zero.
SELECT r.device_id,
       SUM(CASE WHEN r.measured = 0 THEN 1 ELSE 0 END)  AS zero_readings,
       SUM(CASE WHEN r.measured <> 0 THEN 1 ELSE 0 END) AS non_zero_readings
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
WHERE dm.metric = 'power'
  AND (SUBSTR(CAST(r.read_at AS CHAR(19)), 12, 2) >= '21'
       OR SUBSTR(CAST(r.read_at AS CHAR(19)), 12, 2) < '06')
GROUP BY r.device_id
ORDER BY r.device_id;

-- @id: timeseries.q033
-- Raw threshold breaches per rule, evaluated against the alert rule table.
SELECT ar.rule_code,
       ar.comparator,
       ar.threshold_val,
       COUNT(*) AS breaching_readings,
       COUNT(DISTINCT r.device_id) AS devices
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
JOIN alert_rules ar   ON ar.metric = dm.metric
WHERE r.quality <> 'bad'
  AND ((ar.comparator = '>' AND r.measured > ar.threshold_val)
       OR (ar.comparator = '<' AND r.measured < ar.threshold_val))
GROUP BY ar.rule_code, ar.comparator, ar.threshold_val
ORDER BY breaching_readings DESC, ar.rule_code;

-- @id: timeseries.q034
-- Breaching readings that did not open an alert at that exact moment (alert already open).
SELECT r.device_id,
       ar.rule_code,
       COUNT(*) AS breaches_without_new_alert
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
JOIN alert_rules ar   ON ar.metric = dm.metric
LEFT JOIN alerts a
       ON a.device_id = r.device_id
      AND a.rule_code = ar.rule_code
      AND a.raised_at = r.read_at
WHERE r.measured IS NOT NULL
  AND r.measured <> -999
  AND ((ar.comparator = '>' AND r.measured > ar.threshold_val)
       OR (ar.comparator = '<' AND r.measured < ar.threshold_val))
  AND a.alert_id IS NULL
GROUP BY r.device_id, ar.rule_code
ORDER BY breaches_without_new_alert DESC, r.device_id, ar.rule_code;

-- @id: timeseries.q035
-- Widest daily temperature swing per site (from rollups), top 10.
SELECT s.site_code,
       dr.device_id,
       dr.day_of,
       dr.max_measured - dr.min_measured AS daily_range
FROM daily_rollups dr
JOIN devices d        ON d.device_id = dr.device_id
JOIN device_models dm ON dm.model_id = d.model_id
JOIN sites s          ON s.site_id = d.site_id
WHERE dm.metric = 'temperature'
  AND dr.max_measured IS NOT NULL
ORDER BY daily_range DESC, dr.device_id, dr.day_of
LIMIT 10;

-- @id: timeseries.q036
-- Battery drain per device and observation window (first vs last battery level).
SELECT DISTINCT
       device_id,
       obs_window,
       FIRST_VALUE(battery_pct) OVER w AS battery_start,
       LAST_VALUE(battery_pct)  OVER w AS battery_end,
       FIRST_VALUE(battery_pct) OVER w - LAST_VALUE(battery_pct) OVER w AS drained
FROM (
    SELECT device_id,
           read_at,
           battery_pct,
           CASE WHEN read_at < '2024-02-01' THEN 1 ELSE 2 END AS obs_window
    FROM readings
    WHERE battery_pct IS NOT NULL
) b
WINDOW w AS (PARTITION BY device_id, obs_window
             ORDER BY read_at
             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY device_id, obs_window;

-- @id: timeseries.q037
-- Battery-powered devices whose latest battery level is below 25 %.
SELECT r.device_id, r.read_at, r.battery_pct
FROM readings r
WHERE r.battery_pct < 25
  AND r.read_at = (SELECT MAX(r2.read_at)
                   FROM readings r2
                   WHERE r2.device_id = r.device_id
                     AND r2.battery_pct IS NOT NULL)
ORDER BY r.battery_pct, r.device_id;

-- @id: timeseries.q038
-- CO2 air-quality bands: usable readings per band and device.
SELECT r.device_id,
       CASE
           WHEN r.measured < 800  THEN '1 good'
           WHEN r.measured < 1200 THEN '2 moderate'
           WHEN r.measured < 2000 THEN '3 poor'
           ELSE '4 hazardous'
       END AS band,
       COUNT(*) AS readings
FROM readings r
JOIN devices d ON d.device_id = r.device_id
WHERE d.model_id = (SELECT model_id FROM device_models WHERE metric = 'co2')
  AND r.quality = 'good'
  AND r.measured IS NOT NULL
GROUP BY r.device_id,
         CASE
             WHEN r.measured < 800  THEN '1 good'
             WHEN r.measured < 1200 THEN '2 moderate'
             WHEN r.measured < 2000 THEN '3 poor'
             ELSE '4 hazardous'
         END
ORDER BY r.device_id, band;

-- @id: timeseries.q039
-- Pressure histogram in 5 hPa buckets for the weather mast.
SELECT ROUND((measured - 2.5) / 5, 0) * 5 AS bucket_from,
       COUNT(*) AS readings
FROM readings
WHERE device_id = 17
  AND quality = 'good'
GROUP BY ROUND((measured - 2.5) / 5, 0) * 5
ORDER BY bucket_from;

-- @id: timeseries.q040
-- Readings more than 20 % above the device's own usable average.
SELECT r.device_id, r.read_at, r.measured
FROM readings r
WHERE r.quality = 'good'
  AND r.measured > 0
  AND r.measured > 1.2 * (SELECT AVG(r2.measured)
                           FROM readings r2
                           WHERE r2.device_id = r.device_id
                             AND r2.quality = 'good')
  AND r.device_id IN (SELECT d.device_id
                      FROM devices d
                      JOIN device_models dm ON dm.model_id = d.model_id
                      WHERE dm.metric IN ('temperature', 'humidity'))
ORDER BY r.device_id, r.read_at;

-- @id: timeseries.q041
-- How much of the raw data falls into each observation window (scalar subqueries).
select (select count(*) from readings where read_at <  '2024-02-01') as year_end_readings,
       (select count(*) from readings where read_at >= '2024-02-01') as leap_week_readings,
       (select count(*) from readings)                               as total_readings,
       (select count(distinct device_id) from readings)              as reporting_devices;

-- @id: timeseries.q042
-- Temperature and humidity measured at the same site in the same hour.
SELECT t.device_id AS temp_device,
       h.device_id AS humid_device,
       SUBSTR(CAST(t.read_at AS CHAR(19)), 1, 13) AS hour_bucket,
       t.measured AS temp_c,
       h.measured AS humidity_pct
FROM readings t
JOIN devices dt        ON dt.device_id = t.device_id
JOIN device_models mt  ON mt.model_id = dt.model_id AND mt.metric = 'temperature'
JOIN devices dh        ON dh.site_id = dt.site_id
JOIN device_models mh  ON mh.model_id = dh.model_id AND mh.metric = 'humidity'
JOIN readings h
  ON h.device_id = dh.device_id
 AND SUBSTR(CAST(h.read_at AS CHAR(19)), 1, 13) = SUBSTR(CAST(t.read_at AS CHAR(19)), 1, 13)
WHERE t.quality = 'good'
  AND h.quality = 'good'
  AND t.read_at >= '2024-02-29 00:00:00'
  AND t.read_at <  '2024-03-01 00:00:00'
ORDER BY hour_bucket, temp_device;

-- @id: timeseries.q043
-- Sites ranked by average CO2 level (usable raw readings).
SELECT s.site_code,
       ROUND(AVG(r.measured), 1) AS avg_ppm,
       DENSE_RANK() OVER (ORDER BY ROUND(AVG(r.measured), 1) DESC) AS stuffiness_rank
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
JOIN sites s          ON s.site_id = d.site_id
WHERE dm.metric = 'co2'
  AND r.quality = 'good'
GROUP BY s.site_code
ORDER BY stuffiness_rank, s.site_code;

-- @id: timeseries.q044
-- Percent rank of reporting devices by their unusable-reading ratio.
SELECT device_id,
       unusable,
       readings,
       ROUND(CAST(PERCENT_RANK() OVER (ORDER BY unusable * 1.0 / readings, device_id) AS DECIMAL(10, 4)), 3) AS pct_rank
FROM (
    SELECT device_id,
           COUNT(*) AS readings,
           SUM(CASE WHEN quality = 'good' THEN 0 ELSE 1 END) AS unusable
    FROM readings
    GROUP BY device_id
) q
ORDER BY pct_rank DESC, device_id;

-- @id: timeseries.q045
-- Devices installed per year with a running total.
SELECT SUBSTR(CAST(installed_on AS CHAR(10)), 1, 4) AS install_year,
       COUNT(*) AS installed,
       SUM(COUNT(*)) OVER (ORDER BY SUBSTR(CAST(installed_on AS CHAR(10)), 1, 4)) AS fleet_size
FROM devices
GROUP BY SUBSTR(CAST(installed_on AS CHAR(10)), 1, 4)
ORDER BY install_year;

-- @id: timeseries.q046
-- Firmware in the field, unknown versions reported separately.
SELECT COALESCE(firmware, 'unknown')  AS firmware_version,
       COUNT(*)                        AS devices,
       SUM(CASE WHEN is_active THEN 1 ELSE 0 END) AS active,
       CASE WHEN firmware LIKE 'gw-%' THEN 'gateway' ELSE 'sensor' END AS firmware_line
FROM devices
GROUP BY firmware
ORDER BY firmware_line, devices DESC, 1;

-- @id: timeseries.q047
-- Device labels cleaned up: blank and missing labels grouped together.
SELECT COALESCE(NULLIF(TRIM(device_label), ''), '(unlabelled)') AS label_clean,
       UPPER(REPLACE(COALESCE(NULLIF(TRIM(device_label), ''), 'unlabelled'), ' ', '_')) AS label_key,
       COUNT(*) AS devices
FROM devices
GROUP BY COALESCE(NULLIF(TRIM(device_label), ''), '(unlabelled)'),
         UPPER(REPLACE(COALESCE(NULLIF(TRIM(device_label), ''), 'unlabelled'), ' ', '_'))
HAVING COUNT(*) > 1
ORDER BY devices DESC, label_key;

-- @id: timeseries.q048
-- Serial number prefixes versus vendors.
SELECT SUBSTR(d.serial_no, 1, 5) AS serial_prefix,
       dm.vendor,
       COUNT(*) AS devices,
       MIN(d.serial_no) AS first_serial,
       MAX(d.serial_no) AS last_serial
FROM devices d
JOIN device_models dm ON dm.model_id = d.model_id
GROUP BY SUBSTR(d.serial_no, 1, 5), dm.vendor
ORDER BY serial_prefix, dm.vendor;

-- @id: timeseries.q049
-- Nearest geo-located sites to the weather mast (squared-degree distance).
SELECT s.site_code,
       s.site_name,
       ROUND(CAST((s.latitude - m.latitude) * (s.latitude - m.latitude)
                  + (s.longitude - m.longitude) * (s.longitude - m.longitude) AS DECIMAL(18, 10)), 8) AS dist_sq
FROM sites s
CROSS JOIN sites m
WHERE m.site_code = 'WX1'
  AND s.site_id <> m.site_id
  AND s.latitude IS NOT NULL
ORDER BY dist_sq, s.site_code
LIMIT 5;

-- @id: timeseries.q050
-- Overlapping maintenance windows at the same site.
SELECT a.site_id,
       a.maint_id AS first_window,
       b.maint_id AS overlapping_window,
       a.starts_at,
       a.ends_at,
       b.starts_at AS other_starts_at
FROM maintenance_windows a
JOIN maintenance_windows b
  ON b.site_id = a.site_id
 AND b.maint_id > a.maint_id
 AND b.starts_at < COALESCE(a.ends_at, '2100-01-01 00:00:00')
 AND a.starts_at < COALESCE(b.ends_at, '2100-01-01 00:00:00')
ORDER BY a.site_id, a.maint_id, b.maint_id;

-- @id: timeseries.q051
-- Maintenance cost per site and month with a grand total row (UNION ALL).
SELECT site_code, mon, windows, cost
FROM (
    SELECT s.site_code,
           SUBSTR(CAST(mw.starts_at AS CHAR(19)), 1, 7) AS mon,
           COUNT(*) AS windows,
           SUM(COALESCE(mw.labour_cost, 0)) AS cost,
           0 AS sort_key
    FROM maintenance_windows mw
    JOIN sites s ON s.site_id = mw.site_id
    GROUP BY s.site_code, SUBSTR(CAST(mw.starts_at AS CHAR(19)), 1, 7)
    UNION ALL
    SELECT 'ALL', 'ALL', COUNT(*), SUM(COALESCE(labour_cost, 0)), 1
    FROM maintenance_windows
) report
ORDER BY sort_key, site_code, mon;

-- @id: timeseries.q052
-- Devices that raised alerts in both observation windows.
SELECT device_id FROM alerts
WHERE raised_at >= '2023-12-29' AND raised_at < '2024-01-04'
INTERSECT
SELECT device_id FROM alerts
WHERE raised_at >= '2024-02-27' AND raised_at < '2024-03-03'
ORDER BY device_id;

-- @id: timeseries.q053
-- Devices with raw readings but no rollups, and vice versa.
SELECT 'raw only' AS coverage, device_id
FROM (SELECT device_id FROM readings
      EXCEPT
      SELECT device_id FROM daily_rollups) x
UNION ALL
SELECT 'rollups only', device_id
FROM (SELECT device_id FROM daily_rollups
      EXCEPT
      SELECT device_id FROM readings) y
ORDER BY coverage, device_id;

-- @id: timeseries.q054
-- Outage days in the rollups (no usable samples) per device.
select device_id,
       count(*) as rollup_days,
       sum(case when avg_measured is null then 1 else 0 end) as outage_days,
       round(avg(coalesce(uptime_pct, 0)), 2) as avg_uptime_pct
from daily_rollups
group by device_id
order by outage_days desc, device_id;

-- @id: timeseries.q055
-- Rollup average versus raw average for the days that have raw data.
SELECT dr.device_id,
       dr.day_of,
       ROUND(CAST(dr.avg_measured AS DECIMAL(14, 4)), 3) AS rollup_avg,
       ROUND(AVG(r.measured), 3) AS raw_avg,
       ROUND(ABS(CAST(dr.avg_measured AS DECIMAL(14, 4)) - AVG(r.measured)), 4) AS abs_diff
FROM daily_rollups dr
JOIN readings r
  ON r.device_id = dr.device_id
 AND SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 10) = CAST(dr.day_of AS CHAR(10))
WHERE r.measured IS NOT NULL
  AND r.measured <> -999
  AND dr.device_id IN (5, 9, 25)
GROUP BY dr.device_id, dr.day_of, dr.avg_measured
ORDER BY dr.device_id, dr.day_of;

-- @id: timeseries.q056
-- Monthly sample-weighted average per temperature device from the rollups.
SELECT dr.device_id,
       SUBSTR(CAST(dr.day_of AS CHAR(10)), 1, 7) AS mon,
       SUM(dr.sample_count) AS samples,
       ROUND(CAST(SUM(dr.avg_measured * dr.sample_count) / NULLIF(SUM(dr.sample_count), 0) AS DECIMAL(12, 4)), 2) AS weighted_avg,
       MIN(dr.min_measured) AS month_min,
       MAX(dr.max_measured) AS month_max
FROM daily_rollups dr
JOIN devices d        ON d.device_id = dr.device_id
JOIN device_models dm ON dm.model_id = d.model_id
WHERE dm.metric = 'temperature'
GROUP BY dr.device_id, SUBSTR(CAST(dr.day_of AS CHAR(10)), 1, 7)
ORDER BY dr.device_id, mon;

-- @id: timeseries.q057
-- Readings around the year boundary (22:00 on 31 Dec to 02:00 on 1 Jan).
SELECT device_id,
       COUNT(*)       AS readings,
       MIN(read_at)   AS first_at,
       MAX(read_at)   AS last_at,
       SUM(CASE WHEN read_at >= '2024-01-01 00:00:00' THEN 1 ELSE 0 END) AS in_2024
FROM readings
WHERE read_at BETWEEN '2023-12-31 22:00:00' AND '2024-01-01 02:00:00'
GROUP BY device_id
ORDER BY device_id;

-- @id: timeseries.q058
-- Leap day compared with the days around it, from the rollups.
SELECT dr.device_id,
       MAX(CASE WHEN dr.day_of = '2024-02-28' THEN dr.sample_count END) AS samples_feb28,
       MAX(CASE WHEN dr.day_of = '2024-02-29' THEN dr.sample_count END) AS samples_feb29,
       MAX(CASE WHEN dr.day_of = '2024-03-01' THEN dr.sample_count END) AS samples_mar01
FROM daily_rollups dr
WHERE dr.day_of BETWEEN '2024-02-28' AND '2024-03-01'
GROUP BY dr.device_id
ORDER BY dr.device_id;

-- @id: timeseries.q059
-- Three highest CO2 readings per device (ties share a rank).
SELECT device_id, read_at, measured, rnk
FROM (
    SELECT r.device_id,
           r.read_at,
           r.measured,
           RANK() OVER (PARTITION BY r.device_id ORDER BY r.measured DESC) AS rnk
    FROM readings r
    JOIN devices d ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'co2'
      AND r.quality = 'good'
) ranked
WHERE rnk <= 3
ORDER BY device_id, rnk, read_at;

-- @id: timeseries.q060
-- Alerts that re-fired for the same device and rule, with the next firing time.
SELECT alert_id,
       device_id,
       rule_code,
       raised_at,
       cleared_at,
       LEAD(raised_at) OVER (PARTITION BY device_id, rule_code ORDER BY raised_at, alert_id) AS next_raised_at
FROM alerts
WHERE rule_code IN ('FREEZER_WARM', 'TEMP_CRIT', 'SENSOR_FAULT')
ORDER BY device_id, rule_code, raised_at, alert_id;

-- @id: timeseries.q061
-- Day-over-day change of the daily average for the rack temperature sensor.
SELECT day_of,
       ROUND(CAST(avg_measured AS DECIMAL(12, 4)), 2) AS daily_avg,
       ROUND(CAST(avg_measured - LAG(avg_measured) OVER (ORDER BY day_of) AS DECIMAL(12, 4)), 2) AS change_vs_prev
FROM daily_rollups
WHERE device_id = 9
  AND day_of >= '2024-02-20'
ORDER BY day_of;

-- @id: timeseries.q062
-- Alerts not backed by any raw reading of the device on the day they were raised
-- (raised from rollups), per rule.
SELECT a.rule_code,
       COUNT(*) AS alerts_from_rollups,
       COUNT(DISTINCT a.device_id) AS devices
FROM alerts a
WHERE NOT EXISTS (
        SELECT 1
        FROM readings r
        WHERE r.device_id = a.device_id
          AND SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 10) = SUBSTR(CAST(a.raised_at AS CHAR(19)), 1, 10))
GROUP BY a.rule_code
ORDER BY alerts_from_rollups DESC, a.rule_code;

-- @id: timeseries.q063
-- Median of usable temperature readings per device, computed portably with ROW_NUMBER.
WITH ordered AS (
    SELECT r.device_id,
           r.measured,
           ROW_NUMBER() OVER (PARTITION BY r.device_id ORDER BY r.measured, r.reading_id) AS rn,
           COUNT(*) OVER (PARTITION BY r.device_id) AS n
    FROM readings r
    JOIN devices d        ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'temperature'
      AND r.quality = 'good'
      AND r.measured IS NOT NULL
)
SELECT device_id,
       MAX(n)        AS samples,
       AVG(measured) AS median_measured
FROM ordered
WHERE 2 * rn BETWEEN n AND n + 2      -- the middle row, or the two middle rows
GROUP BY device_id
ORDER BY device_id;

-- @id: timeseries.q064
-- Site operations dashboard for the leap week: devices, data quality, alerts, maintenance.
WITH site_devices AS (
    SELECT d.site_id,
           COUNT(*) AS devices,
           SUM(CASE WHEN d.is_active THEN 1 ELSE 0 END) AS active_devices
    FROM devices d
    GROUP BY d.site_id
),
site_readings AS (
    SELECT d.site_id,
           COUNT(*) AS readings,
           SUM(CASE WHEN r.quality = 'good' THEN 1 ELSE 0 END) AS good_readings,
           COUNT(DISTINCT r.device_id) AS reporting_devices
    FROM readings r
    JOIN devices d ON d.device_id = r.device_id
    WHERE r.read_at >= '2024-02-27 00:00:00'
      AND r.read_at <  '2024-03-03 00:00:00'
    GROUP BY d.site_id
),
site_alerts AS (
    SELECT d.site_id,
           COUNT(*) AS alerts,
           SUM(CASE WHEN ar.severity = 'critical' THEN 1 ELSE 0 END) AS critical_alerts,
           SUM(CASE WHEN a.cleared_at IS NULL THEN 1 ELSE 0 END) AS open_alerts
    FROM alerts a
    JOIN devices d      ON d.device_id = a.device_id
    JOIN alert_rules ar ON ar.rule_code = a.rule_code
    WHERE a.raised_at >= '2024-02-27 00:00:00'
      AND a.raised_at <  '2024-03-03 00:00:00'
    GROUP BY d.site_id
),
site_maintenance AS (
    SELECT site_id,
           COUNT(*) AS windows,
           SUM(COALESCE(labour_cost, 0)) AS labour_cost
    FROM maintenance_windows
    WHERE starts_at < '2024-03-03 00:00:00'
      AND (ends_at IS NULL OR ends_at > '2024-02-27 00:00:00')
    GROUP BY site_id
)
SELECT s.site_code,
       s.site_kind,
       COALESCE(sd.devices, 0)            AS devices,
       COALESCE(sd.active_devices, 0)     AS active_devices,
       COALESCE(sr.reporting_devices, 0)  AS reporting_devices,
       COALESCE(sr.readings, 0)           AS readings,
       CASE WHEN sr.readings IS NULL THEN NULL
            ELSE ROUND(100.0 * sr.good_readings / sr.readings, 1) END AS good_pct,
       COALESCE(sa.alerts, 0)             AS alerts,
       COALESCE(sa.critical_alerts, 0)    AS critical_alerts,
       COALESCE(sa.open_alerts, 0)        AS open_alerts,
       COALESCE(sm.windows, 0)            AS maintenance_windows,
       COALESCE(sm.labour_cost, 0)        AS labour_cost
FROM sites s
LEFT JOIN site_devices sd     ON sd.site_id = s.site_id
LEFT JOIN site_readings sr    ON sr.site_id = s.site_id
LEFT JOIN site_alerts sa      ON sa.site_id = s.site_id
LEFT JOIN site_maintenance sm ON sm.site_id = s.site_id
WHERE sd.devices IS NOT NULL OR sm.windows IS NOT NULL
ORDER BY s.site_code;

-- @id: timeseries.q065
-- Device health scorecard: data quality, missing hours, alerts, battery and maintenance.
WITH quality AS (
    SELECT device_id,
           COUNT(*) AS readings,
           SUM(CASE WHEN quality = 'good' THEN 1 ELSE 0 END) AS good,
           SUM(CASE WHEN quality = 'bad' THEN 1 ELSE 0 END)  AS bad
    FROM readings
    GROUP BY device_id
),
coverage AS (
    -- 11 observed days x 24 hours, minus days before installation
    SELECT device_id,
           COUNT(DISTINCT SUBSTR(CAST(read_at AS CHAR(19)), 1, 10)) AS days_seen
    FROM readings
    GROUP BY device_id
),
alert_load AS (
    SELECT a.device_id,
           COUNT(*) AS alerts,
           SUM(CASE WHEN ar.severity = 'critical' THEN 1 ELSE 0 END) AS critical
    FROM alerts a
    JOIN alert_rules ar ON ar.rule_code = a.rule_code
    GROUP BY a.device_id
),
battery AS (
    SELECT r.device_id, r.battery_pct AS last_battery
    FROM readings r
    WHERE r.battery_pct IS NOT NULL
      AND r.read_at = (SELECT MAX(x.read_at) FROM readings x
                       WHERE x.device_id = r.device_id AND x.battery_pct IS NOT NULL)
),
service AS (
    SELECT device_id, COUNT(*) AS service_visits
    FROM maintenance_windows
    WHERE device_id IS NOT NULL
    GROUP BY device_id
)
SELECT q.device_id,
       dm.metric,
       q.readings,
       ROUND(100.0 * q.good / q.readings, 1) AS good_pct,
       c.days_seen * 24 - q.readings        AS missing_hours,
       COALESCE(al.alerts, 0)               AS alerts,
       COALESCE(al.critical, 0)             AS critical_alerts,
       b.last_battery,
       COALESCE(sv.service_visits, 0)       AS service_visits,
       CASE
           WHEN q.bad * 20 > q.readings OR COALESCE(b.last_battery, 100) < 20 THEN 'replace'
           WHEN COALESCE(al.critical, 0) > 0 OR c.days_seen * 24 - q.readings > 12 THEN 'inspect'
           ELSE 'healthy'
       END AS verdict
FROM quality q
JOIN coverage c       ON c.device_id = q.device_id
JOIN devices d        ON d.device_id = q.device_id
JOIN device_models dm ON dm.model_id = d.model_id
LEFT JOIN alert_load al ON al.device_id = q.device_id
LEFT JOIN battery b     ON b.device_id = q.device_id
LEFT JOIN service sv    ON sv.device_id = q.device_id
ORDER BY verdict, q.device_id;

-- @id: timeseries.q066
-- Alert analysis by campus and severity: volumes, acknowledgement and open share.
WITH RECURSIVE campus_of AS (
    SELECT site_id, site_id AS campus_id
    FROM sites
    WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, c.campus_id
    FROM sites s
    JOIN campus_of c ON s.parent_site_id = c.site_id
),
alert_facts AS (
    SELECT cs.site_code AS campus,
           ar.severity,
           a.alert_id,
           CASE WHEN a.acknowledged_by IS NULL THEN 0 ELSE 1 END AS acked,
           CASE WHEN a.cleared_at IS NULL THEN 1 ELSE 0 END      AS is_open,
           CASE WHEN a.note IS NULL OR TRIM(a.note) = '' THEN 0 ELSE 1 END AS has_note
    FROM alerts a
    JOIN alert_rules ar ON ar.rule_code = a.rule_code
    JOIN devices d      ON d.device_id = a.device_id
    JOIN campus_of co   ON co.site_id = d.site_id
    JOIN sites cs       ON cs.site_id = co.campus_id
)
SELECT campus,
       severity,
       COUNT(*)                                  AS alerts,
       SUM(acked)                                AS acknowledged,
       ROUND(100.0 * SUM(acked) / COUNT(*), 1)   AS ack_pct,
       SUM(is_open)                              AS still_open,
       SUM(has_note)                             AS with_note,
       SUM(COUNT(*)) OVER (PARTITION BY campus)  AS campus_total
FROM alert_facts
GROUP BY campus, severity
ORDER BY campus,
         CASE severity WHEN 'critical' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END;

-- @id: timeseries.q067
-- Energy report: monthly kWh per power meter from rollups, month-over-month change and campus share.
WITH RECURSIVE campus_of AS (
    SELECT site_id, site_id AS campus_id FROM sites WHERE parent_site_id IS NULL
    UNION ALL
    SELECT s.site_id, c.campus_id FROM sites s JOIN campus_of c ON s.parent_site_id = c.site_id
),
meter_days AS (
    SELECT dr.device_id,
           co.campus_id,
           SUBSTR(CAST(dr.day_of AS CHAR(10)), 1, 7) AS mon,
           dr.avg_measured * dr.sample_count AS kwh
    FROM daily_rollups dr
    JOIN devices d        ON d.device_id = dr.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    JOIN campus_of co     ON co.site_id = d.site_id
    WHERE dm.metric = 'power'
      AND dr.avg_measured IS NOT NULL
),
meter_month AS (
    SELECT device_id, campus_id, mon, SUM(kwh) AS kwh, COUNT(*) AS days_reported
    FROM meter_days
    GROUP BY device_id, campus_id, mon
),
campus_month AS (
    SELECT campus_id, mon, SUM(kwh) AS campus_kwh
    FROM meter_month
    GROUP BY campus_id, mon
)
SELECT mm.device_id,
       cs.site_code AS campus,
       mm.mon,
       mm.days_reported,
       ROUND(CAST(mm.kwh AS DECIMAL(14, 3)), 0) AS kwh,
       ROUND(CAST(mm.kwh - LAG(mm.kwh) OVER (PARTITION BY mm.device_id ORDER BY mm.mon) AS DECIMAL(14, 3)), 0) AS kwh_change,
       ROUND(CAST(100.0 * mm.kwh / cm.campus_kwh AS DECIMAL(14, 3)), 1) AS pct_of_campus
FROM meter_month mm
JOIN campus_month cm
  ON cm.campus_id = mm.campus_id
 AND cm.mon = mm.mon
JOIN sites cs ON cs.site_id = mm.campus_id
ORDER BY mm.device_id, mm.mon;

-- @id: timeseries.q068
-- Cold-chain compliance: freezer hours warmer than the FREEZER_WARM threshold, per day,
-- with the longest consecutive warm stretch (gaps and islands on the hour sequence).
WITH freezer_readings AS (
    SELECT r.device_id,
           r.read_at,
           SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 10) AS reading_day,
           CASE WHEN r.measured > (SELECT threshold_val FROM alert_rules WHERE rule_code = 'FREEZER_WARM')
                THEN 1 ELSE 0 END AS is_warm
    FROM readings r
    JOIN devices d ON d.device_id = r.device_id
    WHERE d.model_id = 6
      AND r.measured IS NOT NULL
      AND r.measured <> -999
),
numbered AS (
    SELECT fr.*,
           ROW_NUMBER() OVER (PARTITION BY fr.device_id, fr.reading_day ORDER BY fr.read_at) AS seq_all,
           ROW_NUMBER() OVER (PARTITION BY fr.device_id, fr.reading_day, fr.is_warm ORDER BY fr.read_at) AS seq_state
    FROM freezer_readings fr
),
stretches AS (
    SELECT device_id, reading_day, seq_all - seq_state AS grp, COUNT(*) AS stretch_len
    FROM numbered
    WHERE is_warm = 1
    GROUP BY device_id, reading_day, seq_all - seq_state
),
daily AS (
    SELECT device_id,
           reading_day,
           COUNT(*)    AS samples,
           SUM(is_warm) AS warm_samples
    FROM freezer_readings
    GROUP BY device_id, reading_day
)
SELECT dl.device_id,
       dl.reading_day,
       dl.samples,
       dl.warm_samples,
       COALESCE(MAX(st.stretch_len), 0) AS longest_warm_stretch,
       CASE WHEN dl.warm_samples = 0 THEN 'compliant' ELSE 'breach' END AS status
FROM daily dl
LEFT JOIN stretches st
       ON st.device_id = dl.device_id
      AND st.reading_day = dl.reading_day
GROUP BY dl.device_id, dl.reading_day, dl.samples, dl.warm_samples
ORDER BY dl.device_id, dl.reading_day;

-- @id: timeseries.q069
-- Rollup reconciliation report: compare every rollup day that has raw data on count, min, max and average.
WITH raw_daily AS (
    SELECT device_id,
           SUBSTR(CAST(read_at AS CHAR(19)), 1, 10) AS reading_day,
           COUNT(*) AS raw_rows,
           SUM(CASE WHEN measured IS NOT NULL AND measured <> -999 THEN 1 ELSE 0 END) AS usable,
           MIN(CASE WHEN measured <> -999 THEN measured END) AS raw_min,
           MAX(CASE WHEN measured <> -999 THEN measured END) AS raw_max,
           AVG(CASE WHEN measured <> -999 THEN measured END) AS raw_avg
    FROM readings
    GROUP BY device_id, SUBSTR(CAST(read_at AS CHAR(19)), 1, 10)
),
compared AS (
    SELECT dr.device_id,
           dr.day_of,
           dr.sample_count,
           rd.usable,
           CASE WHEN dr.sample_count = rd.usable THEN 0 ELSE 1 END AS count_mismatch,
           CASE WHEN dr.min_measured = rd.raw_min THEN 0 ELSE 1 END AS min_mismatch,
           CASE WHEN dr.max_measured = rd.raw_max THEN 0 ELSE 1 END AS max_mismatch,
           CASE WHEN ABS(CAST(dr.avg_measured AS DECIMAL(14, 4)) - rd.raw_avg) > 0.001 THEN 1 ELSE 0 END AS avg_mismatch
    FROM daily_rollups dr
    JOIN raw_daily rd
      ON rd.device_id = dr.device_id
     AND rd.reading_day = CAST(dr.day_of AS CHAR(10))
    WHERE rd.usable > 0
)
SELECT device_id,
       COUNT(*)            AS days_compared,
       SUM(count_mismatch) AS count_mismatches,
       SUM(min_mismatch)   AS min_mismatches,
       SUM(max_mismatch)   AS max_mismatches,
       SUM(avg_mismatch)   AS avg_mismatches,
       CASE WHEN SUM(count_mismatch + min_mismatch + max_mismatch + avg_mismatch) = 0
            THEN 'ok' ELSE 'rebuild' END AS action
FROM compared
GROUP BY device_id
ORDER BY action DESC, device_id;

-- @id: timeseries.q070
-- Comfort report per room and hour on the leap day: temperature and humidity paired by site and hour.
WITH temp_hourly AS (
    SELECT d.site_id,
           SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13) AS hour_bucket,
           AVG(r.measured) AS temp_c
    FROM readings r
    JOIN devices d ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'temperature'
      AND r.quality = 'good'
      AND r.read_at >= '2024-02-29 00:00:00' AND r.read_at < '2024-03-01 00:00:00'
    GROUP BY d.site_id, SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13)
),
humid_hourly AS (
    SELECT d.site_id,
           SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13) AS hour_bucket,
           AVG(r.measured) AS humidity
    FROM readings r
    JOIN devices d ON d.device_id = r.device_id
    JOIN device_models dm ON dm.model_id = d.model_id
    WHERE dm.metric = 'humidity'
      AND r.quality = 'good'
      AND r.read_at >= '2024-02-29 00:00:00' AND r.read_at < '2024-03-01 00:00:00'
    GROUP BY d.site_id, SUBSTR(CAST(r.read_at AS CHAR(19)), 1, 13)
),
paired AS (
    SELECT t.site_id, t.hour_bucket, t.temp_c, h.humidity,
           CASE
               WHEN t.temp_c BETWEEN 20 AND 24 AND h.humidity BETWEEN 30 AND 60 THEN 'comfortable'
               WHEN t.temp_c > 24 THEN 'too warm'
               WHEN t.temp_c < 20 THEN 'too cold'
               ELSE 'humidity off'
           END AS comfort
    FROM temp_hourly t
    JOIN humid_hourly h ON h.site_id = t.site_id AND h.hour_bucket = t.hour_bucket
)
SELECT s.site_code,
       comfort,
       COUNT(*) AS hours,
       ROUND(CAST(AVG(temp_c) AS DECIMAL(10, 4)), 2) AS avg_temp_c,
       ROUND(CAST(AVG(humidity) AS DECIMAL(10, 4)), 2) AS avg_humidity
FROM paired p
JOIN sites s ON s.site_id = p.site_id
GROUP BY s.site_code, comfort
ORDER BY s.site_code, hours DESC, comfort;

-- @id: timeseries.q071
-- Storm watch: three-hour pressure drops at the weather mast (LAG by three samples).
WITH mast AS (
    SELECT read_at,
           measured,
           LAG(measured, 3) OVER (ORDER BY read_at) AS measured_3_back,
           LAG(read_at, 3)  OVER (ORDER BY read_at) AS read_at_3_back
    FROM readings
    WHERE device_id = 17
      AND quality = 'good'
)
SELECT read_at,
       measured,
       measured_3_back,
       measured - measured_3_back AS drop_hpa,
       read_at_3_back
FROM mast
WHERE measured_3_back IS NOT NULL
  AND measured - measured_3_back <= -3
ORDER BY drop_hpa, read_at;

-- @id: timeseries.q072
-- Portable median and quartiles of daily uptime per device (NTILE buckets).
WITH quartiled AS (
    SELECT device_id,
           uptime_pct,
           NTILE(4) OVER (PARTITION BY device_id ORDER BY uptime_pct, day_of) AS quartile
    FROM daily_rollups
    WHERE uptime_pct IS NOT NULL
)
SELECT device_id,
       MAX(CASE WHEN quartile = 1 THEN uptime_pct END) AS q1_upper,
       MAX(CASE WHEN quartile = 2 THEN uptime_pct END) AS q2_upper,
       MAX(CASE WHEN quartile = 3 THEN uptime_pct END) AS q3_upper,
       MAX(uptime_pct)                                AS best_day,
       MIN(uptime_pct)                                AS worst_day
FROM quartiled
GROUP BY device_id
ORDER BY device_id;

-- @id: timeseries.q073
-- Alert notes: apostrophes, empty notes and very long notes.
SELECT alert_id,
       LENGTH(note) AS note_len,
       CASE
           WHEN TRIM(note) = ''    THEN 'empty'
           WHEN LENGTH(note) > 200 THEN 'long'
           WHEN note LIKE '%''%'   THEN 'quoted'
           ELSE 'plain'
       END AS note_kind,
       SUBSTR(note, 1, 30) AS note_start
FROM alerts
WHERE note IS NOT NULL
ORDER BY note_kind, alert_id;

-- @id: timeseries.q074
-- Technicians whose name contains an apostrophe, and their acknowledged alerts.
SELECT t.full_name,
       REPLACE(t.full_name, '''', '') AS ascii_name,
       UPPER(SUBSTR(t.full_name, 1, 1)) AS initial,
       (SELECT COUNT(*) FROM alerts a WHERE a.acknowledged_by = t.technician_id) AS acknowledged
FROM technicians t
WHERE t.full_name LIKE '%''%'
ORDER BY t.technician_id;

-- @id: timeseries.q075
-- Models without devices and models whose devices never produced readings.
SELECT dm.model_id,
       dm.vendor,
       dm.model_name,
       CASE WHEN NOT EXISTS (SELECT 1 FROM devices d WHERE d.model_id = dm.model_id)
            THEN 'no devices' ELSE 'no readings' END AS status
FROM device_models dm
WHERE dm.model_id NOT IN (
        SELECT d.model_id
        FROM devices d
        JOIN readings r ON r.device_id = d.device_id)
ORDER BY dm.model_id;

-- @id: timeseries.q076
-- Share of each site's alerts within its campus (window over aggregated counts).
SELECT s.parent_site_id AS campus_id,
       s.site_code,
       COUNT(*) AS alerts,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY s.parent_site_id), 1) AS pct_of_campus
FROM alerts a
JOIN devices d ON d.device_id = a.device_id
JOIN sites s   ON s.site_id = d.site_id
WHERE s.site_kind = 'building'
GROUP BY s.parent_site_id, s.site_code
ORDER BY campus_id, alerts DESC, s.site_code;

-- @id: timeseries.q077
-- Hourly readings of devices that were marked inactive but kept reporting.
SELECT d.device_id,
       d.serial_no,
       d.retired_on,
       COUNT(r.reading_id) AS readings,
       MAX(r.read_at)      AS last_reading
FROM devices d
JOIN readings r ON r.device_id = d.device_id
WHERE d.is_active = FALSE
GROUP BY d.device_id, d.serial_no, d.retired_on
ORDER BY d.device_id;

-- @id: timeseries.q078
-- Devices installed after the start of the year-end window (late installs), with their first reading.
select d.device_id
     , d.installed_on
     , min(r.read_at) as first_reading
     , count(*)       as readings
  from devices d
  join readings r
    on r.device_id = d.device_id
 where d.installed_on > '2023-12-29'
 group by d.device_id, d.installed_on
 order by d.device_id;

-- @id: timeseries.q079
-- @engines: postgres
-- Gaps longer than one hour between consecutive readings (interval arithmetic).
SELECT device_id,
       prev_read_at,
       read_at,
       EXTRACT(EPOCH FROM (read_at - prev_read_at)) / 3600 AS gap_hours
FROM (
    SELECT device_id,
           read_at,
           LAG(read_at) OVER (PARTITION BY device_id ORDER BY read_at) AS prev_read_at
    FROM readings
) g
WHERE read_at - prev_read_at > INTERVAL '1 hour'
  AND read_at - prev_read_at < INTERVAL '30 days'
ORDER BY gap_hours DESC, device_id, read_at;

-- @id: timeseries.q080
-- @engines: duckdb
-- Gaps longer than one hour between consecutive readings (date_diff).
SELECT device_id,
       prev_read_at,
       read_at,
       date_diff('second', prev_read_at, read_at) / 3600 AS gap_hours
FROM (
    SELECT device_id,
           read_at,
           LAG(read_at) OVER (PARTITION BY device_id ORDER BY read_at) AS prev_read_at
    FROM readings
) g
WHERE date_diff('second', prev_read_at, read_at) > 3600
  AND date_diff('second', prev_read_at, read_at) < 30 * 86400
ORDER BY gap_hours DESC, device_id, read_at;

-- @id: timeseries.q081
-- @engines: mysql
-- Gaps longer than one hour between consecutive readings (TIMESTAMPDIFF).
SELECT device_id,
       prev_read_at,
       read_at,
       TIMESTAMPDIFF(SECOND, prev_read_at, read_at) / 3600 AS gap_hours
FROM (
    SELECT device_id,
           read_at,
           LAG(read_at) OVER (PARTITION BY device_id ORDER BY read_at) AS prev_read_at
    FROM readings
) g
WHERE TIMESTAMPDIFF(SECOND, prev_read_at, read_at) > 3600
  AND TIMESTAMPDIFF(SECOND, prev_read_at, read_at) < 30 * 86400
ORDER BY gap_hours DESC, device_id, read_at;

-- @id: timeseries.q082
-- @engines: sqlite
-- Gaps longer than one hour between consecutive readings (julianday).
SELECT device_id,
       prev_read_at,
       read_at,
       ROUND((julianday(read_at) - julianday(prev_read_at)) * 24, 4) AS gap_hours
FROM (
    SELECT device_id,
           read_at,
           LAG(read_at) OVER (PARTITION BY device_id ORDER BY read_at) AS prev_read_at
    FROM readings
) g
WHERE ROUND((julianday(read_at) - julianday(prev_read_at)) * 86400) > 3600
  AND julianday(read_at) - julianday(prev_read_at) < 30
ORDER BY gap_hours DESC, device_id, read_at;

-- @id: timeseries.q083
-- @engines: postgres,duckdb
-- Mean time to clear per rule, in minutes.
SELECT rule_code,
       COUNT(*) AS cleared_alerts,
       ROUND(CAST(AVG(EXTRACT(EPOCH FROM (cleared_at - raised_at)) / 60) AS NUMERIC), 1) AS avg_minutes,
       MAX(cleared_at - raised_at) AS longest
FROM alerts
WHERE cleared_at IS NOT NULL
GROUP BY rule_code
ORDER BY avg_minutes DESC, rule_code;

-- @id: timeseries.q084
-- @engines: mysql
-- Mean time to clear per rule, in minutes.
SELECT rule_code,
       COUNT(*) AS cleared_alerts,
       ROUND(AVG(TIMESTAMPDIFF(SECOND, raised_at, cleared_at) / 60), 1) AS avg_minutes,
       SEC_TO_TIME(MAX(TIMESTAMPDIFF(SECOND, raised_at, cleared_at))) AS longest
FROM alerts
WHERE cleared_at IS NOT NULL
GROUP BY rule_code
ORDER BY avg_minutes DESC, rule_code;

-- @id: timeseries.q085
-- @engines: sqlite
-- Mean time to clear per rule, in minutes.
SELECT rule_code,
       COUNT(*) AS cleared_alerts,
       ROUND(AVG((julianday(cleared_at) - julianday(raised_at)) * 1440), 1) AS avg_minutes,
       MAX(julianday(cleared_at) - julianday(raised_at)) AS longest_days
FROM alerts
WHERE cleared_at IS NOT NULL
GROUP BY rule_code
ORDER BY avg_minutes DESC, rule_code;

-- @id: timeseries.q086
-- @engines: postgres,duckdb,mysql
-- Alerts in the 7 days before and after each device-specific maintenance window.
SELECT mw.maint_id,
       mw.device_id,
       mw.reason,
       (SELECT COUNT(*) FROM alerts a
         WHERE a.device_id = mw.device_id
           AND a.raised_at >= mw.starts_at - INTERVAL '7' DAY
           AND a.raised_at <  mw.starts_at) AS alerts_before,
       (SELECT COUNT(*) FROM alerts a
         WHERE a.device_id = mw.device_id
           AND a.raised_at >= COALESCE(mw.ends_at, mw.starts_at)
           AND a.raised_at <  COALESCE(mw.ends_at, mw.starts_at) + INTERVAL '7' DAY) AS alerts_after
FROM maintenance_windows mw
WHERE mw.device_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = mw.device_id)
ORDER BY mw.maint_id;

-- @id: timeseries.q087
-- @engines: sqlite
-- Alerts in the 7 days before and after each device-specific maintenance window.
SELECT mw.maint_id,
       mw.device_id,
       mw.reason,
       (SELECT COUNT(*) FROM alerts a
         WHERE a.device_id = mw.device_id
           AND a.raised_at >= datetime(mw.starts_at, '-7 days')
           AND a.raised_at <  mw.starts_at) AS alerts_before,
       (SELECT COUNT(*) FROM alerts a
         WHERE a.device_id = mw.device_id
           AND a.raised_at >= COALESCE(mw.ends_at, mw.starts_at)
           AND a.raised_at <  datetime(COALESCE(mw.ends_at, mw.starts_at), '+7 days')) AS alerts_after
FROM maintenance_windows mw
WHERE mw.device_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = mw.device_id)
ORDER BY mw.maint_id;

-- @id: timeseries.q088
-- @engines: postgres,duckdb
-- Rollup days missing per device between its first and last rollup (date calendar via generate_series-free recursion).
WITH RECURSIVE cal (d) AS (
    SELECT CAST('2023-12-01' AS DATE)
    UNION ALL
    SELECT d + 1 FROM cal WHERE d < CAST('2024-03-10' AS DATE)
),
span AS (
    SELECT device_id, MIN(day_of) AS first_day, MAX(day_of) AS last_day
    FROM daily_rollups
    GROUP BY device_id
)
SELECT sp.device_id,
       COUNT(*) AS missing_days,
       MIN(cal.d) AS first_missing
FROM span sp
JOIN cal ON cal.d BETWEEN sp.first_day AND sp.last_day
WHERE NOT EXISTS (SELECT 1 FROM daily_rollups dr
                  WHERE dr.device_id = sp.device_id AND dr.day_of = cal.d)
GROUP BY sp.device_id
ORDER BY missing_days DESC, sp.device_id;

-- @id: timeseries.q089
-- @engines: mysql
-- Rollup days missing per device between its first and last rollup (DATE_ADD calendar).
WITH RECURSIVE cal (d) AS (
    SELECT CAST('2023-12-01' AS DATE)
    UNION ALL
    SELECT DATE_ADD(d, INTERVAL 1 DAY) FROM cal WHERE d < '2024-03-10'
),
span AS (
    SELECT device_id, MIN(day_of) AS first_day, MAX(day_of) AS last_day
    FROM daily_rollups
    GROUP BY device_id
)
SELECT sp.device_id,
       COUNT(*) AS missing_days,
       MIN(cal.d) AS first_missing
FROM span sp
JOIN cal ON cal.d BETWEEN sp.first_day AND sp.last_day
WHERE NOT EXISTS (SELECT 1 FROM daily_rollups dr
                  WHERE dr.device_id = sp.device_id AND dr.day_of = cal.d)
GROUP BY sp.device_id
ORDER BY missing_days DESC, sp.device_id;

-- @id: timeseries.q090
-- @engines: sqlite
-- Rollup days missing per device between its first and last rollup (date() calendar).
WITH RECURSIVE cal (d) AS (
    SELECT '2023-12-01'
    UNION ALL
    SELECT date(d, '+1 day') FROM cal WHERE d < '2024-03-10'
),
span AS (
    SELECT device_id, MIN(day_of) AS first_day, MAX(day_of) AS last_day
    FROM daily_rollups
    GROUP BY device_id
)
SELECT sp.device_id,
       COUNT(*) AS missing_days,
       MIN(cal.d) AS first_missing
FROM span sp
JOIN cal ON cal.d BETWEEN sp.first_day AND sp.last_day
WHERE NOT EXISTS (SELECT 1 FROM daily_rollups dr
                  WHERE dr.device_id = sp.device_id AND dr.day_of = cal.d)
GROUP BY sp.device_id
ORDER BY missing_days DESC, sp.device_id;

-- @id: timeseries.q091
-- @engines: postgres,duckdb
-- Weekly alert counts by severity (date_trunc to ISO week).
SELECT CAST(date_trunc('week', a.raised_at) AS DATE) AS week_start,
       ar.severity,
       COUNT(*) AS alerts
FROM alerts a
JOIN alert_rules ar ON ar.rule_code = a.rule_code
GROUP BY CAST(date_trunc('week', a.raised_at) AS DATE), ar.severity
ORDER BY week_start, ar.severity;

-- @id: timeseries.q092
-- @engines: postgres,duckdb,mysql
-- Monthly average load per power meter from the rollups (EXTRACT).
SELECT dr.device_id,
       EXTRACT(YEAR FROM dr.day_of)  AS yr,
       EXTRACT(MONTH FROM dr.day_of) AS month_no,
       COUNT(*) AS meter_days,
       ROUND(CAST(AVG(dr.avg_measured) AS DECIMAL(12, 4)), 2) AS avg_kw
FROM daily_rollups dr
JOIN devices d ON d.device_id = dr.device_id
WHERE d.model_id = 4
GROUP BY dr.device_id, EXTRACT(YEAR FROM dr.day_of), EXTRACT(MONTH FROM dr.day_of)
ORDER BY dr.device_id, yr, month_no;

-- @id: timeseries.q093
-- @engines: mysql
-- Readings per month and weekday name (DATE_FORMAT).
SELECT DATE_FORMAT(read_at, '%Y-%m') AS mon,
       DATE_FORMAT(read_at, '%a')    AS weekday_name,
       COUNT(*)                      AS readings
FROM readings
GROUP BY DATE_FORMAT(read_at, '%Y-%m'), DATE_FORMAT(read_at, '%a'), DAYOFWEEK(read_at)
ORDER BY mon, DAYOFWEEK(read_at);

-- @id: timeseries.q094
-- @engines: sqlite
-- Readings per month and weekday number (strftime, 0 = Sunday).
SELECT strftime('%Y-%m', read_at) AS mon,
       CAST(strftime('%w', read_at) AS INTEGER) AS weekday_no,
       COUNT(*) AS readings
FROM readings
GROUP BY 1, 2
ORDER BY mon, weekday_no;

-- @id: timeseries.q095
-- @engines: duckdb,postgres
-- Median and 95th percentile of usable readings per metric (ordered-set aggregates).
SELECT dm.metric,
       COUNT(*) AS readings,
       ROUND(CAST(PERCENTILE_CONT(0.5)  WITHIN GROUP (ORDER BY r.measured) AS NUMERIC), 2) AS median_value,
       ROUND(CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY r.measured) AS NUMERIC), 2) AS p95_value
FROM readings r
JOIN devices d        ON d.device_id = r.device_id
JOIN device_models dm ON dm.model_id = d.model_id
WHERE r.quality = 'good'
  AND r.measured IS NOT NULL
GROUP BY dm.metric
ORDER BY dm.metric;

-- @id: timeseries.q096
-- @engines: duckdb,postgres,sqlite
-- Reporting devices versus devices with rollups (FULL OUTER JOIN).
WITH raw_dev AS (
    SELECT device_id, COUNT(*) AS readings FROM readings GROUP BY device_id
),
roll_dev AS (
    SELECT device_id, COUNT(*) AS rollup_days FROM daily_rollups GROUP BY device_id
)
SELECT COALESCE(rw.device_id, rl.device_id) AS device_id,
       COALESCE(rw.readings, 0)    AS readings,
       COALESCE(rl.rollup_days, 0) AS rollup_days
FROM raw_dev rw
FULL OUTER JOIN roll_dev rl ON rl.device_id = rw.device_id
ORDER BY 1;

-- @id: timeseries.q097
-- @engines: duckdb,postgres
-- Devices per site as a comma-separated list (STRING_AGG).
SELECT s.site_code,
       COUNT(*) AS devices,
       STRING_AGG(d.serial_no, ', ' ORDER BY d.serial_no) AS serials
FROM sites s
JOIN devices d ON d.site_id = s.site_id
GROUP BY s.site_code
ORDER BY s.site_code;

-- @id: timeseries.q098
-- @engines: mysql
-- Devices per site as a comma-separated list (GROUP_CONCAT).
SELECT s.site_code,
       COUNT(*) AS devices,
       GROUP_CONCAT(d.serial_no ORDER BY d.serial_no SEPARATOR ', ') AS serials
FROM sites s
JOIN devices d ON d.site_id = s.site_id
GROUP BY s.site_code
ORDER BY s.site_code;
