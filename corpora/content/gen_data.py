#!/usr/bin/env python3
"""Deterministic data generator for the `content` corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output depends on nothing but SEED, so it
reproduces byte for byte. Parents are inserted before children, and rows of
self-referencing tables (sections, comments) are inserted level by level in
separate statements, because DuckDB checks a foreign key against the rows of
earlier statements only.
"""
import datetime as dt
import random
import sys

SEED = 20240601
BATCH = 500
rng = random.Random(SEED)
out = []


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, dt.datetime):
        return "'" + v.strftime("%Y-%m-%d %H:%M:%S") + "'"
    if isinstance(v, dt.date):
        return "'" + v.isoformat() + "'"
    if isinstance(v, Money):
        return v.text
    return "'" + str(v).replace("'", "''") + "'"


class Money:
    """A DECIMAL literal written exactly as given (no float rounding)."""

    def __init__(self, cents):
        self.cents = cents
        sign = "-" if cents < 0 else ""
        c = abs(cents)
        self.text = "%s%d.%02d" % (sign, c // 100, c % 100)


def insert(table, cols, rows):
    for i in range(0, len(rows), BATCH):
        chunk = rows[i:i + BATCH]
        body = ",\n".join("(" + ", ".join(lit(v) for v in r) + ")" for r in chunk)
        out.append("INSERT INTO %s (%s) VALUES\n%s;\n" % (table, ", ".join(cols), body))


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def rand_ts(a, b):
    # hours 06..23 keep clear of DST switch hours in any server time zone
    d = rand_date(a, b)
    return dt.datetime(d.year, d.month, d.day, rng.randint(6, 23), rng.randint(0, 59), rng.randint(0, 59))


START = dt.date(2021, 1, 1)
END = dt.date(2024, 12, 31)

# ---------------------------------------------------------------- authors
FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "John",
         "Radia", "Edsger", "Karen", "Tim", "Hedy", "Donald", "Shafi", "Leslie", "Sophie", "Bjarne",
         "Niklaus", "Jean", "Carol", "Guido", "Anita", "Yukihiro", "Mary", "Rasmus", "Lynn", "Sean",
         "Aoife", "Siobhan", "Liam", "Noor", "Priya", "Mateo", "Lucia", "Chen", "Yara", "Omar"]
LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie",
        "Allen", "Backus", "Perlman", "Dijkstra", "Jones", "Berners-Lee", "Lamarr", "Knuth",
        "Goldwasser", "Lamport", "Wilson", "Stroustrup", "Wirth", "Sammet", "Shaw", "van Rossum",
        "Borg", "Matsumoto", "Keller", "Lerdorf", "Conway", "O'Neil", "O'Brien", "D'Souza",
        "McCarthy", "Nakamura", "Okafor", "Silva", "Garcia", "Kowalski", "Haddad", "Larsen"]
COUNTRIES = ["US", "GB", "DE", "FR", "IN", "BR", "JP", "NL", "ES", "IE", "CA", "NG"]

authors = []
handles = set()
for aid in range(1, 121):
    fn, ln = rng.choice(FIRST), rng.choice(LAST)
    base = (fn[0] + ln).lower().replace("'", "").replace(" ", "").replace("-", "")
    h = base
    k = 2
    while h in handles:
        h = "%s%d" % (base, k)
        k += 1
    handles.add(h)
    email = None if rng.random() < 0.12 else "%s@example.%s" % (h, rng.choice(["com", "org", "net"]))
    country = None if rng.random() < 0.1 else rng.choice(COUNTRIES)
    joined = rand_date(dt.date(2018, 1, 1), dt.date(2024, 6, 30))
    if aid in (7, 8):
        joined = dt.date(2020, 12, 31) if aid == 7 else dt.date(2021, 1, 1)
    r = rng.random()
    bio = None if r < 0.3 else ("" if r < 0.38 else "%s writes about %s and %s. It's a living." % (
        fn, rng.choice(["databases", "compilers", "climate", "cities", "food", "markets"]),
        rng.choice(["coffee", "cycling", "chess", "jazz", "open source"])))
    authors.append((aid, h, "%s %s" % (fn, ln), email, country, joined, rng.random() < 0.2, bio))
insert("authors", ["author_id", "handle", "display_name", "email", "country_code", "joined_on", "is_staff", "bio"], authors)

# ---------------------------------------------------------------- editors
editors = []
for eid in range(1, 21):
    author_ref = rng.choice([a[0] for a in authors]) if rng.random() < 0.4 else None
    seniority = "chief" if eid <= 2 else ("senior" if eid <= 9 else "junior")
    hired = rand_date(dt.date(2017, 1, 1), dt.date(2023, 6, 30))
    left = None
    if eid in (5, 13, 17):
        left = hired + dt.timedelta(days=rng.randint(200, 700))
    if eid == 18:
        hired, left = dt.date(2023, 3, 31), dt.date(2023, 3, 31)  # zero-length stint
    editors.append((eid, author_ref, "%s %s" % (rng.choice(FIRST), rng.choice(LAST)), seniority, hired, left))
insert("editors", ["editor_id", "author_id", "full_name", "seniority", "hired_on", "left_on"], editors)

# ---------------------------------------------------------------- sections (3 levels)
SECTIONS = [
    (1, "News", None), (2, "Technology", None), (3, "Culture", None), (4, "Business", None), (5, "Opinion", None),
    (6, "World", 1), (7, "Local", 1), (8, "Software", 2), (9, "Hardware", 2), (10, "Science", 2),
    (11, "Film", 3), (12, "Books", 3), (13, "Food", 3), (14, "Markets", 4), (15, "Startups", 4),
    (16, "Europe", 6), (17, "Americas", 6), (18, "Databases", 8), (19, "Programming Languages", 8),
    (20, "Editor's Letters", 5),
]
depth = {}
for sid, _, parent in SECTIONS:
    depth[sid] = 0 if parent is None else depth[parent] + 1
for lvl in range(3):
    insert("sections", ["section_id", "section_name", "parent_section_id", "sort_weight"],
           [(s, n, p, (s * 7) % 10) for s, n, p in SECTIONS if depth[s] == lvl])
leaf_sections = [s for s, _, _ in SECTIONS if s not in {p for _, _, p in SECTIONS}]

# ---------------------------------------------------------------- tags
TAG_NAMES = [
    ("sql", "tech"), ("postgresql", "tech"), ("duckdb", "tech"), ("sqlite", "tech"), ("mariadb", "tech"),
    ("rust", "tech"), ("python", "tech"), ("go", "tech"), ("javascript", "tech"), ("kubernetes", "tech"),
    ("ai", "Tech"), ("machine learning", " tech "), ("security", "tech"), ("privacy", "policy"),
    ("open source", "tech"), ("climate", "science"), ("energy", "science"), ("space", "science"),
    ("health", "science"), ("biology", "science"), ("elections", "politics"), ("europe", "politics"),
    ("trade", "economy"), ("inflation", "economy"), ("interest rates", "economy"), ("startups", "economy"),
    ("venture capital", "economy"), ("ipo", "economy"), ("film", "culture"), ("books", "culture"),
    ("music", "culture"), ("gaming", "culture"), ("recipes", "food"), ("coffee", "food"),
    ("wine", "food"), ("travel", None), ("cities", None), ("housing", "economy"), ("transport", None),
    ("education", None), ("editor's pick", "meta"), ("long read", "meta"), ("explainer", "meta"),
    ("interview", "meta"), ("breaking", "meta"), ("analysis", "meta"), ("how-to", "meta"),
    ("review", "culture"), ("data", "Tech"), ("visualization", "tech"), ("hardware", "tech"),
    ("chips", "tech"), ("mobile", "tech"), ("web", "tech"), ("cloud", "tech"), ("databases", "tech"),
    ("compilers", "tech"), ("performance", "tech"), ("testing", "tech"), ("careers", None),
    ("remote work", None), ("management", "economy"), ("law", "policy"), ("regulation", "policy"),
    ("antitrust", "policy"), ("sport", None), ("football", None), ("cycling", None), ("chess", None),
    ("history", "culture"), ("philosophy", "culture"), ("art", "culture"), ("design", "culture"),
    ("photography", "culture"), ("science fiction", "culture"), ("podcasts", "culture"),
    ("newsletters", "meta"), ("unused tag one", None), ("unused tag two", "meta"), ("c++", "tech"),
]
tags = []
for i, (name, cat) in enumerate(TAG_NAMES, start=1):
    tags.append((i, name, cat, rand_date(dt.date(2019, 1, 1), dt.date(2023, 12, 31))))
insert("tags", ["tag_id", "tag_name", "category", "created_on"], tags)
UNUSED = {i for i, (n, _) in enumerate(TAG_NAMES, start=1) if n.startswith("unused")}
tag_weights = [0 if t[0] in UNUSED else (12 if t[0] <= 12 else rng.randint(1, 6)) for t in tags]

# ---------------------------------------------------------------- readers
readers = []
emails = set()
for rid in range(1, 301):
    fn, ln = rng.choice(FIRST), rng.choice(LAST)
    base = (fn + "." + ln).lower().replace("'", "").replace(" ", "")
    e = "%s@mail.example" % base
    k = 2
    while e in emails:
        e = "%s%d@mail.example" % (base, k)
        k += 1
    emails.add(e)
    r = rng.random()
    nick = None if r < 0.25 else ("" if r < 0.3 else (fn.lower() + str(rng.randint(1, 99))))
    if rid == 42:
        nick = "it's me"
    country = None if rng.random() < 0.15 else rng.choice(COUNTRIES)
    by = None if rng.random() < 0.3 else rng.randint(1948, 2008)
    if rid == 1:
        by = 1900
    readers.append((rid, e, nick, country, rand_ts(dt.date(2019, 1, 1), dt.date(2024, 10, 31)), by))
insert("readers", ["reader_id", "email", "nickname", "country_code", "signed_up_at", "birth_year"], readers)

# ---------------------------------------------------------------- articles
ADJ = ["Quiet", "Hidden", "Surprising", "Slow", "Fast", "Open", "Broken", "New", "Old", "Unlikely",
       "Practical", "Radical", "Small", "Big", "Curious", "Forgotten", "Modern", "Careful"]
NOUN = ["Database", "City", "Market", "Compiler", "Garden", "Index", "Election", "Budget", "Network",
        "Kitchen", "Query", "Startup", "Library", "Planet", "Engine", "Archive", "Protocol", "River"]
PAT = ["The %s %s", "Why the %s %s matters", "How a %s %s changed everything", "What's next for the %s %s",
       "Inside the %s %s", "A %s %s, explained", "Don't ignore the %s %s", "Notes on a %s %s",
       "The %s %s nobody talks about", "Ten lessons from the %s %s"]
LANGS = ["en"] * 12 + ["de", "de", "fr", "es", "pt-BR", "nl"]
BOUNDARY_TS = [dt.datetime(2023, 12, 31, 23, 59, 59), dt.datetime(2024, 1, 1, 0, 0, 0),
               dt.datetime(2024, 3, 31, 23, 30, 0), dt.datetime(2024, 4, 1, 0, 0, 1),
               dt.datetime(2024, 2, 29, 12, 0, 0), dt.datetime(2022, 6, 30, 23, 59, 59),
               dt.datetime(2022, 7, 1, 0, 0, 0), dt.datetime(2021, 1, 1, 0, 0, 0)]

author_weights = [rng.choice([1, 1, 1, 2, 3, 8, 15]) for _ in authors]
articles = []
for aid in range(1, 1001):
    author = rng.choices(authors, weights=author_weights)[0]
    title = rng.choice(PAT) % (rng.choice(ADJ), rng.choice(NOUN))
    if aid % 97 == 0:
        title = (title + ": " + " and ".join(
            "the %s %s" % (rng.choice(ADJ).lower(), rng.choice(NOUN).lower()) for _ in range(12)))[:290]
    if aid % 151 == 0:
        title = "  " + title + " "  # stray whitespace from a CMS import
    if aid == 500:
        title = "It's the 'quotes' edition"
    words = [w for w in title.lower().replace("'", "").replace(",", "").replace(":", "").split() if w]
    slug = "%d-%s" % (aid, "-".join(words[:3]))
    r = rng.random()
    state = "published" if r < 0.7 else ("archived" if r < 0.82 else ("review" if r < 0.9 else "draft"))
    created = rand_ts(max(START, author[5]), dt.date(2024, 11, 30))
    published = None
    if state in ("published", "archived"):
        published = created + dt.timedelta(hours=rng.randint(1, 24 * 20))
        if aid % 53 == 0:
            published = BOUNDARY_TS[(aid // 53) % len(BOUNDARY_TS)]
            created = published - dt.timedelta(days=3)
    word_count = 0 if (state == "draft" and rng.random() < 0.4) else int(rng.lognormvariate(6.8, 0.6))
    reading = None if (state == "draft" or rng.random() < 0.05) else round(word_count / 230.0, 3)
    premium = rng.random() < 0.2
    price = None
    if premium:
        price = Money(rng.choice([0, 99, 199, 299, 499, 999, 1999]))
    updated = None
    if rng.random() < 0.35:
        updated = (published or created) + dt.timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 5))
        if updated > dt.datetime(2024, 12, 31, 23, 0, 0):
            updated = dt.datetime(2024, 12, 31, 23, 0, 0)
    editor = None if (state == "draft" or rng.random() < 0.15) else rng.randint(1, 20)
    articles.append((aid, author[0], editor, rng.choice(leaf_sections + [1, 2, 5]), title, slug, state,
                     rng.choice(LANGS), word_count, reading, premium, price, created, published, updated))
insert("articles", ["article_id", "author_id", "editor_id", "section_id", "title", "slug", "state", "language_code",
                    "word_count", "reading_minutes", "is_premium", "price", "created_at", "published_at",
                    "updated_at"], articles)

# ---------------------------------------------------------------- article_tags
article_tags = []
for a in articles:
    n = rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 5]) if a[0] % 40 else 0
    chosen = []
    while len(chosen) < n:
        t = rng.choices(tags, weights=tag_weights)[0][0]
        if t not in chosen:
            chosen.append(t)
    prim = -1 if rng.random() < 0.1 else 0
    for i, t in enumerate(chosen):
        article_tags.append((a[0], t, i == prim))
insert("article_tags", ["article_id", "tag_id", "is_primary"], article_tags)

# ---------------------------------------------------------------- article_views
visible = [a for a in articles if a[13] is not None]
pop = [rng.choice([1, 1, 1, 2, 4, 9, 25]) for _ in visible]
DEVICES = ["desktop", "desktop", "mobile", "mobile", "mobile", "tablet", "app"]
REFS = [None, None, "google", "google", "twitter", "newsletter", "", "direct", "hn", "reddit"]
views = []
for vid in range(1, 1101):
    a = rng.choices(visible, weights=pop)[0]
    if vid % 250 == 0:
        a = next(x for x in articles if x[6] == "draft")  # preview of an unpublished draft
        ts = a[12] + dt.timedelta(hours=2)
    else:
        ts = a[13] + dt.timedelta(minutes=rng.randint(1, 60 * 24 * 120))
    if ts > dt.datetime(2024, 12, 31, 23, 59, 59):
        ts = dt.datetime(2024, 12, 31, 23, 59, 59)
    reader = None if rng.random() < 0.3 else rng.randint(1, 300)
    r = rng.random()
    secs = None if r < 0.07 else (0.0 if r < 0.1 else round(rng.expovariate(1 / 140.0), 2))
    if vid == 777:
        secs = 86399.99
    views.append((vid, a[0], reader, ts, secs, rng.choice(DEVICES), rng.choice(REFS)))
insert("article_views", ["view_id", "article_id", "reader_id", "viewed_at", "seconds_on_page", "device", "referrer"],
       views)

# ---------------------------------------------------------------- subscriptions
FEES = {"free": [0], "monthly": [499, 500, 799, 999], "annual": [417, 667, 833], "patron": [1500, 2500, 10000]}
subs = []
for sid in range(1, 561):
    reader = rng.randint(1, 300)
    plan = rng.choices(["free", "monthly", "annual", "patron"], weights=[40, 35, 20, 5])[0]
    author = None if rng.random() < 0.35 else rng.choice(authors)[0]
    started = rand_date(dt.date(2021, 1, 1), dt.date(2024, 12, 1))
    if sid % 61 == 0:
        started = [dt.date(2022, 1, 1), dt.date(2023, 12, 31), dt.date(2024, 3, 31), dt.date(2024, 2, 29)][sid % 4]
    ended = None
    if rng.random() < 0.4:
        ended = started + dt.timedelta(days=rng.choice([0, 30, 31, 90, 365, 400, 700]))
        if ended > END:
            ended = None
    fee = Money(rng.choice(FEES[plan]))
    subs.append((sid, reader, author, plan, fee, started, ended, plan != "free" and rng.random() < 0.7))
insert("subscriptions", ["subscription_id", "reader_id", "author_id", "plan_code", "monthly_fee", "started_on",
                         "ended_on", "auto_renew"], subs)

# ---------------------------------------------------------------- comments (threaded)
PHRASES = ["Great piece.", "I don't agree with the second point.", "Source?", "This aged well.",
           "Can't wait for part two!", "Typo in the third paragraph", "Thanks, very clear.",
           "What about indexes?", "lol", "", "The author's argument is weak.", "Subscribed.",
           "Same here", "Could you share the data?", "O'Reilly had a chapter on this."]
comments = []
cdepth = {}
cid = 0
for _ in range(365):
    cid += 1
    if comments and rng.random() < 0.35:
        parent = rng.choice(comments[-60:])
        if cdepth[parent[0]] >= 3:
            parent = None
    else:
        parent = None
    if parent:
        art = parent[1]
        posted = parent[4] + dt.timedelta(minutes=rng.randint(1, 3000))
        cdepth[cid] = cdepth[parent[0]] + 1
    else:
        art = rng.choice(visible)
        posted = art[13] + dt.timedelta(minutes=rng.randint(5, 60 * 24 * 30))
        art = art[0]
        cdepth[cid] = 0
    if posted > dt.datetime(2024, 12, 31, 23, 59, 0):
        posted = dt.datetime(2024, 12, 31, 23, 59, 0)
    up = int(rng.expovariate(0.25)) - (3 if rng.random() < 0.1 else 0)
    comments.append((cid, art, rng.randint(1, 300), parent[0] if parent else None, posted,
                     rng.choice(PHRASES), up, rng.random() < 0.04))
for lvl in range(4):
    insert("comments", ["comment_id", "article_id", "reader_id", "parent_comment_id", "posted_at", "body", "upvotes",
                        "is_flagged"], [c for c in comments if cdepth[c[0]] == lvl])

sys.stdout.write("".join(out))
