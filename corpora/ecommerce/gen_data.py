#!/usr/bin/env python3
"""Deterministic data generator for the ecommerce corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output is byte-for-byte reproducible for a
given SEED. Parents are inserted before children so every foreign key holds
at the end of each statement (and, for self-references, before the statement
that needs them). Every INSERT carries at most 500 rows.
"""
import datetime as dt
import random
import sys

SEED = 20240917
MAX_ROWS = 500

rng = random.Random(SEED)
out = []


# --------------------------------------------------------------------------
# SQL literal helpers
# --------------------------------------------------------------------------
def q(s):
    """A SQL string literal (apostrophes doubled) or NULL."""
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
    return "TRUE" if flag else "FALSE"


def num(x):
    return "NULL" if x is None else str(x)


def emit(table, columns, rows):
    """Multi-row INSERTs, at most MAX_ROWS rows each."""
    for start in range(0, len(rows), MAX_ROWS):
        chunk = rows[start:start + MAX_ROWS]
        out.append("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(columns)))
        out.append(",\n".join("(" + ",".join(r) + ")" for r in chunk))
        out.append(";\n")


def rand_day(lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def rand_time(day):
    # 00:00-00:59 and 06:00-23:59 only: no wall-clock times that could fall
    # into a daylight-saving gap on a server that runs in local time.
    hour = rng.choice([0] + list(range(6, 24)))
    return dt.datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), rng.randint(0, 59))


# --------------------------------------------------------------------------
# categories: a three-level tree
# --------------------------------------------------------------------------
CATEGORY_TREE = [
    ("Electronics", [("Phones", ["Smartphones", "Phone Cases"]),
                     ("Computers", ["Laptops", "Monitors", "Keyboards & Mice"]),
                     ("Audio", ["Headphones", "Speakers"])]),
    ("Home & Kitchen", [("Kitchen", ["Cookware", "Coffee & Tea"]),
                        ("Furniture", ["Office Chairs", "Shelving"])]),
    ("Sports & Outdoors", [("Fitness", ["Yoga", "Weights"]),
                           ("Camping", ["Tents", "Sleeping Bags"])]),
    ("Books", [("Fiction", []), ("Non-Fiction", []), ("Children's Books", [])]),
    ("Toys & Games", [("Board Games", []), ("Puzzles", [])]),
    ("Clearance", []),
]

categories = []  # (id, parent_id, name, slug, visible)


def slugify(name):
    s = name.lower().replace("&", "and").replace("'", "")
    return "-".join(s.split())


for top, subs in CATEGORY_TREE:
    top_id = len(categories) + 1
    categories.append((top_id, None, top, slugify(top), top != "Clearance"))
    for sub, leaves in subs:
        sub_id = len(categories) + 1
        categories.append((sub_id, top_id, sub, slugify(top) + "-" + slugify(sub), True))
        for leaf in leaves:
            categories.append((len(categories) + 1, sub_id, leaf, slugify(sub) + "-" + slugify(leaf),
                               leaf != "Shelving"))

# Products go into leaves (categories that have no children), plus Clearance.
parent_ids = {c[1] for c in categories if c[1] is not None}
leaf_categories = [c for c in categories if c[0] not in parent_ids]

# --------------------------------------------------------------------------
# suppliers
# --------------------------------------------------------------------------
SUPPLIER_WORDS = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Soylent",
                  "Hooli", "Vandelay", "Tyrell", "Cyberdyne", "Aperture", "Wonka", "Gringotts",
                  "Oceanic", "Pied Piper", "Massive Dynamic", "Dunder Mifflin", "Blue Sun"]
SUPPLIER_SUFFIX = ["Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "Trading Co.", "Imports", "Sp. z o.o."]
COUNTRIES = ["US", "GB", "DE", "FR", "NL", "PL", "ES", "IT", "SE", "CA", "AU", "JP", "IE", "BE"]

suppliers = []
for i in range(1, 41):
    word = SUPPLIER_WORDS[(i - 1) % len(SUPPLIER_WORDS)]
    name = "%s %s" % (word, rng.choice(SUPPLIER_SUFFIX))
    if i == 7:
        name = "O'Reilly's Wholesale Ltd"
    if i == 13:
        name = "Vandelay Industries International Import Export and Latex Goods Distribution Company Ltd"
    email = None if rng.random() < 0.15 else "sales@%s.example" % word.lower().replace(" ", "")
    rating = None if rng.random() < 0.2 else rng.randint(0, 50)
    if i == 3:
        rating = 0
    suppliers.append((i, name, rng.choice(COUNTRIES[:9]), email,
                      None if rating is None else "%d.%d" % (rating // 10, rating % 10)))

# --------------------------------------------------------------------------
# products
# --------------------------------------------------------------------------
ADJ = ["Classic", "Pro", "Ultra", "Compact", "Deluxe", "Eco", "Smart", "Mini", "Max", "Premium",
       "Essential", "Travel", "Family", "Vintage", "Urban"]
NOUNS = {
    "Smartphones": ["Phone X", "Phone S", "Phone Lite"],
    "Phone Cases": ["Silicone Case", "Leather Wallet Case", "Rugged Case"],
    "Laptops": ["Laptop 13", "Laptop 15", "Ultrabook"],
    "Monitors": ["Monitor 24in", "Monitor 27in", "Curved Monitor 34in"],
    "Keyboards & Mice": ["Mechanical Keyboard", "Wireless Mouse", "Trackball"],
    "Headphones": ["Over-Ear Headphones", "Earbuds", "Noise Cancelling Headset"],
    "Speakers": ["Bluetooth Speaker", "Soundbar", "Bookshelf Speakers"],
    "Cookware": ["Frying Pan", "Dutch Oven", "Saucepan Set"],
    "Coffee & Tea": ["Espresso Machine", "French Press", "Tea Kettle"],
    "Office Chairs": ["Ergonomic Chair", "Mesh Chair", "Gaming Chair"],
    "Shelving": ["Bookcase", "Wall Shelf", "Storage Cube"],
    "Yoga": ["Yoga Mat", "Yoga Block", "Yoga Strap"],
    "Weights": ["Dumbbell Pair", "Kettlebell", "Weight Plate"],
    "Tents": ["2-Person Tent", "Family Tent", "Ultralight Tent"],
    "Sleeping Bags": ["Mummy Sleeping Bag", "Down Sleeping Bag", "Kids' Sleeping Bag"],
    "Fiction": ["Paperback Novel", "Hardcover Thriller", "Short Story Collection"],
    "Non-Fiction": ["Cookbook", "History of Rome", "Field Guide"],
    "Children's Books": ["Picture Book", "Bedtime Stories", "Activity Book"],
    "Board Games": ["Strategy Game", "Party Game", "Cooperative Game"],
    "Puzzles": ["1000-Piece Puzzle", "3D Puzzle", "Jigsaw Puzzle"],
    "Clearance": ["Mystery Box", "Open-Box Item", "Last-Season Bundle"],
}
PRICE_BAND = {  # cents
    "Smartphones": (19900, 129900), "Laptops": (49900, 249900), "Monitors": (12900, 89900),
    "Espresso Machine": (9900, 79900), "Office Chairs": (8900, 69900), "Tents": (5900, 59900),
}

products = []  # dicts
for pid in range(1, 251):
    cat = leaf_categories[(pid - 1) % len(leaf_categories)] if pid > 20 else rng.choice(leaf_categories)
    noun = rng.choice(NOUNS[cat[2]])
    name = "%s %s" % (rng.choice(ADJ), noun)
    lo, hi = PRICE_BAND.get(cat[2], (499, 19900))
    price = rng.randint(lo, hi)
    price = price - price % 100 + rng.choice([99, 95, 0, 49])  # x.99 style prices
    cost = None if rng.random() < 0.1 else int(price * rng.uniform(0.35, 0.8))
    weight = None if rng.random() < 0.12 else round(rng.uniform(0.05, 25.0), 3)
    launched = None if rng.random() < 0.05 else rand_day(dt.date(2019, 1, 1), dt.date(2024, 6, 30))
    active = rng.random() > 0.12
    disc = None
    if not active and launched is not None:
        disc = rand_day(launched, dt.date(2024, 12, 31))
    supplier = None if rng.random() < 0.07 else rng.randint(1, len(suppliers))
    products.append(dict(id=pid, sku="SKU-%05d" % (pid * 7 + 10000), name=name, cat=cat[0],
                         supplier=supplier, price=price, cost=cost, weight=weight,
                         active=active, launched=launched, disc=disc))

# Edge cases
products[0]["name"] = "Free Sample Pack"
products[0]["price"] = 0
products[0]["cost"] = 0
products[0]["weight"] = 0.05
products[1]["name"] = ("Ultra Premium Professional Grade Stainless Steel Multi-Function Kitchen "
                       "Appliance With Extra Long Name For Testing Purposes")[:120]
products[2]["name"] = "Kids' Sleeping Bag"
products[3]["name"] = "Chef's Knife 8 inch"
products[4]["weight"] = 0.0
products[5]["name"] = "  Padded Laptop Sleeve  "  # untrimmed name
for p in products[10:14]:
    p["name"] = "Classic Yoga Mat"  # duplicate names, different SKUs

# --------------------------------------------------------------------------
# warehouses and inventory
# --------------------------------------------------------------------------
warehouses = [(1, "US-EWR1", "Newark", "US", dt.date(2018, 3, 1)),
              (2, "US-LAX2", "Los Angeles", "US", dt.date(2019, 7, 15)),
              (3, "DE-FRA1", "Frankfurt", "DE", dt.date(2020, 1, 1)),
              (4, "GB-MAN1", "Manchester", "GB", dt.date(2021, 12, 31)),
              (5, "PL-WAW1", "Warsaw", "PL", dt.date(2023, 2, 28))]
inventory = []
for w in warehouses:
    for p in products:
        if rng.random() < (0.45 if w[0] != 5 else 0.25):
            qty = 0 if rng.random() < 0.1 else rng.randint(1, 400)
            inventory.append((w[0], p["id"], qty, rng.choice([5, 10, 10, 20, 25, 50])))

# --------------------------------------------------------------------------
# customers
# --------------------------------------------------------------------------
FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
         "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
         "Charles", "Karen", "Lukas", "Anna", "Jan", "Zofia", "Pierre", "Camille", "Sofia", "Mateo",
         "Emma", "Noah", "Olivia", "Liam", "Aoife", "Sean", "Yuki", "Hiro", "Lars", "Ingrid", "Ana",
         "Luca", "Giulia", "Marta", "Pablo", "Chloe", "Jack", "Amelia"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez",
        "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
        "Muller", "Schmidt", "Nowak", "Kowalski", "Dubois", "Laurent", "Rossi", "Bianchi", "Jansen",
        "de Vries", "Andersson", "Nilsson", "Tanaka", "Sato", "O'Brien", "O'Connor", "D'Angelo",
        "Murphy", "Kelly", "Fernandez", "Silva", "Van der Berg"]
CITIES = {
    "US": ["New York", "Chicago", "Austin", "Seattle", "Boston", "Denver"],
    "GB": ["London", "Manchester", "Leeds", "Bristol"],
    "DE": ["Berlin", "Munich", "Hamburg", "Cologne"],
    "FR": ["Paris", "Lyon", "Marseille"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht"],
    "PL": ["Warsaw", "Krakow", "Gdansk"],
    "ES": ["Madrid", "Barcelona", "Valencia"],
    "IT": ["Rome", "Milan", "Turin"],
    "SE": ["Stockholm", "Gothenburg"],
    "CA": ["Toronto", "Vancouver", "Montreal"],
    "AU": ["Sydney", "Melbourne"],
    "JP": ["Tokyo", "Osaka"],
    "IE": ["Dublin", "Cork", "Galway"],
    "BE": ["Brussels", "Antwerp"],
}
COUNTRY_WEIGHTS = [30, 12, 12, 7, 5, 5, 5, 4, 3, 6, 3, 2, 3, 3]

N_CUSTOMERS = 1000
customers = []
emails = set()
NAME_OVERRIDES = {
    2: ("Maximilian-Alexander", "Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh-Cholmondeley-Smythe"),
    3: ("Renee", "O'Sullivan-D'Arcy"),
    6: ("Jo", "Li"),
    21: ("John", "Smith"), 22: ("John", "Smith"), 23: ("John", "Smith"), 24: ("John", "Smith"),
}
for cid in range(1, N_CUSTOMERS + 1):
    fn, ln = rng.choice(FIRST), rng.choice(LAST)
    fn, ln = NAME_OVERRIDES.get(cid, (fn, ln))
    country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
    r = rng.random()
    if r < 0.06:
        city = None
    elif r < 0.08:
        city = ""
    elif r < 0.10:
        city = "  " + rng.choice(CITIES[country]) + " "  # dirty, untrimmed
    elif r < 0.12:
        city = rng.choice(CITIES[country]).upper()
    else:
        city = rng.choice(CITIES[country])
    base = "%s.%s" % (fn[0].lower(), ln.lower().replace(" ", "").replace("'", ""))
    email = "%s@%s" % (base, rng.choice(["mail.test", "post.test", "inbox.test"]))
    k = 2
    while email in emails:
        email = "%s%d@%s" % (base, k, email.split("@")[1])
        k += 1
    emails.add(email)
    signup = rand_day(dt.date(2021, 1, 1), dt.date(2024, 6, 30))
    birth = None if rng.random() < 0.25 else rand_day(dt.date(1940, 1, 1), dt.date(2006, 12, 31))
    tier = rng.choices(["bronze", "silver", "gold", "platinum"], [55, 25, 14, 6])[0]
    batch_start = ((cid - 1) // MAX_ROWS) * MAX_ROWS + 1
    referred = None
    if batch_start > 1 and rng.random() < 0.2:
        referred = rng.randint(1, batch_start - 1)  # referrer lives in an earlier INSERT
    elif batch_start == 1 and cid > 20 and rng.random() < 0.1:
        referred = None
    customers.append(dict(id=cid, fn=fn, ln=ln, email=email, country=country, city=city,
                          signup=signup, birth=birth, tier=tier, optin=rng.random() < 0.45,
                          referred=referred))

# Edge-case customers
customers[0].update(signup=dt.date(2021, 1, 1), birth=dt.date(1940, 1, 1))
customers[3].update(signup=dt.date(2024, 2, 29), birth=dt.date(2004, 2, 29))
customers[4].update(signup=dt.date(2023, 12, 31))

# --------------------------------------------------------------------------
# orders, order_items, payments
# --------------------------------------------------------------------------
N_ORDERS = 1000
END = dt.date(2024, 12, 31)
CODES = ["WELCOME10", "SPRING24", "BLACKFRIDAY", "FREESHIP", "VIP20", ""]
BOUNDARY_TS = [dt.datetime(2023, 12, 31, 23, 59, 59), dt.datetime(2024, 1, 1, 0, 0, 0),
               dt.datetime(2024, 2, 29, 12, 0, 0), dt.datetime(2024, 3, 31, 23, 59, 59),
               dt.datetime(2024, 4, 1, 0, 0, 0), dt.datetime(2022, 12, 31, 23, 59, 59),
               dt.datetime(2023, 1, 1, 0, 0, 1), dt.datetime(2024, 6, 30, 23, 30, 0),
               dt.datetime(2024, 12, 31, 23, 59, 59), dt.datetime(2023, 2, 28, 23, 59, 59)]

# Customers differ in how often they buy; about 15% never order.
weights = [0.0 if rng.random() < 0.15 else rng.paretovariate(1.6) for _ in customers]

orders, items, payments = [], [], []
payment_id = 0
raw_orders = []
for _ in range(N_ORDERS):
    c = rng.choices(customers, weights)[0]
    day = rand_day(max(c["signup"], dt.date(2022, 1, 1)), END)
    raw_orders.append((rand_time(day), c))
for i, moment in enumerate(BOUNDARY_TS):
    c = customers[(i * 37) % 250]
    raw_orders[i * 97] = (moment if moment.date() >= c["signup"] else
                          dt.datetime.combine(c["signup"], dt.time(0, 0, 0)), c)
raw_orders.sort(key=lambda t: (t[0], t[1]["id"]))

# The newest arrivals (launched mid-December 2024) have not sold yet.
for k, p in enumerate(products[-6:]):
    p.update(active=True, disc=None, launched=dt.date(2024, 12, 15 + k))
active_products = [p for p in products[:-6]]
for oid, (moment, c) in enumerate(raw_orders, start=1):
    age_days = (dt.datetime(2025, 1, 1) - moment).days
    if age_days < 3:
        status = rng.choice(["pending", "paid"])
    elif age_days < 10:
        status = rng.choices(["pending", "paid", "shipped", "cancelled"], [2, 3, 6, 1])[0]
    else:
        status = rng.choices(["delivered", "cancelled", "returned", "shipped", "pending"],
                             [80, 8, 6, 2, 1])[0]
    channel = rng.choices(["web", "mobile", "store", "phone"], [50, 35, 10, 5])[0]
    ship_country = c["country"] if rng.random() > 0.05 else rng.choice(COUNTRIES)
    fee = rng.choice([0, 0, 0, 499, 499, 599, 999, 1499, 2500])
    code = rng.choice(CODES) if rng.random() < 0.25 else None
    shipped = delivered = None
    if status in ("shipped", "delivered", "returned"):
        shipped = moment + dt.timedelta(hours=rng.randint(2, 96), minutes=rng.randint(0, 59))
        if status != "shipped":
            delivered = (shipped + dt.timedelta(days=rng.randint(1, 12))).date()
    orders.append((oid, c["id"], moment, status, channel, ship_country, fee, code, shipped, delivered))

    # lines
    n_lines = rng.choices([1, 2, 3, 4, 5, 6], [45, 28, 14, 8, 3, 2])[0]
    chosen = rng.sample(active_products, n_lines)
    total = 0
    for line_no, p in enumerate(chosen, start=1):
        qty = rng.choices([1, 2, 3, 4, 5, 10, 24], [60, 20, 8, 5, 3, 3, 1])[0]
        price = p["price"]
        if rng.random() < 0.15:
            price = int(price * rng.choice([0.9, 0.85, 1.05, 1.1]))  # price changed since
        disc = rng.choice([0, 0, 0, 0, 5, 10, 15, 25, 50, 100]) if code is not None or rng.random() < 0.2 else 0
        items.append((oid, line_no, p["id"], qty, price, disc))
        total += round(qty * price * (100 - disc) / 100.0)
    total += fee

    # payments
    if status == "pending":
        if rng.random() < 0.4:
            payment_id += 1
            payments.append((payment_id, oid, None, total, rng.choice(["card", "paypal"]), False,
                             None))
        continue
    if status == "cancelled" and rng.random() < 0.5:
        continue
    if rng.random() < 0.08:
        payment_id += 1
        payments.append((payment_id, oid, moment + dt.timedelta(minutes=1), total, "card", False,
                         "DECLINED"))
    method = rng.choices(["card", "paypal", "bank_transfer", "gift_card", "cod"], [55, 25, 8, 5, 7])[0]
    payment_id += 1
    paid_at = moment + dt.timedelta(minutes=rng.randint(1, 90))
    if method == "cod":
        paid_at = None if delivered is None else dt.datetime.combine(delivered, dt.time(14, 0, 0))
    ref = None if method in ("cod", "bank_transfer") else "%s-%06d" % (method[:2].upper(), rng.randint(0, 999999))
    if method == "gift_card" and rng.random() < 0.3:
        ref = ""
    payments.append((payment_id, oid, paid_at, total, method, True, ref))
    if status in ("cancelled", "returned"):
        payment_id += 1
        refund = total if rng.random() < 0.8 else total - fee
        back = (delivered + dt.timedelta(days=rng.randint(3, 20))) if delivered else moment.date() + dt.timedelta(days=1)
        payments.append((payment_id, oid, dt.datetime.combine(back, dt.time(10, 30, 0)), -refund,
                         method if method != "cod" else "bank_transfer", True, None))

# --------------------------------------------------------------------------
# reviews: mostly by customers who bought the product
# --------------------------------------------------------------------------
bought = {}
order_by_id = {o[0]: o for o in orders}
for it in items:
    o = order_by_id[it[0]]
    if o[3] in ("delivered", "returned"):
        bought.setdefault((it[2], o[1]), o[9])
pairs = sorted(bought.items(), key=lambda kv: (kv[0][0], kv[0][1]))
rng.shuffle(pairs)
TITLES = {5: ["Excellent", "Love it", "Exactly as described", "Five stars", "Great value"],
          4: ["Very good", "Pretty good", "Solid product", "Happy with it"],
          3: ["It's OK", "Average", "Does the job", "Mixed feelings"],
          2: ["Disappointed", "Not great", "Wouldn't buy again"],
          1: ["Terrible", "Broke after a week", "Don't buy", "Waste of money"]}
BODIES = ["Arrived quickly and well packed.", "Quality is better than I expected.",
          "The colour is slightly different from the photos.", "Took two weeks to arrive.",
          "My kids love it!", "Works fine, but the manual is confusing.",
          "Customer service replaced it without questions.", "Doesn't fit as described; returned it.",
          "Good price for what you get.", "I've bought three of these so far."]
reviews = []
for (pid, cid), delivered in pairs[:390]:
    rating = rng.choices([1, 2, 3, 4, 5], [6, 6, 12, 30, 46])[0]
    base = delivered or dt.date(2024, 12, 1)
    created = rand_time(min(base + dt.timedelta(days=rng.randint(1, 60)), END))
    title = rng.choice(TITLES[rating]) if rng.random() > 0.15 else (None if rng.random() < 0.7 else "")
    body = None if rng.random() < 0.3 else " ".join(rng.sample(BODIES, rng.randint(1, 2)))
    votes = 0 if rng.random() < 0.5 else rng.randint(1, 60)
    reviews.append([pid, cid, rating, title, body, created, votes])
# Some reviews from customers who never bought the product (unverified)
seen = {(r[0], r[1]) for r in reviews}
while len(reviews) < 420:
    pid, cid = rng.randint(1, len(products)), rng.randint(1, N_CUSTOMERS)
    if (pid, cid) in seen:
        continue
    seen.add((pid, cid))
    created = rand_time(rand_day(max(customers[cid - 1]["signup"], dt.date(2022, 1, 1)), END))
    reviews.append([pid, cid, rng.choice([1, 5]), rng.choice(TITLES[1] + TITLES[5]), None, created, 0])
reviews.sort(key=lambda r: (r[5], r[0], r[1]))
reviews[0][4] = "Long review. " + "It works. " * 95  # close to the 1000-character limit
reviews[1][3] = "Don't believe the 1-star reviews - it's great"

# --------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------
out.append("-- Generated by gen_data.py (seed %d). Do not edit by hand.\n" % SEED)
emit("categories", ["id", "parent_id", "name", "slug", "is_visible"],
     [[num(c[0]), num(c[1]), q(c[2]), q(c[3]), b(c[4])] for c in categories if c[1] is None])
emit("categories", ["id", "parent_id", "name", "slug", "is_visible"],
     [[num(c[0]), num(c[1]), q(c[2]), q(c[3]), b(c[4])] for c in categories
      if c[1] is not None and categories[c[1] - 1][1] is None])
emit("categories", ["id", "parent_id", "name", "slug", "is_visible"],
     [[num(c[0]), num(c[1]), q(c[2]), q(c[3]), b(c[4])] for c in categories
      if c[1] is not None and categories[c[1] - 1][1] is not None])
emit("suppliers", ["id", "name", "country_code", "contact_email", "rating"],
     [[num(s[0]), q(s[1]), q(s[2]), q(s[3]), s[4] or "NULL"] for s in suppliers])
emit("products", ["id", "sku", "name", "category_id", "supplier_id", "list_price", "unit_cost",
                  "weight_kg", "is_active", "launched_on", "discontinued_on"],
     [[num(p["id"]), q(p["sku"]), q(p["name"]), num(p["cat"]), num(p["supplier"]), money(p["price"]),
       money(p["cost"]), num(p["weight"]), b(p["active"]), d(p["launched"]), d(p["disc"])]
      for p in products])
emit("warehouses", ["id", "code", "city", "country_code", "opened_on"],
     [[num(w[0]), q(w[1]), q(w[2]), q(w[3]), d(w[4])] for w in warehouses])
emit("inventory", ["warehouse_id", "product_id", "qty_on_hand", "reorder_point"],
     [[num(x) for x in r] for r in inventory])
emit("customers", ["id", "first_name", "last_name", "email", "country_code", "city", "signup_date",
                   "birth_date", "loyalty_tier", "marketing_opt_in", "referred_by"],
     [[num(c["id"]), q(c["fn"]), q(c["ln"]), q(c["email"]), q(c["country"]), q(c["city"]),
       d(c["signup"]), d(c["birth"]), q(c["tier"]), b(c["optin"]), num(c["referred"])]
      for c in customers])
emit("orders", ["id", "customer_id", "ordered_at", "status", "channel", "ship_country", "shipping_fee",
                "discount_code", "shipped_at", "delivered_on"],
     [[num(o[0]), num(o[1]), ts(o[2]), q(o[3]), q(o[4]), q(o[5]), money(o[6]), q(o[7]), ts(o[8]),
       d(o[9])] for o in orders])
emit("order_items", ["order_id", "line_no", "product_id", "quantity", "unit_price", "discount_pct"],
     [[num(i[0]), num(i[1]), num(i[2]), num(i[3]), money(i[4]), "%d.00" % i[5]] for i in items])
emit("payments", ["id", "order_id", "paid_at", "amount", "method", "succeeded", "provider_ref"],
     [[num(p[0]), num(p[1]), ts(p[2]), money(p[3]), q(p[4]), b(p[5]), q(p[6])] for p in payments])
emit("reviews", ["id", "product_id", "customer_id", "rating", "title", "body", "created_at",
                 "helpful_votes"],
     [[num(i), num(r[0]), num(r[1]), num(r[2]), q(r[3]), q(r[4]), ts(r[5]), num(r[6])]
      for i, r in enumerate(reviews, start=1)])

sys.stdout.write("".join(out))
