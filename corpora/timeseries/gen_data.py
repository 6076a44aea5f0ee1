#!/usr/bin/env python3
"""Deterministic data generator for the `timeseries` corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output is reproducible byte for byte.

Raw hourly readings cover two windows for 16 sensors:
  * 2023-12-29 00:00 .. 2024-01-03 23:00 (year boundary)
  * 2024-02-27 00:00 .. 2024-03-02 23:00 (leap day, month boundary)
with gaps, NULL measurements, sentinel error values (-999), negative and zero
values, stuck sensors and a few off-the-hour timestamps.  Daily rollups cover
2023-12-01 .. 2024-03-10 for 20 devices; on days with raw data they are computed
from the raw readings (with three deliberate discrepancies for reconciliation).

Self-referencing rows (sites.parent_site_id, devices.gateway_id) only point at
rows from an earlier INSERT statement (DuckDB checks foreign keys per
statement).  Text is ASCII without backslashes; apostrophes are escaped as ''.
All timestamps are UTC and avoid 02:00-02:59 on March Sundays (DST gaps).
"""
import datetime as dt
import math
import random
import sys

SEED = 31122023
rng = random.Random(SEED)
MAX_ROWS = 500

out = []


class Dec:
    """A DECIMAL literal with a fixed number of places."""

    def __init__(self, x, places=3):
        self.text = "%.*f" % (places, x)
        if self.text.startswith("-") and float(self.text) == 0:
            self.text = self.text[1:]


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, Dec):
        return v.text
    if isinstance(v, dt.datetime):
        return "'" + v.strftime("%Y-%m-%d %H:%M:%S") + "'"
    if isinstance(v, dt.date):
        return "'" + v.strftime("%Y-%m-%d") + "'"
    return "'" + v.replace("'", "''") + "'"


def emit(table, cols, rows, breaks=()):
    breaks = set(breaks)
    chunk = []

    def flush():
        if not chunk:
            return
        out.append("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(cols)))
        out.append(",\n".join("(" + ",".join(lit(v) for v in r) + ")" for r in chunk))
        out.append(";\n\n")
        chunk.clear()

    for i, r in enumerate(rows):
        if i in breaks or len(chunk) == MAX_ROWS:
            flush()
        chunk.append(r)
    flush()


def safe_ts(t):
    if t.month == 3 and t.weekday() == 6 and t.hour == 2:
        t = t + dt.timedelta(hours=1)
    return t


def rand_ts(lo, hi):
    span = int((hi - lo).total_seconds())
    return safe_ts(lo + dt.timedelta(seconds=rng.randint(0, max(span, 0))))


# --------------------------------------------------------------------------
# sites: campuses / standalone first, then buildings, then rooms
# --------------------------------------------------------------------------
SITES = [
    # id, code, name, parent, kind, city, cc, lat, lon, tz, commissioned, area
    (1, "NOR", "Campus North", None, "campus", "Oslo", "NO", 59.9139, 10.7522, "Europe/Oslo", dt.date(2019, 1, 1), 42000.0),
    (2, "LIS", "Campus Lisbon", None, "campus", "Lisbon", "PT", 38.7223, -9.1393, "Europe/Lisbon", dt.date(2020, 6, 15), 18500.5),
    (3, "DEN", "Campus Denver", None, "campus", "Denver", "US", 39.7392, -104.9903, "America/Denver", dt.date(2021, 3, 1), 27250.0),
    (4, "WX1", "Rooftop Weather Mast", None, "outdoor", "Oslo", "NO", 59.9171, 10.7275, "Europe/Oslo", dt.date(2019, 12, 31), None),
    (5, "NOR-A", "North Building A", 1, "building", "Oslo", "NO", 59.9141, 10.7519, "Europe/Oslo", dt.date(2019, 1, 1), 16000.0),
    (6, "NOR-B", "North Building B", 1, "building", "Oslo", "NO", 59.9137, 10.7530, "Europe/Oslo", dt.date(2020, 2, 29), 14000.0),
    (7, "NOR-C", "North Lab Annex", 1, "building", "Oslo", "NO", 59.9145, 10.7541, "Europe/Oslo", dt.date(2022, 9, 1), 6000.0),
    (8, "LIS-1", "Lisbon Tower", 2, "building", "Lisbon", "PT", 38.7220, -9.1390, "Europe/Lisbon", dt.date(2020, 6, 15), 12000.0),
    (9, "LIS-2", "Lisbon Warehouse", 2, "building", "Lisbon", "PT", 38.7301, -9.1488, "Europe/Lisbon", dt.date(2021, 1, 4), 6500.0),
    (10, "DEN-1", "Denver Plant", 3, "building", "Denver", "US", 39.7401, -104.9920, "America/Denver", dt.date(2021, 3, 1), 20000.0),
    (11, "DEN-2", "Denver Office", 3, "building", "Denver", "US", 39.7388, -104.9899, "America/Denver", dt.date(2023, 12, 31), 7250.0),
    (12, "NOR-A-SRV", "Server Room A1", 5, "room", "Oslo", "NO", None, None, "Europe/Oslo", dt.date(2019, 1, 1), 120.0),
    (13, "NOR-B-COLD", "Cold Store B2", 6, "room", "Oslo", "NO", None, None, "Europe/Oslo", dt.date(2020, 3, 1), 300.0),
    (14, "LIS-2-COLD", "Freezer Hall", 9, "room", "Lisbon", "PT", None, None, "Europe/Lisbon", dt.date(2021, 1, 4), 850.0),
    (15, "DEN-1-BOIL", "Boiler Room", 10, "room", "Denver", "US", None, None, "America/Denver", dt.date(2021, 3, 1), 95.5),
    (16, "LIS-1-MTG", "Meeting Room Tejo", 8, "room", "Lisbon", "PT", None, None, "Europe/Lisbon", dt.date(2022, 1, 1), 40.0),
    (17, "DEN-2-LAB", "Denver Test Lab", 11, "room", "Denver", "US", None, None, "America/Denver", dt.date(2024, 1, 1), 60.0),
]
emit("sites", ["site_id", "site_code", "site_name", "parent_site_id", "site_kind", "city",
               "country_code", "latitude", "longitude", "tz_name", "commissioned_on", "floor_area_m2"],
     [s[:11] + (None if s[11] is None else Dec(s[11], 2),) for s in SITES], breaks=[4, 11])

# --------------------------------------------------------------------------
# device models
# --------------------------------------------------------------------------
MODELS = [
    (1, "Acme", "TH-100", "temperature", "degC", -20.0, 60.0, 3600),
    (2, "Acme", "HU-200", "humidity", "%", 0.0, 100.0, 3600),
    (3, "Breeze", "CO2-5", "co2", "ppm", 300.0, 5000.0, 3600),
    (4, "Voltix", "PM-3", "power", "kW", 0.0, 250.0, 3600),
    (5, "Baro", "BP-9", "pressure", "hPa", 900.0, 1100.0, 3600),
    (6, "Frost", "FT-20", "temperature", "degC", -45.0, 15.0, 3600),
    (7, "Hub", "GW-1", "gateway", "", None, None, 60),
    (8, "Hub", "GW-2", "gateway", "", None, None, 60),
    (9, "Acme", "TH-300", "temperature", "degC", -40.0, 85.0, 1800),
    (10, "Voltix", "PM-5", "power", "kW", 0.0, 500.0, 900),   # no devices yet
]
emit("device_models", ["model_id", "vendor", "model_name", "metric", "unit_symbol", "min_valid",
                       "max_valid", "sample_secs"],
     [m[:5] + (None if m[5] is None else Dec(m[5]), None if m[6] is None else Dec(m[6]), m[7])
      for m in MODELS])
MODEL_BY_ID = {m[0]: m for m in MODELS}

# --------------------------------------------------------------------------
# devices: gateways first, then sensors
# --------------------------------------------------------------------------
# id, site, model, gateway, label, installed, retired, firmware, active
DEVICES = [
    (1, 1, 7, None, "North gateway", dt.date(2019, 1, 15), None, "gw-3.1", True),
    (2, 2, 8, None, "Lisbon gateway", dt.date(2020, 6, 20), None, "gw-3.1", True),
    (3, 3, 8, None, "Denver gateway", dt.date(2021, 3, 5), None, "gw-2.9", True),
    (4, 4, 7, None, None, dt.date(2019, 12, 31), dt.date(2023, 6, 30), "gw-1.0", False),
]
SENSOR_SPECS = [
    # site, model, gateway, label
    (5, 1, 1, "Lobby east wall"), (5, 2, 1, "Lobby east wall"), (5, 3, 1, "Open office 2F"),
    (5, 4, 1, "Main feed"), (12, 9, 1, "Rack row 3"), (12, 2, 1, "Rack row 3"),
    (6, 1, 1, "Canteen"), (13, 6, 1, "Cold store door"), (13, 6, 1, "Cold store back"),
    (7, 3, 1, "Fume hood bay"), (7, 4, 1, "Lab sub-panel"), (4, 1, None, "Mast top"),
    (4, 5, None, "Mast top"), (4, 2, None, ""), (8, 1, 2, "Reception"),
    (8, 3, 2, "Manager's office"), (8, 4, 2, "Tower feed"), (16, 3, 2, "Tejo room"),
    (16, 1, 2, "Tejo room"), (9, 1, 2, "Loading dock"), (14, 6, 2, "Freezer 1"),
    (14, 6, 2, "Freezer 2"), (14, 2, 2, None), (9, 4, 2, "Warehouse feed"),
    (10, 1, 3, "Plant floor"), (10, 4, 3, "Plant feed"), (10, 5, 3, "Compressor line"),
    (15, 9, 3, "Boiler flue"), (15, 1, 3, "Boiler room"), (11, 1, 3, "Open plan"),
    (11, 3, 3, "Open plan"), (11, 2, None, None), (17, 9, 3, "Climate chamber"),
    (17, 3, 3, None), (5, 1, 1, "Stairwell"), (6, 3, None, "Canteen"),
    (8, 2, 2, "Reception"), (12, 9, 1, "Rack row 1"), (10, 2, 3, "Plant floor"),
    (9, 5, None, "Warehouse"), (2, 1, 2, "Campus gate"), (3, 1, 3, "Campus gate"),
    (13, 1, 1, "Cold store corridor"), (5, 9, 1, "Atrium"),
]
FIRMWARES = ["v1.2.0", "v1.10.3", "v1.9.8", "v2.0.0", "v2.0.1", None]
for i, (site, model, gw, label) in enumerate(SENSOR_SPECS, start=5):
    commissioned = SITES[site - 1][10]
    inst = max(commissioned, dt.date(2019, 2, 1)) + dt.timedelta(days=rng.randint(0, 400))
    if inst > dt.date(2023, 10, 1):
        inst = dt.date(2023, 10, 1) - dt.timedelta(days=rng.randint(0, 90))
    if site in (11, 17):
        inst = dt.date(2024, 1, 1) if site == 17 else dt.date(2023, 12, 31)
    DEVICES.append((i, site, model, gw, label, inst, None, rng.choice(FIRMWARES), True))
# retire a few sensors (one retired on its install day)
RETIRED = {40: dt.date(2023, 12, 15), 41: dt.date(2024, 2, 1), 45: None, 47: dt.date(2024, 1, 20)}
devs = []
for d in DEVICES:
    d = list(d)
    if d[0] in RETIRED:
        d[6] = RETIRED[d[0]] if RETIRED[d[0]] is not None else d[5]
        d[8] = False
    devs.append(tuple(d))
# an active-looking device that is flagged inactive without a retirement date
devs[29] = devs[29][:8] + (False,)
DEVICES = devs
DEV = {d[0]: d for d in DEVICES}
emit("devices", ["device_id", "serial_no", "site_id", "model_id", "gateway_id", "device_label",
                 "installed_on", "retired_on", "firmware", "is_active"],
     [(d[0], "SN-%s-%04d" % (MODEL_BY_ID[d[2]][1][:2].upper(), 1000 + d[0] * 37 % 997),
       d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]) for d in DEVICES], breaks=[4])

# --------------------------------------------------------------------------
# raw readings
# --------------------------------------------------------------------------
WINDOWS = [(dt.datetime(2023, 12, 29), dt.datetime(2024, 1, 3, 23)),
           (dt.datetime(2024, 2, 27), dt.datetime(2024, 3, 2, 23))]
# device -> (base, daily amplitude, noise, battery powered)
READING_DEVICES = {
    5: (21.5, 1.5, 0.3, True),     # lobby temperature
    6: (38.0, 6.0, 2.0, True),     # lobby humidity
    7: (650.0, 350.0, 40.0, False),  # office co2
    8: (55.0, 45.0, 4.0, False),   # main feed power (0 at night)
    9: (24.0, 1.0, 0.4, False),    # rack temperature
    12: (-18.5, 0.8, 0.5, True),   # cold store door (freezer)
    13: (-19.5, 0.4, 0.3, True),   # cold store back
    16: (-2.0, 4.0, 1.5, True),    # mast temperature (outdoor winter, crosses zero)
    17: (1008.0, 6.0, 1.5, True),  # mast pressure
    19: (20.5, 1.0, 0.3, True),    # Lisbon reception temperature
    20: (700.0, 450.0, 60.0, False),  # manager's office co2
    21: (80.0, 60.0, 5.0, False),  # tower feed power
    25: (-22.0, 1.0, 0.6, False),  # freezer 1
    30: (70.0, 50.0, 6.0, False),  # plant feed power
    34: (21.0, 1.2, 0.3, True),    # Denver open-plan temperature (installed 2023-12-31)
    38: (1500.0, 500.0, 80.0, False),  # Denver lab co2 (installed 2024-01-01)
}
JITTER = {9: 7, 20: 30}          # off-the-hour sampling offsets (seconds)
# outages: device -> list of (start, hours)
OUTAGES = {
    7: [(dt.datetime(2023, 12, 31, 20), 6)],
    8: [(dt.datetime(2024, 2, 29, 9), 3)],
    12: [(dt.datetime(2024, 1, 1, 0), 2)],
    16: [(dt.datetime(2024, 2, 27, 0), 120)],      # mast temperature missing all of window 2
    19: [(dt.datetime(2023, 12, 30, 13), 1), (dt.datetime(2023, 12, 30, 17), 1)],
    21: [(dt.datetime(2024, 3, 1, 0), 5)],
    30: [(dt.datetime(2024, 1, 2, 12), 30)],
}
STUCK = {13: (dt.datetime(2024, 2, 28, 4), 10)}   # repeats the same value


def in_outage(dev, t):
    for s, h in OUTAGES.get(dev, []):
        if s <= t < s + dt.timedelta(hours=h):
            return True
    return False


raw = []   # (read_at, device, measured(float|None), quality, battery)
for dev in sorted(READING_DEVICES):
    base, amp, noise, battery = READING_DEVICES[dev]
    metric = MODEL_BY_ID[DEV[dev][2]][3]
    inst = DEV[dev][5]
    batt = 100.0 - rng.randint(0, 25)
    stuck_val = None
    for w0, w1 in WINDOWS:
        t = w0
        while t <= w1:
            ts = t + dt.timedelta(seconds=JITTER.get(dev, 0))
            if ts.date() < inst or in_outage(dev, t) or (rng.random() < 0.015):
                t += dt.timedelta(hours=1)
                continue
            hour = t.hour
            phase = math.sin((hour - 9) / 24.0 * 2 * math.pi)
            if metric == "power":
                v = 0.0 if hour < 6 or hour >= 21 else base + amp * phase + rng.gauss(0, noise)
                v = max(v, 0.0)
            elif metric == "co2":
                v = base + (amp * phase if 7 <= hour <= 19 else -amp * 0.4) + rng.gauss(0, noise)
            else:
                v = base + amp * phase + rng.gauss(0, noise)
            q = "good"
            if dev in STUCK:
                s, h = STUCK[dev]
                if s <= t < s + dt.timedelta(hours=h):
                    if stuck_val is None:
                        stuck_val = round(v, 3)
                    v = stuck_val
            r = rng.random()
            if r < 0.012:
                v, q = None, "bad"
            elif r < 0.016:
                v, q = -999.0, "bad"                   # sentinel error code
            elif r < 0.024:
                v, q = v * rng.choice([3.0, -1.0, 0.1]), "suspect"
            if metric == "power" and v is not None and v == 0.0:
                q = "good"
            b = None
            if battery:
                batt -= rng.uniform(0.0, 0.25)
                b = max(0, int(round(batt)))
                if dev == 17 and w0.month == 2:
                    b = max(0, b - 60)                 # mast pressure battery nearly dead
            raw.append((safe_ts(ts), dev, None if v is None else round(v, 3), q, b))
            t += dt.timedelta(hours=1)
# special rows: exact year boundary duplicate values and a reading exactly at midnight of the leap day
raw.sort(key=lambda r: (r[0], r[1]))
emit("readings", ["reading_id", "device_id", "read_at", "measured", "quality", "battery_pct"],
     [(i, r[1], r[0], None if r[2] is None else Dec(r[2]), r[3], r[4])
      for i, r in enumerate(raw, start=1)])

# --------------------------------------------------------------------------
# daily rollups (2023-12-01 .. 2024-03-10)
# --------------------------------------------------------------------------
ROLLUP_DEVICES = sorted(READING_DEVICES) + [10, 22, 29, 40]
raw_by_day = {}
for t, dev, v, q, b in raw:
    raw_by_day.setdefault((dev, t.date()), []).append(v)
raw_days = set()
for w0, w1 in WINDOWS:
    d = w0.date()
    while d <= w1.date():
        raw_days.add(d)
        d += dt.timedelta(days=1)
rollups = []
day0, day1 = dt.date(2023, 12, 1), dt.date(2024, 3, 10)
for dev in ROLLUP_DEVICES:
    metric = MODEL_BY_ID[DEV[dev][2]][3]
    base, amp, noise, _ = READING_DEVICES.get(dev, (21.0, 1.5, 0.4, True))
    if metric == "humidity" and dev not in READING_DEVICES:
        base, amp, noise = 45.0, 8.0, 2.0
    if metric == "co2" and dev not in READING_DEVICES:
        base, amp, noise = 600.0, 300.0, 40.0
    d = day0
    while d <= day1:
        cur = d
        d += dt.timedelta(days=1)
        if cur < DEV[dev][5] or (DEV[dev][6] is not None and cur > DEV[dev][6]):
            continue
        if cur in raw_days and dev in READING_DEVICES:
            vals = raw_by_day.get((dev, cur), [])
            good = [v for v in vals if v is not None and v != -999.0]
            n_all = len(vals)
            if n_all == 0:
                rollups.append((dev, cur, 0, None, None, None, Dec(0, 2)))
                continue
            cnt = len(good)
            avg = round(sum(good) / cnt, 4) if cnt else None
            mn = Dec(min(good)) if cnt else None
            mx = Dec(max(good)) if cnt else None
            if (dev, cur) in ((9, dt.date(2024, 1, 1)), (21, dt.date(2024, 2, 28)), (12, dt.date(2023, 12, 30))):
                cnt += 1                     # deliberate discrepancy with the raw data
            rollups.append((dev, cur, cnt, mn, mx, avg, Dec(min(100.0, 100.0 * n_all / 24), 2)))
            continue
        if rng.random() < 0.03:
            continue                         # missing rollup day
        if rng.random() < 0.01:
            rollups.append((dev, cur, 0, None, None, None, Dec(0, 2)))
            continue
        n = 24 - (rng.randint(1, 6) if rng.random() < 0.15 else 0)
        season = -3.0 if metric == "temperature" and dev in (16,) and cur.month in (1, 2) else 0.0
        avg = base + season + rng.gauss(0, noise)
        spread = abs(amp) + abs(rng.gauss(0, noise))
        mn, mx = avg - spread, avg + spread
        if metric == "power":
            mn = 0.0
            mx = max(mx, avg)
        rollups.append((dev, cur, n, Dec(mn), Dec(mx), round(avg, 4), Dec(100.0 * n / 24, 2)))
emit("daily_rollups", ["device_id", "day_of", "sample_count", "min_measured", "max_measured",
                       "avg_measured", "uptime_pct"], rollups)

# --------------------------------------------------------------------------
# alert rules, technicians
# --------------------------------------------------------------------------
RULES = [
    ("TEMP_HIGH", "temperature", ">", 27.0, "warning", "Room temperature above comfort range"),
    ("TEMP_CRIT", "temperature", ">", 35.0, "critical", "Temperature dangerously high"),
    ("FREEZER_WARM", "temperature", ">", -15.0, "critical", "Freezer warmer than -15 degC"),
    ("HUMID_HIGH", "humidity", ">", 70.0, "warning", None),
    ("HUMID_LOW", "humidity", "<", 15.0, "info", "Air too dry"),
    ("CO2_HIGH", "co2", ">", 1200.0, "warning", "Ventilation needed"),
    ("CO2_CRIT", "co2", ">", 2000.0, "critical", "Evacuate and ventilate"),
    ("POWER_SPIKE", "power", ">", 120.0, "warning", "Load above contracted capacity"),
    ("PRESSURE_LOW", "pressure", "<", 995.0, "info", "Low pressure, storm likely"),
    ("BATTERY_LOW", "battery", "<", 15.0, "info", "Replace battery soon"),
    ("SENSOR_FAULT", "any", "<", -998.0, "warning", "Sensor returned its error code"),
]
emit("alert_rules", ["rule_code", "metric", "comparator", "threshold_val", "severity", "description"],
     [(r[0], r[1], r[2], Dec(r[3]), r[4], r[5]) for r in RULES])
TECHS = [
    (1, "Ingrid Halvorsen", None, 62.50, 1), (2, "Niamh O'Neill", "CoolServ AS", 85.00, 1),
    (3, "Joao Pereira", None, 48.00, 2), (4, "Ana Sousa", "FrioTec", 55.75, 2),
    (5, "Marcus Reed", None, 70.00, 3), (6, "Dana Whitfield", "Peak HVAC", 95.00, 3),
    (7, "Ole Berg", None, 0.00, 1), (8, "Priya Natarajan", "Voltix Field Service", 110.00, None),
    (9, "Tom D'Angelo", "Peak HVAC", 95.00, 3), (10, "Sara Lind", None, 64.00, None),
    (11, "Ines Carvalho", "FrioTec", 55.75, 2), (12, "Kwame Mensah", None, 58.25, 3),
]
emit("technicians", ["technician_id", "full_name", "employer", "hourly_rate", "home_site_id"],
     [(t[0], t[1], t[2], Dec(t[3], 2), t[4]) for t in TECHS])

# --------------------------------------------------------------------------
# alerts: breach episodes in the raw data + synthetic alerts on other days
# --------------------------------------------------------------------------
rule_by_metric = {}
for r in RULES:
    rule_by_metric.setdefault(r[1], []).append(r)
FREEZERS = {12, 13, 25, 26}
alerts = []
by_dev = {}
for t, dev, v, q, b in raw:
    by_dev.setdefault(dev, []).append((t, v, q, b))


def breaches(rule, v):
    return (v > rule[3]) if rule[2] == ">" else (v < rule[3])


for dev in sorted(by_dev):
    metric = MODEL_BY_ID[DEV[dev][2]][3]
    rules = [r for r in rule_by_metric.get(metric, [])]
    if metric == "temperature":
        rules = [r for r in rules if (r[0] == "FREEZER_WARM") == (dev in FREEZERS)]
    rules = rules + rule_by_metric["any"] + rule_by_metric["battery"]
    for rule in rules:
        open_alert = None
        prev_t = None
        for t, v, q, b in by_dev[dev]:
            x = b if rule[1] == "battery" else v
            gap = prev_t is not None and (t - prev_t) > dt.timedelta(hours=6)
            if gap and open_alert is not None:
                open_alert[3] = prev_t         # cleared when the data stopped
                open_alert = None
            prev_t = t
            if x is None:
                continue
            if rule[1] != "any" and x == -999.0:
                continue
            hit = breaches(rule, x)
            if hit and open_alert is None:
                open_alert = [dev, rule[0], t, None, x]
                alerts.append(open_alert)
            elif not hit and open_alert is not None:
                open_alert[3] = t
                open_alert = None
        # window end: alerts still open stay open (cleared_at NULL)
# synthetic alerts on non-raw days, from rollup maxima
for dev, day, n, mn, mx, avg, up in rollups:
    if day in raw_days or mx is None:
        continue
    metric = MODEL_BY_ID[DEV[dev][2]][3]
    for rule in rule_by_metric.get(metric, []):
        if metric == "temperature" and (rule[0] == "FREEZER_WARM") != (dev in FREEZERS):
            continue
        x = float(mx.text) if rule[2] == ">" else float(mn.text)
        if (breaches(rule, x) and rng.random() < 0.3) or rng.random() < 0.02:
            t = safe_ts(dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=rng.randint(0, 1439)))
            alerts.append([dev, rule[0], t, None, x])
alerts.sort(key=lambda a: (a[2], a[0], a[1]))
NOTES = ["Door left open during delivery", "False alarm, sensor in direct sun",
         "Checked on site, nothing found", "", "Customer's fridge door was propped open",
         "Escalated to facilities", "Filter replaced",
         "Long investigation: the reading jumped every night around the same time. We swapped the "
         "sensor, re-seated the cable, moved the gateway and finally found that the cleaning crew "
         "unplugged the ventilation unit to charge their equipment. Added a sign and a locked outlet."]
alert_rows = []
for i, (dev, rule, t, cleared, x) in enumerate(alerts, start=1):
    if cleared is None and rng.random() < 0.8 and t < dt.datetime(2024, 3, 2):
        if t.date() not in raw_days:
            cleared = safe_ts(t + dt.timedelta(minutes=rng.randint(5, 60 * 30)))
    if cleared is not None and cleared < t:
        cleared = t
    # technicians 7 (volunteer) and 12 (new hire) never acknowledge alerts
    ack = None if rng.random() < 0.3 else rng.choice([1, 2, 3, 4, 5, 6, 8, 9, 10, 11])
    note = None if rng.random() < 0.75 else rng.choice(NOTES)
    obs = None if rng.random() < 0.03 else Dec(x)
    alert_rows.append((i, dev, rule, t, cleared, obs, ack, note))
emit("alerts", ["alert_id", "device_id", "rule_code", "raised_at", "cleared_at", "observed",
                "acknowledged_by", "note"], alert_rows)

# --------------------------------------------------------------------------
# maintenance windows
# --------------------------------------------------------------------------
REASONS = ["Quarterly inspection", "Battery replacement", "Firmware upgrade", "Sensor recalibration",
           "Gateway reboot", "Replace faulty probe", "HVAC service", "Freezer defrost",
           "Electrical safety test", "Move sensor to new location"]
site_devices = {}
for d in DEVICES:
    site_devices.setdefault(d[1], []).append(d[0])
maint = []
m_lo, m_hi = dt.datetime(2023, 11, 1), dt.datetime(2024, 3, 31, 18)
for _ in range(125):
    site = rng.choice(sorted(site_devices))
    dev = None
    if rng.random() < 0.7:
        dev = rng.choice(site_devices[site])
    start = rand_ts(m_lo, m_hi)
    start = start.replace(minute=rng.choice([0, 15, 30, 45]), second=0)
    hours = rng.choice([0.5, 1, 1, 2, 2, 3, 4, 8])
    end = safe_ts(start + dt.timedelta(hours=hours))
    tech = None if rng.random() < 0.1 else rng.randint(1, len(TECHS))
    reason = rng.choice(REASONS)
    if dev is not None and MODEL_BY_ID[DEV[dev][2]][3] == "gateway":
        reason = "Gateway reboot"
    cost = None
    if tech is not None and rng.random() > 0.15:
        cost = Dec(hours * TECHS[tech - 1][3], 2)
    maint.append([site, dev, tech, safe_ts(start), end, reason, cost])
# windows that overlap the raw-data windows on devices with readings
for dev, start, hours in ((12, dt.datetime(2024, 1, 1, 0, 0), 3), (8, dt.datetime(2024, 2, 29, 8, 30), 4),
                          (20, dt.datetime(2023, 12, 29, 10, 0), 2), (30, dt.datetime(2024, 1, 2, 11, 0), 26),
                          (25, dt.datetime(2024, 2, 28, 6, 0), 8), (None, dt.datetime(2024, 3, 1, 9, 0), 6)):
    site = DEV[dev][1] if dev is not None else 5
    maint.append([site, dev, 4 if site in (8, 9, 14) else 1, start, start + dt.timedelta(hours=hours),
                  "Sensor recalibration" if dev else "Electrical safety test", Dec(hours * 55.75, 2)])
# planned work that itself triggered alerts (alerts raised during maintenance)
for i, dev, rule, t, cleared, obs, ack, note in alert_rows:
    if i % 40 == 7:
        start = safe_ts((t - dt.timedelta(minutes=30)).replace(second=0))
        maint.append([DEV[dev][1], dev, 1 + i % len(TECHS), start, safe_ts(start + dt.timedelta(hours=2)),
                      "Sensor recalibration", Dec(2 * TECHS[i % len(TECHS)][3], 2)])
# two crews on the same site at the same time
maint.append([5, 8, 10, dt.datetime(2024, 3, 1, 10, 0), dt.datetime(2024, 3, 1, 12, 0), "Replace faulty probe", Dec(128.0, 2)])
maint.append([13, 13, 7, dt.datetime(2024, 1, 1, 1, 0), dt.datetime(2024, 1, 1, 1, 45), "Freezer defrost", Dec(0.0, 2)])
# still-open windows
maint.append([13, 12, 2, dt.datetime(2024, 3, 30, 22, 0), None, "Freezer defrost", None])
maint.append([10, None, None, dt.datetime(2024, 3, 31, 23, 59, 59), None, "Electrical safety test", None])
maint.sort(key=lambda m: (m[3], m[0]))
emit("maintenance_windows", ["maint_id", "site_id", "device_id", "technician_id", "starts_at", "ends_at",
                             "reason", "labour_cost"],
     [[i] + m for i, m in enumerate(maint, start=1)])

sys.stdout.write("-- Generated by gen_data.py (seed %d). Do not edit by hand.\n\n" % SEED)
sys.stdout.write("".join(out))
