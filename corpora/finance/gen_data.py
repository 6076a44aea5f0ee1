#!/usr/bin/env python3
"""Deterministic data generator for the `finance` corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output depends on nothing but SEED, so it
reproduces byte for byte. Money is generated as integer cents, so every
journal entry balances exactly (except a handful of deliberately broken ones
that data-quality queries look for). Parents are inserted before children;
self-referencing rows (accounts, reversal entries) go in later statements than
the rows they point to, because DuckDB checks a foreign key only against rows
of earlier statements.
"""
import calendar
import datetime as dt
import random
import sys

SEED = 7031
BATCH = 500
rng = random.Random(SEED)
out = []


class Money:
    """A DECIMAL literal written exactly from integer cents."""

    def __init__(self, cents):
        self.cents = cents
        sign = "-" if cents < 0 else ""
        c = abs(cents)
        self.text = "%s%d.%02d" % (sign, c // 100, c % 100)


class Raw:
    def __init__(self, text):
        self.text = text


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (Money, Raw)):
        return v.text
    if isinstance(v, dt.datetime):
        return "'" + v.strftime("%Y-%m-%d %H:%M:%S") + "'"
    if isinstance(v, dt.date):
        return "'" + v.isoformat() + "'"
    return "'" + str(v).replace("'", "''") + "'"


def insert(table, cols, rows):
    for i in range(0, len(rows), BATCH):
        chunk = rows[i:i + BATCH]
        body = ",\n".join("(" + ", ".join(lit(v) for v in r) + ")" for r in chunk)
        out.append("INSERT INTO %s (%s) VALUES\n%s;\n" % (table, ", ".join(cols), body))


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_days(d, n):
    return d + dt.timedelta(days=n)


# ---------------------------------------------------------------- currencies
CURRENCIES = [("USD", "US dollar", 2, True), ("EUR", "Euro", 2, True), ("GBP", "Pound sterling", 2, True),
              ("JPY", "Japanese yen", 0, True), ("CHF", "Swiss franc", 2, True), ("KWD", "Kuwaiti dinar", 3, True),
              ("CAD", "Canadian dollar", 2, True), ("SEK", "Swedish krona", 2, False)]
insert("currencies", ["currency_code", "currency_name", "minor_units", "is_active"], CURRENCIES)

# ---------------------------------------------------------------- legal entities
ENTITIES = [(1, "Acme Holdings Inc", "US", "USD", dt.date(2015, 3, 1)),
            (2, "Acme Europe GmbH", "DE", "EUR", dt.date(2017, 6, 15)),
            (3, "Acme UK Ltd", "GB", "GBP", dt.date(2018, 1, 1)),
            (4, "Acme Japan KK", "JP", "JPY", dt.date(2020, 4, 1))]
insert("legal_entities", ["entity_id", "entity_name", "country_code", "base_currency", "incorporated_on"], ENTITIES)
BASE = {e[0]: e[3] for e in ENTITIES}
PREFIX = {1: "US", 2: "DE", 3: "UK", 4: "JP"}
SCALE = {"USD": 1.0, "EUR": 0.92, "GBP": 0.79, "JPY": 150.0, "CHF": 0.88, "KWD": 0.31, "CAD": 1.36}

# ---------------------------------------------------------------- chart of accounts
# (code, name, type, parent code, postable)
COA = [
    ("1000", "Assets", "asset", None, False),
    ("1100", "Current assets", "asset", "1000", False),
    ("1110", "Cash - operating", "asset", "1100", True),
    ("1120", "Cash - foreign currency", "asset", "1100", True),
    ("1130", "Petty cash", "asset", "1100", True),
    ("1200", "Accounts receivable", "asset", "1100", True),
    ("1210", "Allowance for doubtful accounts", "asset", "1100", True),
    ("1300", "Inventory", "asset", "1100", True),
    ("1400", "Prepaid expenses", "asset", "1100", True),
    ("1500", "Non-current assets", "asset", "1000", False),
    ("1510", "Equipment", "asset", "1500", True),
    ("1520", "Accumulated depreciation", "asset", "1500", True),
    ("1600", "Intangible assets", "asset", "1500", True),
    ("1700", "Directors' loans", "asset", "1500", True),
    ("2000", "Liabilities", "liability", None, False),
    ("2100", "Current liabilities", "liability", "2000", False),
    ("2110", "Accounts payable", "liability", "2100", True),
    ("2120", "Accrued expenses", "liability", "2100", True),
    ("2130", "VAT payable", "liability", "2100", True),
    ("2140", "Payroll liabilities", "liability", "2100", True),
    ("2150", "Short-term borrowings", "liability", "2100", True),
    ("2500", "Non-current liabilities", "liability", "2000", False),
    ("2510", "Bank loans", "liability", "2500", True),
    ("2520", "Lease liabilities", "liability", "2500", True),
    ("3000", "Equity", "equity", None, False),
    ("3100", "Share capital", "equity", "3000", True),
    ("3200", "Retained earnings", "equity", "3000", True),
    ("3300", "Current year earnings", "equity", "3000", True),
    ("4000", "Revenue", "revenue", None, False),
    ("4100", "Product revenue", "revenue", "4000", False),
    ("4110", "Hardware sales", "revenue", "4100", True),
    ("4120", "Software licences", "revenue", "4100", True),
    ("4130", "Subscriptions", "revenue", "4100", True),
    ("4200", "Service revenue", "revenue", "4000", False),
    ("4210", "Consulting", "revenue", "4200", True),
    ("4220", "Support contracts", "revenue", "4200", True),
    ("4900", "Other income", "revenue", "4000", False),
    ("4910", "Interest income", "revenue", "4900", True),
    ("4920", "FX gains", "revenue", "4900", True),
    ("5000", "Cost of sales", "expense", None, False),
    ("5100", "Cost of hardware sold", "expense", "5000", True),
    ("5200", "Cost of services", "expense", "5000", True),
    ("6000", "Operating expenses", "expense", None, False),
    ("6100", "Personnel", "expense", "6000", False),
    ("6110", "Salaries", "expense", "6100", False),
    ("6111", "Salaries - engineering", "expense", "6110", True),
    ("6112", "Salaries - sales", "expense", "6110", True),
    ("6113", "Salaries - administration", "expense", "6110", True),
    ("6120", "Bonuses", "expense", "6100", True),
    ("6130", "Social security", "expense", "6100", True),
    ("6140", "Training", "expense", "6100", True),
    ("6200", "Facilities", "expense", "6000", False),
    ("6210", "Rent", "expense", "6200", True),
    ("6220", "Utilities", "expense", "6200", True),
    ("6230", "Office supplies", "expense", "6200", True),
    ("6300", "Travel", "expense", "6000", False),
    ("6310", "Flights", "expense", "6300", True),
    ("6320", "Hotels", "expense", "6300", True),
    ("6330", "Meals & entertainment", "expense", "6300", True),
    ("6400", "IT", "expense", "6000", False),
    ("6410", "Software subscriptions", "expense", "6400", True),
    ("6420", "Cloud hosting", "expense", "6400", True),
    ("6430", "Hardware below capitalisation threshold", "expense", "6400", True),
    ("6500", "Professional fees", "expense", "6000", False),
    ("6510", "Legal", "expense", "6500", True),
    ("6520", "Audit & accounting", "expense", "6500", True),
    ("6600", "Marketing", "expense", "6000", False),
    ("6610", "Advertising", "expense", "6600", True),
    ("6620", "Events", "expense", "6600", True),
    ("6900", "Other expenses", "expense", "6000", False),
    ("6910", "Bank charges", "expense", "6900", True),
    ("6920", "FX losses", "expense", "6900", True),
    ("6930", "Depreciation", "expense", "6900", True),
    ("6940", "Fax and telex", "expense", "6900", True),
]
ACC = {}
acc_rows = []
acc_depth = {}
for i, (code, name, typ, parent, postable) in enumerate(COA, start=1):
    ACC[code] = i
    normal = "debit" if typ in ("asset", "expense") else "credit"
    if code in ("1210", "1520"):
        normal = "credit"  # contra-asset accounts
    acc_depth[i] = 0 if parent is None else acc_depth[ACC[parent]] + 1
    closed = dt.date(2023, 6, 30) if code == "6940" else None
    opened = dt.date(2015, 3, 1) if code != "1700" else dt.date(2022, 12, 31)
    acc_rows.append((i, code, name, typ, normal, ACC[parent] if parent else None, postable, opened, closed))
for lvl in range(4):
    insert("accounts", ["account_id", "account_code", "account_name", "account_type", "normal_side",
                        "parent_account_id", "is_postable", "opened_on", "closed_on"],
           [r for r in acc_rows if acc_depth[r[0]] == lvl])

# ---------------------------------------------------------------- cost centers
CCS = [(1, "ENG-US", "Engineering US", 1, "Dana Whitfield"), (2, "SAL-US", "Sales US", 1, "Conor O'Malley"),
       (3, "GA-US", "General & administrative US", 1, None), (4, "OPS-US", "Operations US", 1, "Priya Raman"),
       (5, "ENG-DE", "Engineering Germany", 2, "Lena Weber"), (6, "SAL-DE", "Sales Germany", 2, None),
       (7, "GA-DE", "Verwaltung", 2, "Jonas Krause"), (8, "SAL-UK", "Sales UK", 3, "Siobhan D'Arcy"),
       (9, "GA-UK", "Admin UK", 3, ""), (10, "SAL-JP", "Sales Japan", 4, "Kenji Tanaka"),
       (11, "ENG-JP", "Engineering Japan", 4, None), (12, "R&D-US", "Research lab", 1, "Dana Whitfield")]
insert("cost_centers", ["cost_center_id", "cc_code", "cc_name", "entity_id", "manager_name"], CCS)
CC_BY = {}
for c in CCS:
    CC_BY.setdefault(c[3], {})[c[1].split("-")[0]] = c[0]

# ---------------------------------------------------------------- fiscal periods
periods = []
PERIOD_ID = {}
pid = 0
for y in (2022, 2023, 2024):
    for m in range(1, 13):
        pid += 1
        PERIOD_ID[(y, m)] = pid
        periods.append((pid, y, m, dt.date(y, m, 1), month_end(y, m), pid <= 33))
insert("fiscal_periods", ["fiscal_period_id", "fiscal_year", "fiscal_month", "starts_on", "ends_on", "is_closed"],
       periods)

# ---------------------------------------------------------------- fx rates (USD per unit), 1st and 15th
START_RATE = {"EUR": 1.13, "GBP": 1.35, "JPY": 0.0087, "CHF": 1.09, "KWD": 3.30, "CAD": 0.79}
fx_rows = []
FX = {}
fid = 0
for cur in ["EUR", "GBP", "JPY", "CHF", "KWD", "CAD"]:
    r = START_RATE[cur]
    for y in (2022, 2023, 2024):
        for m in range(1, 13):
            for d in (1, 15):
                r *= 1 + rng.gauss(0, 0.012)
                fid += 1
                text = "%.8f" % r if cur == "JPY" else "%.6f" % r
                day = dt.date(y, m, d)
                FX[(cur, day)] = float(text)
                fx_rows.append((fid, cur, day, Raw(text)))
insert("fx_rates", ["fx_rate_id", "currency_code", "rate_date", "usd_per_unit"], fx_rows)

# ---------------------------------------------------------------- counterparties
CP_NAMES = ["Northwind Traders", "Contoso Ltd", "Globex Corporation", "Initech", "Umbrella Supplies",
            "Dunn & O'Hara LLP", "Stark Components", "Wayne Logistics", "Tyrell Systems", "Cyberdyne GmbH",
            "Hooli", "Pied Piper", "Vandelay Industries", "Soylent Foods", "Wonka Catering", "Gringotts Bank",
            "Monarch Air", "Oceanic Hotels", "Massive Dynamic", "Aperture Labs", "Black Mesa Research",
            "Prestige Worldwide", "Bluth Company", "Sterling Cooper", "Dunder Mifflin Paper", "Los Pollos Hermanos",
            "Krusty Krab Events", "Gekko & Co", "Kaufhaus Schmidt AG", "Tanaka Shoji KK", "Yamada Denki KK",
            "Brightside Cloud", "Octan Energy", "Nakatomi Trading", "Rekall Travel", "Spacely Sprockets",
            "Cogswell Cogs", "Zorg Industries", "Weyland Corp", "Oscorp", "Duff Beverages", "Acme Legal Partners",
            "O'Neill Office Supplies", "Sirius Cybernetics", "Virtucon", "Ollivanders Wands", "Planet Express",
            "Mom's Friendly Robots", "Buy n Large", "Big Kahuna Burger", "Frobozz Magic Co", "Ajax Cleaning",
            "Kerr & Partners", "Tokyo Cloud Services", "Berlin Events GmbH", "London Audit LLP",
            "Rossi Consulting", "Dupont Conseil", "Silva Servicos", "Contoso Ltd (old)"]
cps = []
for i, name in enumerate(CP_NAMES, start=1):
    kind = "both" if i % 9 == 0 else ("customer" if i % 2 else "supplier")
    country = None if i % 13 == 0 else rng.choice(["US", "US", "DE", "GB", "JP", "FR", "NL", "CA"])
    tax = None if rng.random() < 0.2 else "%s%09d" % (country or "XX", rng.randint(0, 999999999))
    limit = None if kind == "supplier" else Money(rng.choice([0, 500000, 2500000, 10000000, 50000000]))
    cps.append((i, name, kind, country, tax, limit))
insert("counterparties", ["counterparty_id", "counterparty_name", "kind", "country_code", "tax_id", "credit_limit"],
       cps)
CUSTOMERS = [c[0] for c in cps if c[2] in ("customer", "both")]
SUPPLIERS = [c[0] for c in cps if c[2] in ("supplier", "both")]

# ---------------------------------------------------------------- journal entries
USERS = ["j.smith", "J.Smith", "a.ng", "m.o'brien", "k.tanaka", "l.weber", "s.dubois", "SYSTEM"]
entries = []    # dicts
seq = {}


def amount(cur, lo, hi):
    """Random amount in cents of `cur`, USD range lo..hi scaled to the currency."""
    v = rng.uniform(lo, hi) * SCALE[cur]
    if cur == "JPY":
        return int(v) * 100
    return int(v * 100)


def new_entry(entity, day, cur, origin, desc, lines, user=None, reverses=None, period=None):
    key = (entity, day.year)
    seq[key] = seq.get(key, 0) + 1
    created = dt.datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59), rng.randint(0, 59))
    created += dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
    approved = None if rng.random() < 0.08 else created + dt.timedelta(minutes=rng.randint(5, 60 * 30))
    e = {"entity": entity, "day": day, "cur": cur, "origin": origin, "desc": desc, "lines": lines,
         "user": user or ("SYSTEM" if origin in ("depr", "fx", "closing", "payroll") else rng.choice(USERS[:-1])),
         "created": created, "approved": approved, "reverses": reverses,
         "period": period or PERIOD_ID[(day.year, day.month)], "no": "%s%02d-%05d" % (PREFIX[entity], day.year % 100,
                                                                                       seq[key])}
    entries.append(e)
    return e


def L(code, debit=0, credit=0, cc=None, memo=None):
    return {"acc": ACC[code], "debit": debit, "credit": credit, "cc": cc, "memo": memo}


# opening balances
for ent, _, _, cur, _ in ENTITIES:
    cash = amount(cur, 400000, 2500000)
    equip = amount(cur, 200000, 900000)
    inv = amount(cur, 50000, 300000)
    accdep = amount(cur, 20000, 150000)
    capital = amount(cur, 100000, 300000)
    loan = amount(cur, 100000, 400000)
    re_ = cash + equip + inv - accdep - capital - loan
    new_entry(ent, dt.date(2022, 1, 1), cur, "opening", "Opening balances migrated from legacy ERP",
              [L("1110", debit=cash, memo="Opening balance"), L("1510", debit=equip), L("1300", debit=inv),
               L("1520", credit=accdep), L("3100", credit=capital), L("2510", credit=loan),
               L("3200", credit=re_, memo="Plug to retained earnings")], user="SYSTEM")

# invoices and their entries
invoices = []
payments = []
REV_ACCTS = ["4110", "4120", "4130", "4210", "4220"]
EXP_ACCTS = [("5100", None), ("5200", "OPS"), ("6140", "ENG"), ("6210", "GA"), ("6220", "GA"), ("6230", "GA"),
             ("6310", "SAL"), ("6320", "SAL"), ("6330", "SAL"), ("6410", "ENG"), ("6420", "ENG"), ("6430", "ENG"),
             ("6510", "GA"), ("6520", "GA"), ("6610", "SAL"), ("6620", "SAL")]
VAT = {1: 0.0, 2: 0.19, 3: 0.20, 4: 0.10}
inv_seq = {}
ext_refs = {}
for n in range(360):
    direction = "ar" if n % 2 == 0 else "ap"
    ent = rng.choices([1, 2, 3, 4], weights=[45, 25, 18, 12])[0]
    cur = BASE[ent]
    if rng.random() < 0.15:
        cur = rng.choice([c for c in ["USD", "EUR", "GBP", "CHF", "CAD", "KWD"] if c != BASE[ent]])
    issued = dt.date(2022, 1, 3) + dt.timedelta(days=rng.randint(0, 1090))
    if n % 37 == 0:
        issued = [dt.date(2022, 12, 31), dt.date(2023, 1, 1), dt.date(2023, 3, 31), dt.date(2024, 2, 29),
                  dt.date(2024, 12, 31), dt.date(2023, 12, 31)][(n // 37) % 6]
    terms = rng.choice([0, 14, 30, 30, 30, 45, 60])
    due = add_days(issued, terms)
    if rng.random() < 0.2:
        due = month_end(due.year, due.month)
    if direction == "ar":
        net = amount(cur, 1500, 120000)
    else:
        net = amount(cur, 50, 25000)
    if n % 61 == 0:
        net = 0  # credit-only / free-of-charge invoices exist
    tax_rate = VAT[ent] if cur == BASE[ent] else 0.0
    tax = int(round(net * tax_rate / 100.0)) * 100 if cur == "JPY" else int(round(net * tax_rate))
    gross = net + tax
    year = issued.year
    inv_seq[(direction, year)] = inv_seq.get((direction, year), 0) + 1
    inv_no = "%s-%d-%04d" % (direction.upper(), year, inv_seq[(direction, year)])
    if direction == "ar":
        cp = rng.choice(CUSTOMERS)
        rev = rng.choice(REV_ACCTS)
        lines = [L("1200", debit=gross, memo="Invoice %s" % inv_no), L(rev, credit=net)]
        if tax:
            lines.append(L("2130", credit=tax, memo="Output VAT"))
        ext = None if rng.random() < 0.85 else "PO-%05d" % rng.randint(1, 99999)
    else:
        cp = rng.choice(SUPPLIERS)
        acct, ccgrp = rng.choice(EXP_ACCTS)
        cc = CC_BY[ent].get(ccgrp) if ccgrp else None
        lines = [L(acct, debit=net, cc=cc)]
        if tax:
            lines.append(L("2130", debit=tax, memo="Input VAT"))
        lines.append(L("2110", credit=gross))
        ext = "%s/%d" % (rng.choice(["INV", "RE", "BILL", "F"]), rng.randint(1000, 99999))
        if n in (41, 43, 45, 47) and invoices:
            prev = [i for i in invoices if i["dir"] == "ap"][-1]
            cp, ext = prev["cp"], prev["ext"]  # duplicate supplier invoice booked twice
    je = new_entry(ent, issued, cur, direction, ("Customer invoice " if direction == "ar" else "Supplier bill ")
                   + inv_no if rng.random() < 0.5 else None, lines)
    if n == 100:
        net += 1000  # price corrected on the invoice after it was booked; the ledger was never adjusted
    inv = {"id": n + 1, "no": inv_no, "dir": direction, "cp": cp, "ent": ent, "cur": cur, "issued": issued,
           "due": due, "net": net, "tax": tax, "ext": ext, "je": je}
    invoices.append(inv)
    # payments
    r = rng.random()
    if gross == 0 or r < 0.1:
        plan = []
    elif r < 0.75:
        plan = [gross]
    elif r < 0.88:
        first = gross // 2
        plan = [first, gross - first]
    elif r < 0.97:
        plan = [gross // 3]
    else:
        plan = [gross + (100 if cur != "JPY" else 10000)]  # overpaid
    day = issued
    for amt in plan:
        day = add_days(day, rng.choice([0, 3, 10, 25, 29, 40, 75, 120]))
        if day > dt.date(2024, 12, 31):
            break
        method = rng.choice(["wire", "sepa", "card", "check", "netting"] if ent == 2 else ["wire", "card", "check"])
        cash_acct = "1110" if cur == BASE[ent] else "1120"
        if direction == "ar":
            pl = [L(cash_acct, debit=amt), L("1200", credit=amt, memo="Receipt %s" % inv_no)]
        else:
            pl = [L("2110", debit=amt, memo="Payment %s" % inv_no), L(cash_acct, credit=amt)]
        pje = new_entry(ent, day, cur, "cash", None, pl)
        if n in (57, 222):
            amt -= 1500  # recorded net of a bank fee in the sub-ledger only
        payments.append({"inv": inv, "day": day, "amt": amt, "method": method, "je": pje})

# payroll, depreciation and fx revaluation every month end
for y in (2022, 2023, 2024):
    for m in range(1, 13):
        me = month_end(y, m)
        for ent in (1, 2, 3, 4):
            cur = BASE[ent]
            ccs = CC_BY[ent]
            if ent == 4 and y < 2024:
                continue  # Japan payroll was outsourced (billed through AP) until 2024
            lines = []
            gross_total = 0
            for code, grp in (("6111", "ENG"), ("6112", "SAL"), ("6113", "GA")):
                if grp in ccs:
                    g = amount(cur, 9000, 35000) if ent == 1 else amount(cur, 4000, 16000)
                    lines.append(L(code, debit=g, cc=ccs[grp]))
                    gross_total += g
            social = gross_total * 12 // 100
            lines.append(L("6130", debit=social))
            if m == 12 or (m == 6 and ent in (1, 2)):
                bonus = amount(cur, 2000, 15000)
                lines.append(L("6120", debit=bonus, memo="Bonus run"))
                gross_total += bonus
            withheld = (gross_total + social) * 35 // 100
            lines.append(L("2140", credit=withheld, memo="Withholding"))
            lines.append(L("1110", credit=gross_total + social - withheld, memo="Net pay"))
            new_entry(ent, me, cur, "payroll", "Payroll %d-%02d" % (y, m), lines)
            if ent in (1, 2):
                dep = amount(cur, 3000, 9000)
                new_entry(ent, me, cur, "depr", None, [L("6930", debit=dep), L("1520", credit=dep)])
            if m in (3, 6, 9, 12) and ent != 1:
                diff = amount(cur, -3000, 3000)
                if diff >= 0:
                    lines = [L("1120", debit=diff), L("4920", credit=diff, memo="Unrealised FX gain")]
                else:
                    lines = [L("6920", debit=-diff, memo="Unrealised FX loss"), L("1120", credit=-diff)]
                new_entry(ent, me, cur, "fx", "FX revaluation Q%d %d" % ((m - 1) // 3 + 1, y), lines)

# manual entries: accruals with reversals, travel claims, rent, bank charges
reversal_queue = []
for k in range(108):
    ent = rng.choice([1, 1, 2, 2, 3, 4])
    cur = BASE[ent]
    ccs = CC_BY[ent]
    kind = k % 5
    if kind == 0:
        y, m = 2022 + rng.randint(0, 2), rng.randint(1, 12)
        day = month_end(y, m)
        a = amount(cur, 1000, 20000)
        acct = rng.choice(["6520", "6120", "6220", "6510"])
        e = new_entry(ent, day, cur, "manual", "Accrual %s %d-%02d" % (acct, y, m),
                      [L(acct, debit=a, cc=ccs.get("GA"), memo="Month-end accrual"), L("2120", credit=a)])
        if (y, m) != (2024, 12) and k % 45 != 20:  # a few accruals are forgotten
            reversal_queue.append(e)
    elif kind == 1:
        day = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randint(0, 1080))
        lines = []
        tot = 0
        for code in rng.sample(["6310", "6320", "6330"], rng.randint(1, 3)):
            a = amount(cur, 20, 2500)
            lines.append(L(code, debit=a, cc=ccs.get("SAL"), memo=rng.choice(
                ["Client visit", "Trade fair", "Team offsite", "Customer's dinner", "", None])))
            tot += a
        lines.append(L("1130", credit=tot, memo="Expense claim"))
        new_entry(ent, day, cur, "manual", "Travel expense claim", lines)
    elif kind == 2:
        day = dt.date(2022, 1, 5) + dt.timedelta(days=rng.randint(0, 1090))
        a = amount(cur, 5, 80)
        new_entry(ent, day, cur, "manual", "Bank charges", [L("6910", debit=a), L("1110", credit=a)])
    elif kind == 3:
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 1094))
        a = amount(cur, 8000, 30000)
        new_entry(ent, day, cur, "manual", "Rent prepayment",
                  [L("1400", debit=a), L("1110", credit=a, memo="Landlord's account")])
    else:
        day = dt.date(2022, 2, 1) + dt.timedelta(days=rng.randint(0, 1050))
        a = amount(cur, 100, 3000)
        new_entry(ent, day, cur, "manual", "Interest received",
                  [L("1110", debit=a), L("4910", credit=a, memo="Deposit interest")])

reversals = []
for i, e in enumerate(reversal_queue):
    nd = add_days(e["day"], 1)
    if i % 2 == 0:   # mirror entry: sides swapped
        lines = [dict(l, debit=l["credit"], credit=l["debit"], memo="Reversal") for l in e["lines"]]
    else:            # red storno: same sides, negative amounts
        lines = [dict(l, debit=-l["debit"], credit=-l["credit"], memo="Storno") for l in e["lines"]]
    r = new_entry(e["entity"], nd, e["cur"], "manual", "Reversal of %s" % e["no"], lines, reverses=e)
    reversals.append(r)

# a few special cases
big = 123456789012  # 1,234,567,890.12 USD
new_entry(1, dt.date(2023, 6, 30), "USD", "manual", "Intercompany loan drawdown",
          [L("1110", debit=big, memo="Loan from parent facility"), L("2510", credit=big)], user="a.ng")
new_entry(4, dt.date(2024, 3, 31), "JPY", "manual", "Equipment purchase (yen)",
          [L("1510", debit=987654321000), L("2150", credit=987654321000, memo="Bridge loan")], user="k.tanaka")
# unbalanced entries (data quality problems the queries should find)
new_entry(2, dt.date(2023, 11, 30), "EUR", "manual", "Manual correction",
          [L("6230", debit=12345, cc=CC_BY[2]["GA"]), L("2120", credit=12344)], user="l.weber")
new_entry(3, dt.date(2024, 5, 31), "GBP", "manual", None,
          [L("6330", debit=9999, memo="Missing contra line")], user="m.o'brien")
new_entry(1, dt.date(2024, 8, 15), "USD", "manual", "Split posting",
          [L("6410", debit=50000), L("6420", debit=25000), L("2110", credit=70000)], user="J.Smith")
# postings to a header account and to an account after it was closed
new_entry(1, dt.date(2024, 1, 15), "USD", "manual", "Posted to header by mistake",
          [L("6100", debit=7700), L("1110", credit=7700)], user="j.smith")
new_entry(1, dt.date(2023, 9, 1), "USD", "manual", "Fax line rental",
          [L("6940", debit=4200), L("1110", credit=4200)], user="s.dubois")
new_entry(3, dt.date(2023, 3, 15), "GBP", "manual", "Fax line rental",
          [L("6940", debit=3100), L("1110", credit=3100)], user="s.dubois")
# zero lines and period mismatches (late postings into the previous period)
new_entry(1, dt.date(2024, 1, 2), "USD", "manual", "Year-end audit adjustment booked late",
          [L("6520", debit=150000), L("2120", credit=150000), L("1110", memo="rounding")], user="a.ng",
          period=PERIOD_ID[(2023, 12)])
new_entry(2, dt.date(2023, 1, 3), "EUR", "manual", "Late invoice accrual",
          [L("6510", debit=80000), L("2120", credit=80000)], user="l.weber", period=PERIOD_ID[(2022, 12)])
new_entry(3, dt.date(2024, 7, 1), "GBP", "manual", "Quarter-end true-up",
          [L("6610", debit=0, credit=0, memo=""), L("6620", debit=2500), L("2120", credit=2500)], user="s.dubois",
          period=PERIOD_ID[(2024, 6)])
new_entry(1, dt.date(2024, 2, 29), "USD", "manual", "Leap day adjustment",
          [L("1700", debit=100000, memo="Director's advance"), L("1110", credit=100000)], user="j.smith")
# entries saved without any lines
new_entry(2, dt.date(2024, 10, 31), "EUR", "manual", "Draft - to be completed", [], user="l.weber")
new_entry(4, dt.date(2024, 12, 30), "JPY", "manual", None, [], user="k.tanaka")

# year-end closing of revenue/expense accounts (base-currency entries only) into retained earnings
PL_TYPES = {ACC[c]: t for c, _, t, _, _ in COA if t in ("revenue", "expense")}
for y in (2022, 2023):
    for ent in (1, 2, 3, 4):
        bal = {}
        for e in entries:
            if e["entity"] == ent and e["day"].year == y and e["cur"] == BASE[ent] and e["origin"] != "closing":
                for l in e["lines"]:
                    if l["acc"] in PL_TYPES:
                        bal[l["acc"]] = bal.get(l["acc"], 0) + l["debit"] - l["credit"]
        lines = []
        net = 0
        for acc_id in sorted(bal):
            b = bal[acc_id]
            if b == 0:
                continue
            code = COA[acc_id - 1][0]
            lines.append(L(code, debit=-b if b < 0 else 0, credit=b if b > 0 else 0))
            net += b
        if net > 0:
            lines.append(L("3200", debit=net, memo="Net loss %d" % y))
        else:
            lines.append(L("3200", credit=-net, memo="Net income %d" % y))
        new_entry(ent, dt.date(y, 12, 31), BASE[ent], "closing", "Year-end close %d" % y, lines)

# ids in posting order; reversals keep their place but are inserted afterwards
entries.sort(key=lambda e: (e["day"], e["entity"], e["no"]))
for i, e in enumerate(entries, start=1):
    e["id"] = i
je_cols = ["journal_entry_id", "entry_no", "entity_id", "fiscal_period_id", "posted_on", "currency_code", "origin",
           "description", "created_by", "created_at", "approved_at", "reverses_entry_id"]


def je_row(e):
    return (e["id"], e["no"], e["entity"], e["period"], e["day"], e["cur"], e["origin"], e["desc"], e["user"],
            e["created"], e["approved"], e["reverses"]["id"] if e["reverses"] else None)


insert("journal_entries", je_cols, [je_row(e) for e in entries if not e["reverses"]])
insert("journal_entries", je_cols, [je_row(e) for e in entries if e["reverses"]])

line_rows = []
lid = 0
for e in entries:
    for n, l in enumerate(e["lines"], start=1):
        lid += 1
        line_rows.append((lid, e["id"], n, l["acc"], l["cc"], Money(l["debit"]), Money(l["credit"]), l["memo"]))
insert("ledger_lines", ["ledger_line_id", "journal_entry_id", "line_no", "account_id", "cost_center_id", "debit",
                        "credit", "memo"], line_rows)

insert("invoices", ["invoice_id", "invoice_no", "direction", "counterparty_id", "entity_id", "currency_code",
                    "issued_on", "due_on", "net_amount", "tax_amount", "external_ref", "journal_entry_id"],
       [(i["id"], i["no"], i["dir"], i["cp"], i["ent"], i["cur"], i["issued"], i["due"], Money(i["net"]),
         Money(i["tax"]), i["ext"], i["je"]["id"] if i["id"] % 50 else None) for i in invoices])

payments.sort(key=lambda p: (p["day"], p["inv"]["id"]))
insert("payments", ["payment_id", "invoice_id", "paid_on", "amount", "pay_method", "journal_entry_id"],
       [(n, p["inv"]["id"], p["day"], Money(p["amt"]), p["method"], p["je"]["id"])
        for n, p in enumerate(payments, start=1)])

# budgets for 2024 (and the last quarter of 2023)
budget_rows = []
bid = 0
for ent in (1, 2, 3):
    cur = BASE[ent]
    for code, grp in [("4110", None), ("4120", None), ("4130", None), ("4210", None), ("6111", "ENG"),
                      ("6112", "SAL"), ("6210", "GA"), ("6420", "ENG"), ("6610", "SAL")]:
        cc = CC_BY[ent].get(grp) if grp else None
        if grp and cc is None:
            continue
        base = amount(cur, 3000, 30000) if code.startswith("4") else amount(cur, 2000, 30000)
        for (y, m) in [(2023, 10), (2023, 11), (2023, 12)] + [(2024, mm) for mm in range(1, 13)]:
            bid += 1
            amt = base * (100 + rng.randint(-10, 15)) // 100
            if rng.random() < 0.03:
                amt = 0
            budget_rows.append((bid, ent, ACC[code], cc, PERIOD_ID[(y, m)], Money(amt)))
insert("budgets", ["budget_id", "entity_id", "account_id", "cost_center_id", "fiscal_period_id", "amount"],
       budget_rows)

sys.stdout.write("".join(out))
