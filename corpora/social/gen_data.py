#!/usr/bin/env python3
"""Deterministic data generator for the `social` corpus.

    python3 gen_data.py > data.sql

Python standard library only; the output is reproducible byte for byte.
Rows are emitted parents first.  Self-referencing rows (members.referred_by,
comments.parent_comment_id) only ever point at rows from an *earlier* INSERT
statement, because DuckDB checks foreign keys per statement.

Text is plain ASCII without backslashes (MariaDB treats backslash as an
escape character by default); apostrophes are escaped as ''.
"""
import datetime as dt
import random
import sys

SEED = 20240229
rng = random.Random(SEED)
MAX_ROWS = 500

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def q(s):
    if s is None:
        return "NULL"
    return "'" + s.replace("'", "''") + "'"


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
        return "'" + v.strftime("%Y-%m-%d") + "'"
    if isinstance(v, Dec):
        return v.text
    return q(v)


class Dec:
    def __init__(self, text):
        self.text = text


out = []


def emit(table, cols, rows, breaks=()):
    """Write multi-row INSERTs; a new statement starts at every index in
    `breaks` and after MAX_ROWS rows."""
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
    """Avoid the spring-forward DST gap (02:00-02:59 on Sundays in March) so
    that MariaDB TIMESTAMP values survive a non-UTC session time zone."""
    if t.month == 3 and t.weekday() == 6 and t.hour == 2:
        t = t + dt.timedelta(hours=1)
    return t


def rand_ts(lo, hi):
    span = int((hi - lo).total_seconds())
    if span <= 0:
        return safe_ts(lo)
    return safe_ts(lo + dt.timedelta(seconds=rng.randint(0, span)))


def after(t, max_days, hi=None, min_seconds=60):
    u = t + dt.timedelta(seconds=rng.randint(min_seconds, max(min_seconds + 1, int(max_days * 86400))))
    if hi is not None and u > hi:
        u = hi
        if u <= t:
            u = t + dt.timedelta(seconds=min_seconds)
    return safe_ts(u)


START = dt.datetime(2021, 1, 1, 0, 0, 0)
END = dt.datetime(2024, 12, 31, 23, 59, 59)

# Timestamps exactly on day / month / year boundaries, handed out now and then.
BOUNDARY_TS = [
    dt.datetime(2023, 12, 31, 23, 59, 59),
    dt.datetime(2024, 1, 1, 0, 0, 0),
    dt.datetime(2024, 2, 29, 12, 0, 0),
    dt.datetime(2024, 2, 29, 23, 59, 59),
    dt.datetime(2024, 3, 1, 0, 0, 0),
    dt.datetime(2023, 1, 31, 23, 59, 59),
    dt.datetime(2023, 2, 1, 0, 0, 0),
    dt.datetime(2022, 12, 31, 23, 59, 59),
    dt.datetime(2023, 1, 1, 0, 0, 0),
    dt.datetime(2024, 6, 30, 23, 59, 59),
    dt.datetime(2024, 7, 1, 0, 0, 0),
    dt.datetime(2024, 12, 31, 23, 59, 59),
]


def maybe_boundary(t, lo, hi, p=0.015):
    if rng.random() < p:
        cands = [b for b in BOUNDARY_TS if lo < b <= hi]
        if cands:
            return rng.choice(cands)
    return t


# --------------------------------------------------------------------------
# countries
# --------------------------------------------------------------------------
COUNTRIES = [
    ("AR", "Argentina", "South America"), ("AU", "Australia", "Oceania"),
    ("BR", "Brazil", "South America"), ("CA", "Canada", "North America"),
    ("DE", "Germany", "Europe"), ("ES", "Spain", "Europe"),
    ("FR", "France", "Europe"), ("GB", "United Kingdom", "Europe"),
    ("IE", "Ireland", "Europe"), ("IN", "India", "Asia"),
    ("IT", "Italy", "Europe"), ("JP", "Japan", "Asia"),
    ("KE", "Kenya", "Africa"), ("MX", "Mexico", "North America"),
    ("NG", "Nigeria", "Africa"), ("NL", "Netherlands", "Europe"),
    ("NZ", "New Zealand", "Oceania"), ("PL", "Poland", "Europe"),
    ("PT", "Portugal", "Europe"), ("SE", "Sweden", "Europe"),
    ("US", "United States", "North America"), ("ZA", "South Africa", "Africa"),
    ("IS", "Iceland", "Europe"),  # no members: for anti-join queries
]
COUNTRY_WEIGHTS = {"US": 18, "GB": 8, "DE": 8, "IN": 9, "BR": 6, "FR": 5, "CA": 5,
                   "ES": 4, "NL": 4, "IT": 3, "AU": 3, "MX": 3, "NG": 3, "PL": 3,
                   "JP": 3, "SE": 2, "IE": 2, "PT": 2, "AR": 2, "KE": 2, "ZA": 2,
                   "NZ": 1}
emit("countries", ["country_code", "country_name", "continent"], COUNTRIES)

# --------------------------------------------------------------------------
# members (joined in four waves; referrals only point at earlier waves)
# --------------------------------------------------------------------------
FIRST = ["maria", "john", "aisha", "li", "carlos", "emma", "noah", "olivia", "liam", "sofia",
         "mateo", "chloe", "arjun", "priya", "kenji", "yuki", "lars", "ingrid", "fatima", "omar",
         "lucas", "mia", "ethan", "zara", "diego", "lena", "tomas", "anna", "pavel", "nadia",
         "sean", "grace", "felix", "hana", "ravi", "amara", "jonas", "elif", "marco", "julia"]
LAST = ["smith", "keller", "okafor", "wang", "garcia", "brown", "muller", "silva", "rossi", "kowalski",
        "tanaka", "patel", "jensen", "obrien", "dubois", "novak", "santos", "murphy", "lopez", "kim",
        "nguyen", "fischer", "costa", "walsh", "haddad", "ivanova", "moreau", "berg", "adeyemi", "oconnor"]
LAST_DISPLAY = {"obrien": "O'Brien", "oconnor": "O'Connor", "muller": "Mueller"}
DOMAINS = ["example.com", "mail.test", "inbox.example", "postbox.test"]
BIO_BITS = [
    "Coffee first, code second.", "Runner, reader, occasional baker.",
    "I write about cities and the people in them.", "Dad of two. Opinions are my own.",
    "Photographer chasing the golden hour.", "Learning Rust one borrow at a time.",
    "Plant person. 42 and counting.", "Don't @ me before 9am.",
    "It's complicated.", "Gardener, cyclist, amateur astronomer.",
    "Nurse by day, guitarist by night.", "Building things that don't scale.",
]
LONG_BIO = ("Hi! I'm a long-time lurker who finally decided to write a proper bio. "
            "I grew up by the sea, studied chemistry, switched to software, and now spend "
            "my weekends restoring old bicycles and my weeknights reading about urban planning. "
            "If you're into transit maps, sourdough, chess openings or 90's synth music we'll "
            "get along just fine. I don't do politics here and I won't reply to sales pitches. "
            "Currently learning Portuguese, slowly. Ask me about the time I missed a ferry "
            "in Norway and ended up hiking for nine hours. That's the whole story, really!")

N_MEMBERS = 260
WAVES = [(1, 60, dt.datetime(2021, 1, 1), dt.datetime(2021, 12, 31, 23, 0)),
         (61, 150, dt.datetime(2022, 1, 1), dt.datetime(2022, 12, 31, 23, 0)),
         (151, 215, dt.datetime(2023, 1, 1), dt.datetime(2023, 12, 31, 23, 0)),
         (216, N_MEMBERS, dt.datetime(2024, 1, 1), dt.datetime(2024, 8, 31, 23, 0))]

members = []  # dicts
used_handles = set()
used_emails = set()
ccodes = sorted(COUNTRY_WEIGHTS)
cweights = [COUNTRY_WEIGHTS[c] for c in ccodes]
for lo, hi, t0, t1 in WAVES:
    joins = sorted(rand_ts(t0, t1) for _ in range(lo, hi + 1))
    for mid, jt in zip(range(lo, hi + 1), joins):
        fn, ln = rng.choice(FIRST), rng.choice(LAST)
        while True:
            h = "%s%s%d" % (fn, ln[0], rng.randint(1, 99))
            if h not in used_handles:
                break
        used_handles.add(h)
        disp = "%s %s" % (fn.capitalize(), LAST_DISPLAY.get(ln, ln.capitalize()))
        r = rng.random()
        if r < 0.03:
            disp = "  " + disp + " "          # sloppy whitespace
        elif r < 0.06:
            disp = disp.upper()
        email = None
        if rng.random() > 0.07:
            email = "%s.%s%d@%s" % (fn, ln, mid, rng.choice(DOMAINS))
            if rng.random() < 0.12:
                email = email[0].upper() + email[1:]   # mixed case
            assert email.lower() not in used_emails
            used_emails.add(email.lower())
        cc = None if rng.random() < 0.08 else rng.choices(ccodes, cweights)[0]
        bd = None
        if rng.random() > 0.2:
            bd = dt.date(rng.randint(1948, 2006), rng.randint(1, 12), rng.randint(1, 28))
            rr = rng.random()
            if rr < 0.02:
                bd = dt.date(rng.choice([1996, 2000, 2004]), 2, 29)
            elif rr < 0.04:
                bd = dt.date(bd.year, 12, 31)
            elif rr < 0.06:
                bd = dt.date(bd.year, 1, 1)
        jt = maybe_boundary(jt, t0, t1, 0.03)
        last_login = None if rng.random() < 0.1 else rand_ts(jt, END)
        bio = None
        rb = rng.random()
        if rb < 0.05:
            bio = ""
        elif rb < 0.6:
            bio = " ".join(rng.sample(BIO_BITS, rng.randint(1, 3)))
        if mid == 137:
            bio = LONG_BIO
        ref = None
        if lo > 1 and rng.random() < 0.45:
            ref = rng.randint(1, lo - 1)
        members.append(dict(id=mid, handle=h, disp=disp, email=email, cc=cc, bd=bd, joined=jt,
                            last_login=last_login, verified=rng.random() < 0.15,
                            active=rng.random() > 0.07, bio=bio, ref=ref))

# a few members that share a display name (duplicates in non-unique columns)
members[200]["disp"] = members[10]["disp"]
members[251]["disp"] = members[10]["disp"]
mem_by_id = {m["id"]: m for m in members}
emit("members",
     ["member_id", "handle", "display_name", "email", "country_code", "birth_date", "joined_at",
      "last_login_at", "is_verified", "is_active", "bio", "referred_by"],
     [(m["id"], m["handle"], m["disp"], m["email"], m["cc"], m["bd"], m["joined"], m["last_login"],
       m["verified"], m["active"], m["bio"], m["ref"]) for m in members],
     breaks=[lo - 1 for lo, _, _, _ in WAVES])

# popularity: a heavy-tailed weight per member
popularity = {m["id"]: rng.paretovariate(1.3) * (3 if m["verified"] else 1) for m in members}
activity = {m["id"]: rng.paretovariate(1.5) for m in members}
ids = [m["id"] for m in members]
pop_w = [popularity[i] for i in ids]
act_w = [activity[i] for i in ids]

# --------------------------------------------------------------------------
# follows
# --------------------------------------------------------------------------
follows = {}
target = 1140
while len(follows) < target:
    a = rng.choices(ids, act_w)[0]
    b = rng.choices(ids, pop_w)[0]
    if a == b or (a, b) in follows:
        continue
    lo = max(mem_by_id[a]["joined"], mem_by_id[b]["joined"])
    t = maybe_boundary(rand_ts(lo, END), lo, END)
    follows[(a, b)] = (t, rng.random() < 0.05)
    # reciprocal follow-back now and then
    if rng.random() < 0.25 and (b, a) not in follows:
        follows[(b, a)] = (after(t, 20, END), False)
# members 258..260 follow nobody and nobody follows member 259
for k in sorted(follows):
    if k[0] >= 258 or k[1] == 259:
        del follows[k]
emit("follows", ["follower_id", "followee_id", "followed_at", "is_muted"],
     [(a, b, t, mu) for (a, b), (t, mu) in sorted(follows.items())])

# --------------------------------------------------------------------------
# interest groups and memberships
# --------------------------------------------------------------------------
GROUPS = [
    ("Rust Builders", "technology"), ("Sourdough Society", "food"), ("Trail Runners", "sports"),
    ("Urban Sketchers", "art"), ("Indie Game Devs", "technology"), ("Plant Parents", "lifestyle"),
    ("Chess Openings", "games"), ("Film Noir Fans", "movies"), ("Birdwatchers United", "nature"),
    ("Home Espresso", "food"), ("Data Engineering", "technology"), ("Vintage Bicycles", "hobbies"),
    ("Jazz Standards", "music"), ("Sci-Fi Book Club", "books"), ("Climbing Crew", "sports"),
    ("Mechanical Keyboards", "technology"), ("Street Photography", "art"), ("Vegan Recipes", "food"),
    ("Board Game Night", "games"), ("Astronomy Nerds", "science"), ("Language Exchange", "education"),
    ("Parents of Toddlers", "lifestyle"), ("Remote Workers", "work"), ("Cycling Commuters", "sports"),
    ("Poetry Corner", "books"), ("Retro Computing", "technology"), ("Knitting Circle", "hobbies"),
    ("Marathon Training", "sports"), ("Synth Music", "music"), ("Open Source Maintainers", "technology"),
    ("Tiny Houses", "lifestyle"), ("Fermentation Lab", "food"), ("Mountain Huts", "travel"),
    ("Budget Travel", "travel"), ("Cat People", "pets"), ("Dog Walkers", "pets"),
    ("Stoic Philosophy", "education"), ("Career Changers", "work"), ("Quiet Readers", "books"),
    ("Abandoned Projects", "hobbies"),
]
groups = []
grp_members = {}  # (gid, mid) -> (role, joined, left)
for gid, (name, cat) in enumerate(GROUPS, start=1):
    owner = rng.choice(ids[:200])
    ct = rand_ts(max(mem_by_id[owner]["joined"], dt.datetime(2021, 6, 1)), dt.datetime(2024, 3, 31))
    desc = None if rng.random() < 0.25 else "A place for %s talk. Be kind, stay on topic." % name.lower()
    if gid == 13:
        desc = "Members' picks, the real book, and the odd ''cool'' record."
    if gid == 27:
        desc = ""
    groups.append(dict(id=gid, name=name, cat=cat, owner=owner, created=ct,
                       private=rng.random() < 0.2, desc=desc))
    grp_members[(gid, owner)] = ("owner", ct, None)
    n = 0 if gid == 40 else int(rng.triangular(3, 30, 10))
    for _ in range(n):
        mid = rng.choices(ids, act_w)[0]
        if (gid, mid) in grp_members:
            continue
        lo = max(ct, mem_by_id[mid]["joined"])
        jt = rand_ts(lo, END)
        if jt >= END - dt.timedelta(days=1):
            continue
        left = None
        if rng.random() < 0.12:
            left = after(jt, 300, END)
            if left <= jt:
                left = None
        role = "moderator" if rng.random() < 0.08 else "member"
        grp_members[(gid, mid)] = (role, jt, left)
emit("interest_groups", ["group_id", "group_name", "category", "created_by", "created_at",
                         "is_private", "description"],
     [(g["id"], g["name"], g["cat"], g["owner"], g["created"], g["private"], g["desc"]) for g in groups])
emit("group_memberships", ["group_id", "member_id", "role_name", "joined_at", "left_at"],
     [(g, m, r, j, l) for (g, m), (r, j, l) in sorted(grp_members.items())])
groups_of = {}
for (g, m), (r, j, l) in sorted(grp_members.items()):
    groups_of.setdefault(m, []).append((g, j))

# --------------------------------------------------------------------------
# posts + hashtags
# --------------------------------------------------------------------------
TAGS = ["rust", "sql", "coffee", "running", "photography", "books", "travel", "music", "food",
        "gardening", "cycling", "chess", "movies", "science", "art", "remote", "parenting",
        "fitness", "gaming", "opensource", "climate", "nature", "weekend", "mondays", "tbt",
        "til", "ask", "help", "news", "unused"]
TOPICS = ["coffee", "my commute", "this week's run", "the new release", "sourdough", "a good book",
          "the meetup", "our garden", "the conference", "weekend plans", "my first marathon",
          "the chess club", "that bug", "the storm", "the museum", "a tiny bug in prod"]
OPENERS = ["Thoughts on", "Quick update on", "Can't stop thinking about", "Anyone else into",
           "Photos from", "Hot take:", "Question about", "Loving", "Finally finished", "Notes on"]
ENDERS = ["", "", " What do you think?", " More soon.", " Don't judge.", " It's been a week!",
          " Recommendations welcome.", " 10/10 would do again.", " Who's in?", " Thanks all!"]
LONG_POST = " ".join(
    ["Long read, sorry in advance. Here's everything I learned moving a 12-year-old monolith "
     "to a set of small services, what went wrong, what we'd do again, and what we'd never do again."]
    + ["Part %d: we thought the hard part would be the code, but it was the data, the naming, "
       "the on-call rota and the meetings about meetings. We kept a log of every decision "
       "and it's the one thing I'd recommend to anyone." % i for i in range(1, 9)]
    + ["If you read this far, you're a hero. Ask me anything in the comments."])

posts = []
post_tags = []
P_START = dt.datetime(2022, 1, 1)
N_POSTS = 1000
times = sorted(rand_ts(P_START, END) for _ in range(N_POSTS))
for pid, t in zip(range(1, N_POSTS + 1), times):
    while True:
        a = rng.choices(ids, act_w)[0]
        if mem_by_id[a]["joined"] < t:
            break
    t = maybe_boundary(t, mem_by_id[a]["joined"], END)
    gid = None
    if rng.random() < 0.4 and a in groups_of:
        opts = [g for g, j in groups_of[a] if j < t]
        if opts:
            gid = rng.choice(opts)
    topic = rng.choice(TOPICS)
    body = "%s %s.%s" % (rng.choice(OPENERS), topic, rng.choice(ENDERS))
    tags = sorted(rng.sample(range(1, len(TAGS)), rng.choice([0, 0, 1, 1, 1, 2, 2, 3])))
    if tags and rng.random() < 0.4:
        body += " " + " ".join("#" + TAGS[i - 1] for i in tags)
    rb = rng.random()
    if rb < 0.01:
        body = ""                      # image-only post
    elif rb < 0.02:
        body = "   " + body + "   "    # untrimmed
    if pid == 777:
        body = LONG_POST
    title = None
    if rng.random() < 0.35:
        title = topic.capitalize() if rng.random() < 0.7 else topic.upper()
    edited = after(t, 3, END) if rng.random() < 0.12 else None
    vis = rng.choices(["public", "friends", "private"], [80, 15, 5])[0]
    views = int(rng.paretovariate(1.1) * 20) - 20
    if rng.random() < 0.06:
        views = 0
    views = max(0, min(views, 250000))
    posts.append(dict(id=pid, author=a, gid=gid, title=title, body=body, t=t, edited=edited,
                      vis=vis, pinned=rng.random() < 0.02, views=views))
    for tg in tags:
        post_tags.append((pid, tg))
# extra tag links to reach a healthy size
while len(post_tags) < 1150:
    pid = rng.randint(1, N_POSTS)
    tg = rng.randint(1, len(TAGS) - 1)
    if (pid, tg) not in post_tags:
        post_tags.append((pid, tg))
post_tags = sorted(set(post_tags))
post_by_id = {p["id"]: p for p in posts}
emit("posts", ["post_id", "author_id", "group_id", "title", "body", "created_at", "edited_at",
               "visibility", "is_pinned", "view_count"],
     [(p["id"], p["author"], p["gid"], p["title"], p["body"], p["t"], p["edited"], p["vis"],
       p["pinned"], p["views"]) for p in posts])
emit("hashtags", ["tag_id", "tag"], [(i, t) for i, t in enumerate(TAGS, start=1)])
emit("post_hashtags", ["post_id", "tag_id"], post_tags)

# --------------------------------------------------------------------------
# comments: top level first, then replies, then replies to replies
# --------------------------------------------------------------------------
C_BODIES = ["Great post!", "Totally agree.", "Not sure about that.", "Source?", "This made my day",
            "Same here, it's wild.", "lol", "Thanks for sharing", "Can you explain more?",
            "I've been there.", "Nope.", "+1", "Saved for later", "Where was this taken?",
            "Couldn't agree more", "Hmm, depends.", "Happy to help, DM me", "So true"]
post_w = [1.0 + (p["views"] ** 0.5) / 10 for p in posts]
comments = []
cid = 0
level_rows = {0: [], 1: [], 2: []}
for _ in range(700):
    p = rng.choices(posts, post_w)[0]
    if p["id"] == 1000:
        continue
    a = rng.choices(ids, act_w)[0]
    lo = max(p["t"], mem_by_id[a]["joined"])
    t = after(lo, 30, END)
    if t >= END:
        continue
    level_rows[0].append([None, p["id"], a, None, rng.choice(C_BODIES), t, rng.random() < 0.03])
for lvl, n in ((1, 250), (2, 80)):
    parents = level_rows[lvl - 1]
    for _ in range(n):
        par = rng.choice(parents)
        a = rng.choices(ids, act_w)[0]
        if a == par[2] and rng.random() < 0.7:
            a = rng.choices(ids, act_w)[0]
        lo = max(par[5], mem_by_id[a]["joined"])
        t = after(lo, 5, END)
        if t >= END:
            continue
        body = rng.choice(C_BODIES)
        if rng.random() < 0.3:
            body = "@%s %s" % (mem_by_id[par[2]]["handle"], body)
        level_rows[lvl].append([None, par[1], a, par, body, t, rng.random() < 0.03])
breaks = []
for lvl in (0, 1, 2):
    level_rows[lvl].sort(key=lambda r: (r[5], r[1]))
    breaks.append(cid)
    for r in level_rows[lvl]:
        cid += 1
        r[0] = cid
# a very long comment and one with quotes
level_rows[0][5][4] = "Let me push back a little. " * 30
level_rows[0][6][4] = "He said 'ship it' and we shipped it. It's fine."
crow = []
for lvl in (0, 1, 2):
    for r in level_rows[lvl]:
        crow.append((r[0], r[1], r[2], None if r[3] is None else r[3][0], r[4], r[5], r[6]))
emit("comments", ["comment_id", "post_id", "author_id", "parent_comment_id", "body", "created_at",
                  "is_deleted"], crow, breaks=breaks)

# --------------------------------------------------------------------------
# likes
# --------------------------------------------------------------------------
likes = {}
while len(likes) < 1150:
    p = rng.choices(posts, post_w)[0]
    if p["vis"] == "private" and rng.random() < 0.9:
        continue
    m = rng.choices(ids, act_w)[0]
    if (m, p["id"]) in likes:
        continue
    lo = max(p["t"], mem_by_id[m]["joined"])
    t = after(lo, 10, END)
    if t >= END:
        continue
    react = rng.choices(["like", "love", "haha", "wow", "sad", "angry"], [60, 18, 9, 6, 4, 3])[0]
    likes[(m, p["id"])] = (react, t)
emit("post_likes", ["member_id", "post_id", "reaction", "liked_at"],
     [(m, p, r, t) for (m, p), (r, t) in sorted(likes.items())])

# --------------------------------------------------------------------------
# direct messages
# --------------------------------------------------------------------------
M_BODIES = ["hey!", "Are you coming tonight?", "Thanks, that helped a lot", "Sure, let's do Friday",
            "Did you see the new post?", "I'll send the link later", "Congrats!!", "ok",
            "Can we reschedule?", "Running late, sorry", "Here's the doc you asked for",
            "That's hilarious", "Call me when you're free", "No worries", "See you there"]
msgs = []
pairs = [tuple(sorted(k)) for k in sorted(follows)]
pairs = sorted(set(pairs))
t_msgs = []
for _ in range(360):
    a, b = rng.choice(pairs)
    if rng.random() < 0.5:
        a, b = b, a
    lo = max(mem_by_id[a]["joined"], mem_by_id[b]["joined"], dt.datetime(2022, 6, 1))
    t = rand_ts(lo, END)
    t = maybe_boundary(t, lo, END, 0.02)
    t_msgs.append((t, a, b))
t_msgs.sort()
for mid, (t, a, b) in enumerate(t_msgs, start=1):
    read = None if rng.random() < 0.18 else after(t, 2, None, 5)
    body = rng.choice(M_BODIES)
    rr = rng.random()
    if rr < 0.01:
        body = ""
    elif rr < 0.02:
        body = "Long story: " + "it went on and on and on, " * 40 + "the end."
    elif rr < 0.05:
        body = body.upper()
    msgs.append((mid, a, b, t, read, body))
emit("messages", ["message_id", "sender_id", "recipient_id", "sent_at", "read_at", "body"], msgs)

# --------------------------------------------------------------------------
# moderation reports
# --------------------------------------------------------------------------
reports = {}
rid = 0
rows = []
for _ in range(130):
    p = rng.choices(posts, post_w)[0]
    r = rng.choice(ids)
    if r == p["author"] or (p["id"], r) in reports:
        continue
    lo = max(p["t"], mem_by_id[r]["joined"])
    t = after(lo, 20, END)
    if t >= END:
        continue
    reason = rng.choices(["spam", "abuse", "misinformation", "copyright", "other"], [40, 25, 15, 5, 15])[0]
    details = None
    if reason == "other" or rng.random() < 0.3:
        details = rng.choice(["Looks like a bot", "Off-topic for the group", "It's a scam link",
                              "", "Rude reply to a newcomer", "Reposted my photo without credit"])
    resolved = None if rng.random() < 0.25 else after(t, 7, None, 600)
    outcome = None if resolved is None else rng.choices(["removed", "dismissed", "warned"], [35, 50, 15])[0]
    reports[(p["id"], r)] = 1
    rid += 1
    rows.append((rid, p["id"], r, reason, details, t, resolved, outcome))
emit("content_reports", ["report_id", "post_id", "reporter_id", "reason", "details", "reported_at",
                         "resolved_at", "outcome"], rows)

sys.stdout.write("-- Generated by gen_data.py (seed %d). Do not edit by hand.\n\n" % SEED)
sys.stdout.write("".join(out))
