#!/usr/bin/env python3
"""Deterministic data generator for the hr corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output is byte-for-byte reproducible for a
given SEED. Parents are inserted before children; employees are inserted one
management level per statement (CEO first), so every manager row exists
before the statement that references it. Every INSERT carries at most 500 rows.
"""
import datetime as dt
import random
import sys

SEED = 19700101
MAX_ROWS = 500
TODAY = dt.date(2024, 12, 31)   # the data's "now"
GO_LIVE = dt.date(2022, 1, 1)   # salary history starts with the HR system migration

rng = random.Random(SEED)
out = []


# --------------------------------------------------------------------------
# SQL literal helpers
# --------------------------------------------------------------------------
def q(s):
    if s is None:
        return "NULL"
    return "'" + s.replace("'", "''") + "'"


def money(cents):
    if cents is None:
        return "NULL"
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return "%s%d.%02d" % (sign, cents // 100, cents % 100)


def d(day):
    return "NULL" if day is None else "'" + day.isoformat() + "'"


def ts(moment):
    return "NULL" if moment is None else "'" + moment.strftime("%Y-%m-%d %H:%M:%S") + "'"


def b(flag):
    if flag is None:
        return "NULL"
    return "TRUE" if flag else "FALSE"


def num(x):
    return "NULL" if x is None else str(x)


def emit(table, columns, rows):
    for start in range(0, len(rows), MAX_ROWS):
        chunk = rows[start:start + MAX_ROWS]
        out.append("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(columns)))
        out.append(",\n".join("(" + ",".join(r) + ")" for r in chunk))
        out.append(";\n")


def rand_day(lo, hi):
    if hi < lo:
        return lo
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def rand_time(day):
    # no wall-clock times between 01:00 and 05:59 (daylight-saving gaps)
    hour = rng.choice([0] + list(range(6, 24)))
    return dt.datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), rng.randint(0, 59))


# --------------------------------------------------------------------------
# locations and exchange rates
# --------------------------------------------------------------------------
LOCATIONS = [  # id, city, country, region, opened, currency
    (1, "New York", "US", "AMER", dt.date(2010, 1, 4), "USD"),
    (2, "San Francisco", "US", "AMER", dt.date(2012, 6, 1), "USD"),
    (3, "Toronto", "CA", "AMER", dt.date(2016, 9, 1), "CAD"),
    (4, "Sao Paulo", "BR", "AMER", dt.date(2021, 3, 1), "BRL"),
    (5, "London", "GB", "EMEA", dt.date(2013, 1, 2), "GBP"),
    (6, "Dublin", "IE", "EMEA", dt.date(2017, 4, 3), "EUR"),
    (7, "Berlin", "DE", "EMEA", dt.date(2015, 10, 1), "EUR"),
    (8, "Warsaw", "PL", "EMEA", dt.date(2019, 2, 1), "PLN"),
    (9, "Amsterdam", "NL", "EMEA", None, "EUR"),
    (10, "Singapore", "SG", "APAC", dt.date(2018, 8, 1), "SGD"),
    (11, "Sydney", "AU", "APAC", dt.date(2020, 1, 1), "AUD"),
    (12, "Bangalore", "IN", "APAC", dt.date(2022, 12, 31), "INR"),
]
FX = [("AUD", "0.660000"), ("BRL", "0.200000"), ("CAD", "0.740000"), ("EUR", "1.080000"),
      ("GBP", "1.270000"), ("INR", "0.012000"), ("JPY", "0.006700"), ("PLN", "0.250000"),
      ("SGD", "0.740000"), ("USD", "1.000000")]
FX_RATE = {c: float(r) for c, r in FX}
CURRENCY_OF = {loc[0]: loc[5] for loc in LOCATIONS}

# --------------------------------------------------------------------------
# departments: (id, name, parent, location, family)
# --------------------------------------------------------------------------
DEPTS = [
    (1, "Executive Office", None, 1, "Executive"),
    (2, "Engineering", None, 2, "Engineering"),
    (3, "Platform Engineering", 2, 2, "Engineering"),
    (4, "Mobile Engineering", 2, 7, "Engineering"),
    (5, "Data & Analytics", 2, 8, "Data"),
    (6, "Quality Assurance", 2, 12, "Engineering"),
    (7, "Product", None, 2, "Product"),
    (8, "Design", 7, 9, "Design"),
    (9, "Sales", None, 1, "Sales"),
    (10, "Americas Sales", 9, 1, "Sales"),
    (11, "EMEA Sales", 9, 5, "Sales"),
    (12, "APAC Sales", 9, 10, "Sales"),
    (13, "Marketing", None, 5, "Marketing"),
    (14, "Finance", None, 1, "Finance"),
    (15, "Accounting", 14, 6, "Finance"),
    (16, "FP&A", 14, 1, "Finance"),
    (17, "People", None, 6, "People"),
    (18, "Talent Acquisition", 17, 3, "People"),
    (19, "Operations", None, 3, "Operations"),
    (20, "Customer Support", 19, 8, "Support"),
    (21, "IT & Facilities", 19, None, "Operations"),
    (22, "Legal", None, 5, "Legal"),
    (23, "Founder's Lab", 1, 2, "Engineering"),
    (24, "Legacy Systems", 2, None, "Engineering"),
]
DEPT = {x[0]: x for x in DEPTS}
CHILDREN = {}
for x in DEPTS:
    CHILDREN.setdefault(x[2], []).append(x[0])
COST_CENTER = {x[0]: "CC-%04d" % (1000 + x[0] * 10) for x in DEPTS}
BUDGET = {}
for x in DEPTS:
    BUDGET[x[0]] = None if x[0] in (23, 24, 16) else rng.randint(8, 90) * 25000000

# --------------------------------------------------------------------------
# jobs: title, family, grade, min, max (USD), manager?
# --------------------------------------------------------------------------
JOBS = []


def job(title, family, grade, lo, hi, mgr=False):
    JOBS.append((len(JOBS) + 1, title, family, grade, lo * 100, hi * 100, mgr))


job("Chief Executive Officer", "Executive", 10, 250000, 600000, True)
job("Executive Assistant", "Executive", 3, 50000, 80000)
for fam, ic in [("Engineering", ["Software Engineer I", "Software Engineer II", "Senior Software Engineer",
                                 "Staff Software Engineer"]),
                ("Data", ["Data Analyst", "Data Engineer", "Senior Data Scientist", "Principal Data Scientist"]),
                ("Product", ["Associate Product Manager", "Product Manager", "Senior Product Manager",
                             "Principal Product Manager"]),
                ("Design", ["Junior Designer", "Product Designer", "Senior Product Designer", "Design Lead"]),
                ("Sales", ["Sales Development Rep", "Account Executive", "Senior Account Executive",
                           "Strategic Account Director"]),
                ("Marketing", ["Marketing Coordinator", "Marketing Specialist", "Senior Marketing Manager",
                               "Head of Brand"]),
                ("Finance", ["Accounts Assistant", "Financial Analyst", "Senior Financial Analyst",
                             "Finance Business Partner"]),
                ("People", ["People Coordinator", "Recruiter", "Senior HR Business Partner",
                            "Principal People Partner"]),
                ("Operations", ["Operations Associate", "IT Support Specialist", "Systems Administrator",
                                "Operations Lead"]),
                ("Support", ["Support Agent", "Senior Support Agent", "Support Specialist", "Support Lead"]),
                ("Legal", ["Paralegal", "Legal Counsel", "Senior Legal Counsel", "Principal Counsel"])]:
    base = {"Engineering": 95000, "Data": 85000, "Product": 90000, "Design": 75000, "Sales": 60000,
            "Marketing": 55000, "Finance": 60000, "People": 52000, "Operations": 48000,
            "Support": 40000, "Legal": 80000}[fam]
    for g, title in enumerate(ic, start=3):
        lo = int(base * (1.25 ** (g - 3)))
        job(title, fam, g, lo - lo % 1000, int(lo * 1.6) - int(lo * 1.6) % 1000)
    job({"Engineering": "Engineering Manager", "Data": "Analytics Manager", "Product": "Group Product Manager",
         "Design": "Design Manager", "Sales": "Sales Manager", "Marketing": "Marketing Manager",
         "Finance": "Finance Manager", "People": "HR Manager", "Operations": "Operations Manager",
         "Support": "Support Manager", "Legal": "Legal Manager"}[fam], fam, 7,
        int(base * 1.9) // 1000 * 1000, int(base * 3.0) // 1000 * 1000, True)
    job("Director of " + fam, fam, 8, int(base * 2.3) // 1000 * 1000, int(base * 3.6) // 1000 * 1000, True)
    job("VP " + fam, fam, 9, int(base * 2.8) // 1000 * 1000, int(base * 4.5) // 1000 * 1000, True)
job("Intern", "General", 1, 20000, 40000)
job("Contractor", "General", 2, 30000, 150000)
job("Chief of Staff", "Executive", 8, 150000, 260000, False)   # a band nobody holds

JOB_BY_TITLE = {j[1]: j for j in JOBS}
FAMILY_JOBS = {}
for j in JOBS:
    FAMILY_JOBS.setdefault((j[2], j[3]), j)

# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------
FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen",
           "Anna", "Zofia", "Camille", "Sofia", "Emma", "Olivia", "Aoife", "Yuki", "Ingrid", "Priya",
           "Ananya", "Mei", "Fatima", "Giulia", "Chloe", "Amelia", "Lucia", "Hannah", "Nora"]
FIRST_M = ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
           "Charles", "Lukas", "Jan", "Pierre", "Mateo", "Noah", "Liam", "Sean", "Hiro", "Lars",
           "Luca", "Pablo", "Jack", "Arjun", "Rahul", "Wei", "Omar", "Tomasz", "Felix"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez",
        "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
        "Muller", "Schmidt", "Nowak", "Kowalski", "Dubois", "Rossi", "Jansen", "de Jong", "Tanaka",
        "Sato", "O'Neil", "O'Hara", "D'Souza", "Murphy", "Kelly", "Silva", "Santos", "Patel", "Sharma",
        "Iyer", "Chen", "Wang", "Nguyen", "Kim", "Van den Berg", "Wozniak"]

# --------------------------------------------------------------------------
# the organisation tree
# --------------------------------------------------------------------------
employees = []   # dicts, BFS order = id order


def new_emp(level, dept, job_title, manager, kind="full_time"):
    e = dict(id=len(employees) + 1, level=level, dept=dept, job=JOB_BY_TITLE[job_title][0],
             manager=manager, kind=kind)
    employees.append(e)
    return e


def ic_title(family, senior_bias=0.0):
    r = rng.random() + senior_bias
    g = 3 if r < 0.30 else 4 if r < 0.68 else 5 if r < 0.92 else 6
    return FAMILY_JOBS[(family, g)][1]


ceo = new_emp(0, 1, "Chief Executive Officer", None)
pending = []  # (employee, kind of node) processed breadth-first
queue = [ceo]
level_members = {0: [ceo]}
# level 1: VPs of the top-level departments plus the CEO's assistant
vps = {}
for dep in [x for x in DEPTS if x[2] is None and x[0] != 1]:
    vps[dep[0]] = new_emp(1, dep[0], "VP " + dep[4], ceo["id"])
new_emp(1, 1, "Executive Assistant", ceo["id"])
lab_lead = new_emp(1, 23, "Staff Software Engineer", ceo["id"])

# level 2: directors of sub-departments, or managers for departments without children
directors = {}
for dep in DEPTS:
    if dep[2] is None or dep[0] in (1, 23, 24):
        continue
    vp = vps[dep[2]]
    directors[dep[0]] = new_emp(2, dep[0], "Director of " + dep[4], vp["id"])
level2_managers = []
for dep_id, vp in vps.items():
    if dep_id not in CHILDREN or dep_id == 7:  # teams reporting to the VP directly
        fam = DEPT[dep_id][4]
        for _ in range(rng.randint(2, 3)):
            level2_managers.append(new_emp(2, dep_id, FAMILY_JOBS[(fam, 7)][1], vp["id"]))
# Founder's lab: a few engineers reporting to the lab lead
for _ in range(4):
    new_emp(2, 23, ic_title("Engineering", 0.3), lab_lead["id"])

# level 3: managers under directors
TEAM_COUNT = {3: 5, 4: 3, 5: 3, 6: 2, 8: 2, 10: 4, 11: 4, 12: 2, 15: 2, 16: 1, 18: 2, 20: 5, 21: 2}
level3_managers = []
for dep_id, director in directors.items():
    fam = DEPT[dep_id][4]
    for _ in range(TEAM_COUNT.get(dep_id, 2)):
        level3_managers.append(new_emp(3, dep_id, FAMILY_JOBS[(fam, 7)][1], director["id"]))

# two newly appointed managers whose teams are still being hired
new_managers = [new_emp(3, dep_id, FAMILY_JOBS[(DEPT[dep_id][4], 7)][1], directors[dep_id]["id"])
                for dep_id in (3, 20)]

# teams of individual contributors
TARGET = 1012
team_leads = level2_managers + level3_managers
sizes = [rng.randint(5, 14) for _ in team_leads]
scale = (TARGET - 44 - len(employees)) / float(sum(sizes))
ic_by_level = {}
for mgr, size in zip(team_leads, sizes):
    fam = DEPT[mgr["dept"]][4]
    for _ in range(max(2, int(round(size * scale)))):
        kind = rng.choices(["full_time", "part_time", "contractor"], [88, 7, 5])[0]
        title = ic_title(fam) if kind != "contractor" else "Contractor"
        e = new_emp(mgr["level"] + 1, mgr["dept"], title, mgr["id"], kind)
        ic_by_level.setdefault(e["level"], []).append(e)

# interns report to senior ICs (one level deeper)
seniors = [e for e in employees if JOBS[e["job"] - 1][3] >= 5 and e["level"] >= 3
           and not JOBS[e["job"] - 1][6]]
rng.shuffle(seniors)
for mentor in seniors[:25]:
    for _ in range(rng.randint(1, 2)):
        new_emp(mentor["level"] + 1, mentor["dept"], "Intern", mentor["id"], "intern")
# contractors that nobody manages (NULL manager)
for _ in range(8):
    dep = rng.choice([3, 4, 5, 20, 21])
    new_emp(1, dep, "Contractor", None, "contractor")

# Sort ids by level so a statement per level inserts managers before reports.
employees.sort(key=lambda e: (e["level"], e["id"]))
remap = {e["id"]: i + 1 for i, e in enumerate(employees)}
for e in employees:
    e["id"] = remap[e["id"]]
    e["manager"] = remap[e["manager"]] if e["manager"] else None
BY_ID = {e["id"]: e for e in employees}

# --------------------------------------------------------------------------
# personal data, dates and locations
# --------------------------------------------------------------------------
emails = set()
for e in employees:
    female = rng.random() < 0.46
    e["fn"] = rng.choice(FIRST_F if female else FIRST_M)
    e["ln"] = rng.choice(LAST)
    r = rng.random()
    e["gender"] = None if r < 0.04 else "X" if r < 0.06 else ("F" if female else "M")
    e["preferred"] = None
    r = rng.random()
    if r < 0.08:
        e["preferred"] = e["fn"][:3] if len(e["fn"]) > 4 else e["fn"] + "y"
    elif r < 0.10:
        e["preferred"] = ""
    elif r < 0.11:
        e["preferred"] = " " + e["fn"] + " "

OVERRIDES = {
    2: ("Bartholomew-Maximilian", "Featherstonehaugh-Wolfeschlegelsteinhausenbergerdorff-Vanderbilt"),
    3: ("Siobhan", "O'Sullivan-D'Arcy"),
    40: ("Al", "Wu"),
    41: ("John", "Smith"), 42: ("John", "Smith"), 43: ("John", "Smith"),
    120: ("Mary", "Jones"), 121: ("Mary", "Jones"),
}
for eid, (fn, ln) in OVERRIDES.items():
    BY_ID[eid]["fn"], BY_ID[eid]["ln"] = fn, ln

for e in employees:
    base = "%s.%s" % (e["fn"].lower(), e["ln"].lower().replace(" ", "").replace("'", ""))
    email = base + "@corp.test"
    k = 2
    while email in emails:
        email = "%s%d@corp.test" % (base, k)
        k += 1
    emails.add(email)
    e["email"] = email

# hire dates: managers first, people hired no earlier than their department
HAS_REPORTS = {e["manager"] for e in employees if e["manager"] is not None}
for e in employees:
    dep = DEPT[e["dept"]]
    e["location"] = dep[3] if dep[3] is not None else rng.choice([1, 5, 8])
    if e["level"] >= 3 and rng.random() < 0.18:
        e["location"] = rng.choice([1, 2, 3, 5, 6, 7, 8, 10, 11, 12])  # lives elsewhere
    loc = LOCATIONS[e["location"] - 1]
    earliest = max(dt.date(2010, 3, 1), loc[4] or dt.date(2018, 1, 1))
    if e["level"] == 0:
        e["hire"] = dt.date(2010, 3, 1)
    elif e["kind"] == "intern":
        e["hire"] = rand_day(dt.date(2024, 1, 8), dt.date(2024, 9, 30))
    elif e["kind"] == "contractor":
        e["hire"] = rand_day(max(earliest, dt.date(2021, 1, 1)), dt.date(2024, 11, 30))
    else:
        # growth: most hires in the last few years
        yr = rng.choices(range(2010, 2025), [1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 14, 16, 14, 11])[0]
        e["hire"] = max(earliest, rand_day(dt.date(yr, 1, 1), dt.date(yr, 12, 31)))
        if e["level"] <= 2:
            e["hire"] = min(e["hire"], dt.date(2021, 6, 30))
    e["hire"] = min(e["hire"], TODAY)
    e["birth"] = None if rng.random() < 0.07 else rand_day(
        dt.date(e["hire"].year - 60, 1, 1), dt.date(e["hire"].year - 19, 12, 31))
    if e["kind"] == "intern" and e["birth"] is not None:
        e["birth"] = rand_day(dt.date(e["hire"].year - 23, 1, 1), dt.date(e["hire"].year - 19, 12, 31))
    e["term"] = None
    if e["level"] >= 3 and e["id"] not in HAS_REPORTS and rng.random() < (0.16 if e["kind"] != "contractor" else 0.3):
        e["term"] = rand_day(e["hire"] + dt.timedelta(days=30), TODAY)
    if e["kind"] == "intern" and rng.random() < 0.5:
        e["term"] = min(e["hire"] + dt.timedelta(days=rng.choice([84, 91, 182])), TODAY)
    e["remote"] = rng.random() < (0.28 if e["level"] >= 3 else 0.05)
    fam = JOBS[e["job"] - 1][2]
    e["commission"] = None
    if fam == "Sales" and e["kind"] != "contractor":
        e["commission"] = rng.choice(["0.00", "2.50", "5.00", "7.50", "10.00", "12.50"])

# boundary dates
BY_ID[3]["hire"] = dt.date(2020, 1, 1)
BY_ID[3]["birth"] = dt.date(1980, 2, 29)
for eid, day in [(150, dt.date(2023, 12, 31)), (151, dt.date(2024, 1, 1)), (152, dt.date(2024, 2, 29)),
                 (153, dt.date(2022, 12, 31)), (154, dt.date(2021, 1, 1))]:
    BY_ID[eid]["hire"] = day
    BY_ID[eid]["term"] = None
# hired in the last days of the year: payroll has not set them up yet
NO_SALARY = {158, 159}
BY_ID[158].update(hire=dt.date(2024, 12, 30), term=None)
BY_ID[159].update(hire=dt.date(2024, 12, 31), term=None)
BY_ID[155]["term"] = TODAY
BY_ID[156]["term"] = dt.date(2024, 1, 31)
BY_ID[157]["term"] = BY_ID[157]["hire"]  # left on the first day
for eid in (155, 156):
    BY_ID[eid]["hire"] = min(BY_ID[eid]["hire"], dt.date(2023, 6, 1))
# a manager who left while still having reports on record
stale = [e for e in employees if e["level"] == 3 and JOBS[e["job"] - 1][6]][5]
stale["term"] = dt.date(2024, 11, 30)
stale["hire"] = min(stale["hire"], dt.date(2020, 5, 4))

for e in employees:
    if e["term"] is not None and e["term"] < e["hire"]:
        e["term"] = e["hire"]
    if e["term"] is None:
        login_day = rand_day(max(e["hire"], dt.date(2024, 6, 1)), TODAY)
        e["login"] = None if rng.random() < 0.03 else rand_time(login_day)
    else:
        e["login"] = None if rng.random() < 0.5 else rand_time(rand_day(
            max(e["hire"], e["term"] - dt.timedelta(days=20)), e["term"]))

# --------------------------------------------------------------------------
# salary history
# --------------------------------------------------------------------------
def local_amount(usd_cents, currency):
    amount = usd_cents / FX_RATE[currency]
    step = 10000 if currency not in ("INR", "JPY") else 100000  # round to 100 / 1000 units
    return max(step, int(round(amount / step)) * step)


salaries = []
for e in employees:
    if e["id"] in NO_SALARY:
        continue
    j = JOBS[e["job"] - 1]
    currency = CURRENCY_OF[e["location"]]
    if e["level"] >= 3 and rng.random() < 0.015:
        currency = "USD" if currency != "USD" else "EUR"  # paid from another entity
    lo, hi = j[4], j[5]
    usd = rng.randint(lo, lo + (hi - lo) * 2 // 3)
    if e["kind"] == "part_time":
        usd = usd * rng.choice([50, 60, 80]) // 100
    if e["kind"] == "contractor":
        usd = rng.randint(lo, hi)
    if e["level"] == 0:
        usd = 42000000
    bonus = None
    if j[3] >= 5 or j[6]:
        bonus = "%d.00" % rng.choice([0, 5, 10, 10, 15, 20, 25])
    if e["kind"] == "intern":
        bonus = None
    amount = local_amount(usd, currency)
    end_all = e["term"]
    start = max(e["hire"], GO_LIVE)
    if end_all is not None and end_all < GO_LIVE:
        start = e["hire"]  # left before the migration: one archived record
    reason = "hire" if e["hire"] >= GO_LIVE else "migration"
    records = [[start, amount, bonus, currency, reason]]
    for yr in (2023, 2024):
        when = dt.date(yr, 4, 1)
        if when <= start or (end_all is not None and when > end_all) or e["kind"] == "intern":
            continue
        r = rng.random()
        if r < 0.25:
            continue  # no raise that year
        if r < 0.33:
            amount = amount  # a zero raise still recorded
            reason2 = "merit"
        elif r < 0.43:
            amount = amount * rng.randint(108, 118) // 100
            reason2 = "promotion"
        else:
            amount = amount * rng.randint(101, 106) // 100
            reason2 = "merit"
        amount -= amount % 1000
        records.append([when, amount, bonus, currency, reason2])
    if e["level"] >= 3 and rng.random() < 0.04 and end_all is None and records[-1][0] < dt.date(2024, 7, 1):
        records.append([dt.date(2024, 7, 1), amount * 105 // 100 - (amount * 105 // 100) % 100, bonus,
                        currency, "market"])
    if rng.random() < 0.01:
        records[-1][4] = None  # reason not captured
    for k, rec in enumerate(records):
        nxt = records[k + 1][0] - dt.timedelta(days=1) if k + 1 < len(records) else end_all
        salaries.append([e["id"], rec[0], nxt, rec[1], rec[2], rec[3], rec[4]])

# Data-quality glitches for the checks: an overlapping period and a gap.
glitch = [s for k, s in enumerate(salaries[:-1]) if s[2] is not None and s[6] == "merit"
          and (s[2] - s[1]).days > 100 and salaries[k + 1][0] == s[0]]
glitch[3][2] = glitch[3][2] + dt.timedelta(days=45)    # overlaps the next record
glitch[10][2] = glitch[10][2] - dt.timedelta(days=31)  # leaves a gap

# --------------------------------------------------------------------------
# projects and assignments
# --------------------------------------------------------------------------
PROJECT_WORDS = ["Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris",
                 "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer", "Quartz",
                 "Redwood", "Summit", "Tundra"]
PROJECT_KIND = ["Migration", "Revamp", "Launch", "Integration", "Audit", "Automation", "Rollout"]
projects = []
active_staff = [e for e in employees if e["kind"] != "intern"]
for pid in range(1, 61):
    dep = rng.choice([3, 3, 4, 5, 5, 6, 7, 8, 10, 11, 13, 15, 16, 18, 20, 21, 22, 23])
    start = rand_day(dt.date(2021, 1, 4), dt.date(2024, 11, 1))
    status = rng.choices(["planned", "active", "on_hold", "done", "cancelled"], [6, 40, 6, 40, 8])[0]
    if status == "planned":
        start = rand_day(dt.date(2025, 1, 6), dt.date(2025, 6, 30))
    end = None
    if status in ("done", "cancelled"):
        end = min(start + dt.timedelta(days=rng.randint(30, 540)), TODAY)
    elif status == "active" and rng.random() < 0.5:
        end = start + dt.timedelta(days=rng.randint(200, 900))  # planned end date
    candidates = [e for e in employees if e["dept"] == dep and e["kind"] in ("full_time",)
                  and (e["term"] is None or e["term"] > start)]
    lead = rng.choice(candidates)["id"] if candidates and rng.random() > 0.08 else None
    budget = None if rng.random() < 0.15 else rng.randint(2, 300) * 500000
    name = "%s %s" % (rng.choice(PROJECT_WORDS), rng.choice(PROJECT_KIND))
    projects.append(dict(id=pid, code="PRJ-%03d" % (pid * 3), name=name, dept=dep, lead=lead,
                         start=start, end=end, budget=budget, status=status))
projects[0]["name"] = "Customer Data Platform Consolidation, Phase II (Including Legacy CRM Decommissioning and Archive)"
projects[1]["name"] = "Founder's Pet Project"
projects[2]["budget"] = 0

assignments = []
ROLES = ["developer", "developer", "analyst", "tester", "designer", "reviewer", "consultant", "sponsor"]
for p in projects:
    if p["status"] == "planned" and rng.random() < 0.5:
        continue
    eligible = [e for e in employees if (e["term"] is None or e["term"] > p["start"])
                and e["hire"] <= (p["end"] or TODAY)]
    same = [e for e in eligible if e["dept"] == p["dept"]]
    other = [e for e in eligible if e["dept"] != p["dept"]]
    size = rng.randint(9, 31)
    team = set()
    if p["lead"]:
        team.add(p["lead"])
    while len(team) < size:
        pool = same if rng.random() < 0.75 and same else other
        team.add(rng.choice(pool)["id"])
    for eid in sorted(team):
        e = BY_ID[eid]
        assigned = max(p["start"], e["hire"])
        released = None
        if e["term"] is not None and rng.random() < 0.8:
            released = max(assigned, min(e["term"], p["end"] or TODAY))
        elif p["end"] is not None and p["end"] <= TODAY:
            released = max(assigned, p["end"])
        elif rng.random() < 0.1:
            released = rand_day(assigned, TODAY) if assigned <= TODAY else assigned
        role = "lead" if eid == p["lead"] else rng.choice(ROLES)
        alloc = rng.choice([0, 10, 20, 25, 50, 50, 50, 75, 100, 100])
        if p["status"] == "planned":
            hours = 0
        else:
            span_end = min(released or TODAY, TODAY)
            weeks = max(0, (span_end - assigned).days) / 7.0
            hours = int(weeks * 40 * alloc / 100.0 * rng.uniform(0.6, 1.1) * 10)
        assignments.append((p["id"], eid, role, assigned, released, alloc, hours))

# --------------------------------------------------------------------------
# performance reviews
# --------------------------------------------------------------------------
PERIODS = [("2023-H2", dt.date(2023, 12, 31), dt.date(2024, 1, 31)),
           ("2024-H1", dt.date(2024, 6, 30), dt.date(2024, 7, 31)),
           ("2024-H2", dt.date(2024, 12, 31), dt.date(2024, 12, 31))]
COMMENTS = ["Consistently exceeds expectations.", "Solid delivery, needs to delegate more.",
            "Great mentor to the team's new hires.", "Missed several deadlines this period.",
            "Strong technical skills; communication can improve.", "Ready for promotion.",
            "On a performance improvement plan.", "Doesn't yet own projects end to end."]
reviews = []
sampled = [e for e in employees if e["kind"] in ("full_time", "part_time") and rng.random() < 0.21]
for e in sampled:
    talent = rng.gauss(3.3, 0.8)
    for period, end, due in PERIODS:
        if e["hire"] > end - dt.timedelta(days=90):
            continue
        if e["term"] is not None and e["term"] < end:
            continue
        score = max(1, min(5, int(round(talent + rng.gauss(0, 0.6)))))
        reviewer = e["manager"]
        if reviewer is not None and rng.random() < 0.06:
            reviewer = BY_ID[reviewer]["manager"]  # skip-level review
        if rng.random() < 0.02:
            reviewer = None
        when = rand_day(end - dt.timedelta(days=10), due)
        comment = rng.choice(COMMENTS) if rng.random() < 0.35 else None
        reviews.append([e["id"], reviewer, period, score, when, comment])
reviews.sort(key=lambda r: (r[2], r[0]))

# --------------------------------------------------------------------------
# leave requests
# --------------------------------------------------------------------------
leave = []
current = [e for e in employees if e["kind"] != "contractor"]
for _ in range(210):
    e = rng.choice(current)
    kind = rng.choices(["vacation", "sick", "parental", "unpaid", "training"], [60, 22, 4, 6, 8])[0]
    lo = max(e["hire"], dt.date(2023, 1, 2))
    hi = e["term"] or dt.date(2025, 3, 31)
    if hi < lo:
        continue
    start = rand_day(lo, hi)
    length = {"vacation": rng.randint(1, 15), "sick": rng.randint(1, 5), "parental": rng.randint(30, 120),
              "unpaid": rng.randint(1, 20), "training": rng.randint(1, 3)}[kind]
    end = start + dt.timedelta(days=length - 1)
    days = sum(1 for k in range(length) if (start + dt.timedelta(days=k)).weekday() < 5)
    half = rng.random() < 0.05 and length == 1
    requested = rand_time(start - dt.timedelta(days=rng.randint(0, 60)))
    approved = True
    if start > TODAY - dt.timedelta(days=14):
        approved = None if rng.random() < 0.6 else True
    elif rng.random() < 0.07:
        approved = False
    leave.append([e["id"], kind, start, end, "%d.%d" % ((days, 0) if not half else (0, 5)), approved,
                  requested])
leave.append([BY_ID[12]["id"], "vacation", dt.date(2023, 12, 27), dt.date(2024, 1, 5), "7.0", True,
              dt.datetime(2023, 11, 30, 23, 59, 59)])
leave.append([BY_ID[13]["id"], "sick", dt.date(2024, 2, 29), dt.date(2024, 2, 29), "0.0", True,
              dt.datetime(2024, 2, 29, 8, 0, 0)])
leave.sort(key=lambda r: (r[6], r[0]))

# --------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------
out.append("-- Generated by gen_data.py (seed %d). Do not edit by hand.\n" % SEED)
emit("locations", ["id", "city", "country_code", "region", "opened_on"],
     [[num(x[0]), q(x[1]), q(x[2]), q(x[3]), d(x[4])] for x in LOCATIONS])
emit("fx_rates", ["currency", "usd_rate"], [[q(c), r] for c, r in FX])
for depth_filter in (0, 1, 2):
    rows = []
    for x in DEPTS:
        depth = 0 if x[2] is None else (1 if DEPT[x[2]][2] is None else 2)
        if depth == depth_filter:
            rows.append([num(x[0]), q(x[1]), num(x[2]), num(x[3]), q(COST_CENTER[x[0]]), money(BUDGET[x[0]]),
                         d(dt.date(2010, 3, 1) + dt.timedelta(days=x[0] * 97))])
    if rows:
        emit("departments", ["id", "name", "parent_id", "location_id", "cost_center", "annual_budget",
                             "created_on"], rows)
emit("jobs", ["id", "title", "job_family", "grade", "min_salary", "max_salary", "is_people_manager"],
     [[num(j[0]), q(j[1]), q(j[2]), num(j[3]), money(j[4]), money(j[5]), b(j[6])] for j in JOBS])
for level in sorted({e["level"] for e in employees}):
    emit("employees", ["id", "first_name", "last_name", "preferred_name", "email", "gender", "birth_date",
                       "hire_date", "termination_date", "department_id", "job_id", "manager_id",
                       "location_id", "employment_type", "is_remote", "commission_pct", "last_login_at"],
         [[num(e["id"]), q(e["fn"]), q(e["ln"]), q(e["preferred"]), q(e["email"]), q(e["gender"]),
           d(e["birth"]), d(e["hire"]), d(e["term"]), num(e["dept"]), num(e["job"]), num(e["manager"]),
           num(e["location"]), q(e["kind"]), b(e["remote"]), e["commission"] or "NULL", ts(e["login"])]
          for e in employees if e["level"] == level])
emit("salaries", ["id", "employee_id", "effective_from", "effective_to", "base_salary", "bonus_target_pct",
                  "currency", "change_reason"],
     [[num(i), num(s[0]), d(s[1]), d(s[2]), money(s[3]), s[4] or "NULL", q(s[5]), q(s[6])]
      for i, s in enumerate(salaries, start=1)])
emit("projects", ["id", "code", "name", "department_id", "lead_employee_id", "start_date", "end_date",
                  "budget", "status"],
     [[num(p["id"]), q(p["code"]), q(p["name"]), num(p["dept"]), num(p["lead"]), d(p["start"]), d(p["end"]),
       money(p["budget"]), q(p["status"])] for p in projects])
emit("project_assignments", ["project_id", "employee_id", "role_name", "assigned_on", "released_on",
                             "allocation_pct", "hours_logged"],
     [[num(a[0]), num(a[1]), q(a[2]), d(a[3]), d(a[4]), num(a[5]), "%d.%d" % (a[6] // 10, a[6] % 10)]
      for a in assignments])
emit("performance_reviews", ["id", "employee_id", "reviewer_id", "review_period", "score", "reviewed_on",
                             "comments"],
     [[num(i), num(r[0]), num(r[1]), q(r[2]), num(r[3]), d(r[4]), q(r[5])]
      for i, r in enumerate(reviews, start=1)])
emit("leave_requests", ["id", "employee_id", "leave_type", "start_date", "end_date", "days", "approved",
                        "requested_at"],
     [[num(i), num(x[0]), q(x[1]), d(x[2]), d(x[3]), x[4], b(x[5]), ts(x[6])]
      for i, x in enumerate(leave, start=1)])

sys.stdout.write("".join(out))
