-- Time-series analytics corpus: sites, sensor devices, raw readings, daily rollups,
-- alert rules and alerts, technicians and maintenance windows.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.
-- All timestamps are UTC.

CREATE TABLE sites (
    site_id          INTEGER          NOT NULL PRIMARY KEY,
    site_code        VARCHAR(12)      NOT NULL UNIQUE,
    site_name        VARCHAR(80)      NOT NULL,
    parent_site_id   INTEGER          NULL REFERENCES sites (site_id),
    site_kind        VARCHAR(12)      NOT NULL CHECK (site_kind IN ('campus', 'building', 'room', 'outdoor')),
    city             VARCHAR(40)      NOT NULL,
    country_code     VARCHAR(2)       NOT NULL,
    latitude         DOUBLE PRECISION NULL,
    longitude        DOUBLE PRECISION NULL,
    tz_name          VARCHAR(40)      NOT NULL,
    commissioned_on  DATE             NOT NULL,
    floor_area_m2    DECIMAL(10, 2)   NULL CHECK (floor_area_m2 > 0)
);

CREATE TABLE device_models (
    model_id     INTEGER        NOT NULL PRIMARY KEY,
    vendor       VARCHAR(40)    NOT NULL,
    model_name   VARCHAR(40)    NOT NULL,
    metric       VARCHAR(20)    NOT NULL CHECK (metric IN ('temperature', 'humidity', 'co2', 'power', 'pressure', 'gateway')),
    unit_symbol  VARCHAR(8)     NOT NULL,
    min_valid    DECIMAL(10, 3) NULL,
    max_valid    DECIMAL(10, 3) NULL,
    sample_secs  INTEGER        NOT NULL CHECK (sample_secs > 0),
    UNIQUE (vendor, model_name),
    CHECK (min_valid IS NULL OR max_valid IS NULL OR min_valid < max_valid)
);

CREATE TABLE devices (
    device_id     INTEGER     NOT NULL PRIMARY KEY,
    serial_no     VARCHAR(20) NOT NULL UNIQUE,
    site_id       INTEGER     NOT NULL REFERENCES sites (site_id),
    model_id      INTEGER     NOT NULL REFERENCES device_models (model_id),
    gateway_id    INTEGER     NULL REFERENCES devices (device_id),
    device_label  VARCHAR(60) NULL,
    installed_on  DATE        NOT NULL,
    retired_on    DATE        NULL,
    firmware      VARCHAR(12) NULL,
    is_active     BOOLEAN     NOT NULL,
    CHECK (retired_on IS NULL OR retired_on >= installed_on)
);

CREATE TABLE readings (
    reading_id   BIGINT         NOT NULL PRIMARY KEY,
    device_id    INTEGER        NOT NULL REFERENCES devices (device_id),
    read_at      TIMESTAMP      NOT NULL,
    measured     DECIMAL(10, 3) NULL,
    quality      VARCHAR(8)     NOT NULL CHECK (quality IN ('good', 'suspect', 'bad')),
    battery_pct  INTEGER        NULL CHECK (battery_pct BETWEEN 0 AND 100),
    UNIQUE (device_id, read_at)
);

CREATE TABLE daily_rollups (
    device_id     INTEGER          NOT NULL REFERENCES devices (device_id),
    day_of        DATE             NOT NULL,
    sample_count  INTEGER          NOT NULL CHECK (sample_count >= 0),
    min_measured  DECIMAL(10, 3)   NULL,
    max_measured  DECIMAL(10, 3)   NULL,
    avg_measured  DOUBLE PRECISION NULL,
    uptime_pct    DECIMAL(5, 2)    NULL CHECK (uptime_pct BETWEEN 0 AND 100),
    PRIMARY KEY (device_id, day_of)
);

CREATE TABLE alert_rules (
    rule_code      VARCHAR(20)    NOT NULL PRIMARY KEY,
    metric         VARCHAR(20)    NOT NULL,
    comparator     VARCHAR(2)     NOT NULL CHECK (comparator IN ('<', '>')),
    threshold_val  DECIMAL(10, 3) NOT NULL,
    severity       VARCHAR(8)     NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    description    VARCHAR(200)   NULL
);

CREATE TABLE technicians (
    technician_id  INTEGER       NOT NULL PRIMARY KEY,
    full_name      VARCHAR(80)   NOT NULL,
    employer       VARCHAR(60)   NULL,
    hourly_rate    DECIMAL(8, 2) NOT NULL CHECK (hourly_rate >= 0),
    home_site_id   INTEGER       NULL REFERENCES sites (site_id)
);

CREATE TABLE alerts (
    alert_id         INTEGER        NOT NULL PRIMARY KEY,
    device_id        INTEGER        NOT NULL REFERENCES devices (device_id),
    rule_code        VARCHAR(20)    NOT NULL REFERENCES alert_rules (rule_code),
    raised_at        TIMESTAMP      NOT NULL,
    cleared_at       TIMESTAMP      NULL,
    observed         DECIMAL(10, 3) NULL,
    acknowledged_by  INTEGER        NULL REFERENCES technicians (technician_id),
    note             VARCHAR(500)   NULL,
    CHECK (cleared_at IS NULL OR cleared_at >= raised_at)
);

CREATE TABLE maintenance_windows (
    maint_id       INTEGER        NOT NULL PRIMARY KEY,
    site_id        INTEGER        NOT NULL REFERENCES sites (site_id),
    device_id      INTEGER        NULL REFERENCES devices (device_id),
    technician_id  INTEGER        NULL REFERENCES technicians (technician_id),
    starts_at      TIMESTAMP      NOT NULL,
    ends_at        TIMESTAMP      NULL,
    reason         VARCHAR(200)   NOT NULL,
    labour_cost    DECIMAL(10, 2) NULL CHECK (labour_cost >= 0),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE INDEX idx_readings_read_at ON readings (read_at);
CREATE INDEX idx_devices_site ON devices (site_id);
CREATE INDEX idx_alerts_device ON alerts (device_id, raised_at);
CREATE INDEX idx_maint_site ON maintenance_windows (site_id, starts_at);
