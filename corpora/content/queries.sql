-- Content platform corpus: correct analytics queries.
-- Queries without an @engines line run on duckdb, sqlite, postgres and mysql (MariaDB).

-- @id: content.q001
-- Prolific authors: published articles and total words, at least five pieces.
SELECT a.author_id,
       a.handle,
       COUNT(*)          AS published_articles,
       SUM(p.word_count) AS total_words
FROM authors a
JOIN articles p ON p.author_id = a.author_id
WHERE p.state = 'published'
GROUP BY a.author_id, a.handle
HAVING COUNT(*) >= 5
ORDER BY published_articles DESC, a.author_id;

-- @id: content.q002
-- Top 10 tags by number of published articles.
select t.tag_name,
       count(*) as articles
from article_tags at2
join tags t on t.tag_id = at2.tag_id
join articles ar on ar.article_id = at2.article_id
where ar.state = 'published'
group by t.tag_name
order by articles desc, t.tag_name
limit 10;

-- @id: content.q003
-- Published articles that carry no tag at all.
SELECT ar.article_id, ar.title, ar.published_at
FROM articles ar
WHERE ar.state = 'published'
  AND NOT EXISTS (
        SELECT 1
        FROM article_tags x
        WHERE x.article_id = ar.article_id
      )
ORDER BY ar.article_id;

-- @id: content.q004
-- Tags that were never attached to any article.
SELECT t.tag_id, t.tag_name, t.category
FROM tags t
LEFT JOIN article_tags x ON x.tag_id = t.tag_id
WHERE x.article_id IS NULL
ORDER BY t.tag_id;

-- @id: content.q005
-- Views and average time on page per device.
SELECT v.device,
       COUNT(*)                                                   AS views,
       COUNT(v.seconds_on_page)                                   AS timed_views,
       ROUND(CAST(AVG(v.seconds_on_page) AS DECIMAL(12, 4)), 2)   AS avg_seconds
FROM article_views v
GROUP BY v.device
ORDER BY views DESC, v.device;

-- @id: content.q006
-- Articles published per calendar month (YYYY-MM taken from the timestamp text).
SELECT SUBSTR(CAST(published_at AS CHAR(19)), 1, 7) AS pub_month,
       COUNT(*) AS articles,
       SUM(CASE WHEN is_premium THEN 1 ELSE 0 END) AS premium_articles
FROM articles
WHERE published_at IS NOT NULL
GROUP BY SUBSTR(CAST(published_at AS CHAR(19)), 1, 7)
ORDER BY pub_month;

-- @id: content.q007
-- Authors ranked by total views of their articles.
SELECT au.handle,
       COUNT(v.view_id) AS total_views,
       RANK() OVER (ORDER BY COUNT(v.view_id) DESC) AS view_rank
FROM authors au
JOIN articles ar ON ar.author_id = au.author_id
JOIN article_views v ON v.article_id = ar.article_id
GROUP BY au.author_id, au.handle
ORDER BY view_rank, au.handle;

-- @id: content.q008
-- Each author's single most viewed article (ties broken by lower article id).
WITH per_article AS (
    SELECT ar.author_id,
           ar.article_id,
           ar.title,
           COUNT(v.view_id) AS views
    FROM articles ar
    JOIN article_views v ON v.article_id = ar.article_id
    GROUP BY ar.author_id, ar.article_id, ar.title
),
ranked AS (
    SELECT pa.*,
           ROW_NUMBER() OVER (PARTITION BY pa.author_id ORDER BY pa.views DESC, pa.article_id) AS rn
    FROM per_article pa
)
SELECT r.author_id, au.display_name, r.article_id, r.title, r.views
FROM ranked r
JOIN authors au ON au.author_id = r.author_id
WHERE r.rn = 1
ORDER BY r.views DESC, r.author_id;

-- @id: content.q009
-- Running view count per article in chronological order.
SELECT v.article_id,
       v.view_id,
       v.viewed_at,
       COUNT(*) OVER (PARTITION BY v.article_id
                      ORDER BY v.viewed_at, v.view_id
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_views
FROM article_views v
WHERE v.article_id IN (SELECT article_id FROM article_views GROUP BY article_id HAVING COUNT(*) >= 9)
ORDER BY v.article_id, v.viewed_at, v.view_id;

-- @id: content.q010
-- Section tree: every section with its depth and top-level ancestor,
-- plus the number of published articles filed directly under it.
WITH RECURSIVE tree AS (
    SELECT s.section_id,
           s.section_name,
           s.parent_section_id,
           s.section_id AS root_id,
           0            AS depth
    FROM sections s
    WHERE s.parent_section_id IS NULL
    UNION ALL
    SELECT c.section_id,
           c.section_name,
           c.parent_section_id,
           t.root_id,
           t.depth + 1
    FROM sections c
    JOIN tree t ON c.parent_section_id = t.section_id
)
SELECT tr.section_id,
       tr.section_name,
       tr.depth,
       root.section_name AS top_section,
       (SELECT COUNT(*)
          FROM articles a
         WHERE a.section_id = tr.section_id
           AND a.state = 'published') AS direct_published
FROM tree tr
JOIN sections root ON root.section_id = tr.root_id
ORDER BY tr.root_id, tr.depth, tr.section_id;

-- @id: content.q011
-- Depth of every comment thread (longest reply chain per top-level comment).
WITH RECURSIVE thread (root_comment_id, comment_id, depth) AS (
    SELECT comment_id, comment_id, 0
    FROM comments
    WHERE parent_comment_id IS NULL
    UNION ALL
    SELECT th.root_comment_id, c.comment_id, th.depth + 1
    FROM comments c
    INNER JOIN thread th ON c.parent_comment_id = th.comment_id
)
SELECT root_comment_id,
       COUNT(*) - 1 AS replies,
       MAX(depth)   AS max_depth
FROM thread
GROUP BY root_comment_id
HAVING COUNT(*) > 1
ORDER BY max_depth DESC, replies DESC, root_comment_id;

-- @id: content.q012
-- Articles longer than their author's own average (correlated subquery).
SELECT a1.article_id, a1.author_id, a1.word_count
FROM articles a1
WHERE a1.state IN ('published', 'archived')
  AND a1.word_count > (
        SELECT AVG(a2.word_count)
        FROM articles a2
        WHERE a2.author_id = a1.author_id
          AND a2.state IN ('published', 'archived')
  )
ORDER BY a1.author_id, a1.word_count DESC, a1.article_id;

-- @id: content.q013
-- Readers holding a paid subscription who never viewed a single article.
SELECT r.reader_id, r.email, s.plan_code, s.started_on
FROM readers r
JOIN subscriptions s ON s.reader_id = r.reader_id
WHERE s.plan_code <> 'free'
  AND NOT EXISTS (SELECT 1 FROM article_views v WHERE v.reader_id = r.reader_id)
ORDER BY r.reader_id, s.started_on, s.subscription_id;

-- @id: content.q014
-- Readers who both commented and viewed something.
SELECT reader_id FROM comments
INTERSECT
SELECT reader_id FROM article_views WHERE reader_id IS NOT NULL
ORDER BY reader_id;

-- @id: content.q015
-- Every country we know of, from authors or readers.
SELECT country_code FROM authors WHERE country_code IS NOT NULL
UNION
SELECT country_code FROM readers WHERE country_code IS NOT NULL
ORDER BY country_code;

-- @id: content.q016
-- Tags that appear on 2024 publications but on none from 2023.
SELECT t.tag_name
FROM tags t
JOIN article_tags x ON x.tag_id = t.tag_id
JOIN articles a ON a.article_id = x.article_id
WHERE a.published_at >= '2024-01-01' AND a.published_at < '2025-01-01'
EXCEPT
SELECT t.tag_name
FROM tags t
JOIN article_tags x ON x.tag_id = t.tag_id
JOIN articles a ON a.article_id = x.article_id
WHERE a.published_at >= '2023-01-01' AND a.published_at < '2024-01-01'
ORDER BY tag_name;

-- @id: content.q017
-- Length buckets by editorial state.
SELECT CASE
           WHEN word_count = 0 THEN 'empty'
           WHEN word_count < 500 THEN 'short'
           WHEN word_count < 1500 THEN 'medium'
           WHEN word_count < 4000 THEN 'long'
           ELSE 'epic'
       END AS length_bucket,
       state,
       COUNT(*) AS articles
FROM articles
GROUP BY CASE
             WHEN word_count = 0 THEN 'empty'
             WHEN word_count < 500 THEN 'short'
             WHEN word_count < 1500 THEN 'medium'
             WHEN word_count < 4000 THEN 'long'
             ELSE 'epic'
         END,
         state
ORDER BY length_bucket, state;

-- @id: content.q018
-- Reader display labels: nickname when set, otherwise a placeholder.
SELECT reader_id,
       COALESCE(NULLIF(TRIM(nickname), ''), '(anonymous)') AS label,
       COALESCE(country_code, '--') AS country
FROM readers
WHERE reader_id <= 60
ORDER BY reader_id;

-- @id: content.q019
-- Tag categories cleaned up (stray spaces and casing), with tag counts.
SELECT COALESCE(LOWER(TRIM(category)), 'uncategorised') AS clean_category,
       COUNT(*)                                         AS tags,
       COUNT(DISTINCT category)                         AS raw_spellings
FROM tags
GROUP BY COALESCE(LOWER(TRIM(category)), 'uncategorised')
ORDER BY tags DESC, clean_category;

-- @id: content.q020
-- List-price value of premium articles per section.
select s.section_name,
       count(*)                    as premium_articles,
       sum(coalesce(a.price, 0))   as list_value,
       min(a.price)                as cheapest,
       max(a.price)                as dearest
from articles a
join sections s on s.section_id = a.section_id
where a.is_premium = TRUE
group by s.section_name
order by list_value desc, s.section_name;

-- @id: content.q021
-- Month-over-month change in published articles.
WITH monthly AS (
    SELECT SUBSTR(CAST(published_at AS CHAR(19)), 1, 7) AS pub_month,
           COUNT(*) AS n
    FROM articles
    WHERE state = 'published'
    GROUP BY SUBSTR(CAST(published_at AS CHAR(19)), 1, 7)
)
SELECT pub_month,
       n,
       LAG(n) OVER (ORDER BY pub_month)      AS prev_n,
       n - COALESCE(LAG(n) OVER (ORDER BY pub_month), 0) AS delta
FROM monthly
ORDER BY pub_month;

-- @id: content.q022
-- Tags ranked inside their (raw) category by usage; dense ranking keeps ties together.
SELECT t.category,
       t.tag_name,
       COUNT(x.article_id) AS uses,
       DENSE_RANK() OVER (PARTITION BY t.category ORDER BY COUNT(x.article_id) DESC) AS rank_in_category
FROM tags t
LEFT JOIN article_tags x ON x.tag_id = t.tag_id
WHERE t.category IS NOT NULL
GROUP BY t.category, t.tag_name
ORDER BY t.category, rank_in_category, t.tag_name;

-- @id: content.q023
-- Editor workload, editors without any article included.
SELECT e.editor_id,
       e.full_name,
       e.seniority,
       COUNT(a.article_id) AS edited,
       SUM(CASE WHEN a.state = 'review' THEN 1 ELSE 0 END) AS in_review
FROM editors e
LEFT JOIN articles a ON a.editor_id = e.editor_id
GROUP BY e.editor_id, e.full_name, e.seniority
ORDER BY edited DESC, e.editor_id;

-- @id: content.q024
-- Articles touched again after publication, per section.
SELECT s.section_name,
       COUNT(*) AS updated_after_publish
FROM articles a
INNER JOIN sections s ON s.section_id = a.section_id
WHERE a.updated_at IS NOT NULL
  AND a.published_at IS NOT NULL
  AND a.updated_at > a.published_at
GROUP BY s.section_name
ORDER BY updated_after_publish DESC, s.section_name;

-- @id: content.q025
-- Monthly recurring revenue by plan for subscriptions still running at the end of 2024.
SELECT plan_code,
       COUNT(*)          AS active_subscriptions,
       SUM(monthly_fee)  AS mrr,
       AVG(monthly_fee)  AS avg_fee
FROM subscriptions
WHERE started_on <= '2024-12-31'
  AND (ended_on IS NULL OR ended_on > '2024-12-31')
GROUP BY plan_code
ORDER BY mrr DESC, plan_code;

-- @id: content.q026
-- Authors with followers who published nothing during 2024.
SELECT au.author_id, au.handle
FROM authors au
WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.author_id = au.author_id)
  AND NOT EXISTS (
      SELECT 1
      FROM articles a
      WHERE a.author_id = au.author_id
        AND a.published_at >= '2024-01-01'
        AND a.published_at < '2025-01-01')
ORDER BY au.author_id;

-- @id: content.q027
-- Referrer share of all views; NULL and empty referrers are folded together.
SELECT COALESCE(NULLIF(v.referrer, ''), '(none)') AS source,
       COUNT(*) AS views,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM article_views), 2) AS pct_of_views
FROM article_views v
GROUP BY COALESCE(NULLIF(v.referrer, ''), '(none)')
ORDER BY views DESC, source;

-- @id: content.q028
-- Tag pairs that often appear on the same article.
SELECT t1.tag_name AS tag_a,
       t2.tag_name AS tag_b,
       COUNT(*)    AS together
FROM article_tags x1
JOIN article_tags x2 ON x2.article_id = x1.article_id AND x1.tag_id < x2.tag_id
JOIN tags t1 ON t1.tag_id = x1.tag_id
JOIN tags t2 ON t2.tag_id = x2.tag_id
GROUP BY t1.tag_name, t2.tag_name
HAVING COUNT(*) >= 8
ORDER BY together DESC, tag_a, tag_b
LIMIT 15;

-- @id: content.q029
-- Very long headlines, with a short preview.
SELECT article_id,
       LENGTH(TRIM(title)) AS title_length,
       SUBSTR(TRIM(title), 1, 40) AS preview
FROM articles
WHERE LENGTH(TRIM(title)) > 100
ORDER BY title_length DESC, article_id;

-- @id: content.q030
-- Headlines with leading or trailing whitespace left over from an import.
SELECT article_id,
       title,
       LENGTH(title) - LENGTH(TRIM(title)) AS stray_spaces
FROM articles
WHERE title <> TRIM(title)
ORDER BY article_id;

-- @id: content.q031
-- Reading time per language; the double column is cast before rounding.
SELECT language_code,
       COUNT(*) AS articles,
       ROUND(CAST(AVG(reading_minutes) AS DECIMAL(12, 4)), 1) AS avg_minutes,
       ROUND(CAST(MAX(reading_minutes) AS DECIMAL(12, 4)), 1) AS max_minutes
FROM articles
WHERE reading_minutes IS NOT NULL
GROUP BY language_code
ORDER BY articles DESC, language_code;

-- @id: content.q032
-- Word-count quartiles of published articles.
WITH q AS (
    SELECT article_id,
           word_count,
           NTILE(4) OVER (ORDER BY word_count, article_id) AS quartile
    FROM articles
    WHERE state = 'published'
)
SELECT quartile,
       COUNT(*)        AS articles,
       MIN(word_count) AS min_words,
       MAX(word_count) AS max_words
FROM q
GROUP BY quartile
ORDER BY quartile;

-- @id: content.q033
-- Daily views during the first quarter of 2024.
SELECT SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 10) AS view_day,
       COUNT(*) AS views,
       COUNT(DISTINCT article_id) AS articles_seen
FROM article_views
WHERE viewed_at >= '2024-01-01'
  AND viewed_at < '2024-04-01'
GROUP BY SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 10)
ORDER BY view_day;

-- @id: content.q034
-- Reader engagement score: views, plus three points per comment, plus upvotes received.
WITH v AS (
    SELECT reader_id, COUNT(*) AS views
    FROM article_views
    WHERE reader_id IS NOT NULL
    GROUP BY reader_id
),
c AS (
    SELECT reader_id, COUNT(*) AS comments, SUM(upvotes) AS upvotes
    FROM comments
    GROUP BY reader_id
)
SELECT r.reader_id,
       r.email,
       COALESCE(v.views, 0)    AS views,
       COALESCE(c.comments, 0) AS comments,
       COALESCE(c.upvotes, 0)  AS upvotes,
       COALESCE(v.views, 0) + 3 * COALESCE(c.comments, 0) + COALESCE(c.upvotes, 0) AS score
FROM readers r
LEFT JOIN v ON v.reader_id = r.reader_id
LEFT JOIN c ON c.reader_id = r.reader_id
WHERE v.reader_id IS NOT NULL OR c.reader_id IS NOT NULL
ORDER BY score DESC, r.reader_id
LIMIT 20;

-- @id: content.q035
-- Authors none of whose articles ever got an editor.
SELECT author_id, handle
FROM authors
WHERE author_id NOT IN (
    SELECT author_id FROM articles WHERE editor_id IS NOT NULL
)
ORDER BY author_id;

-- @id: content.q036
-- Most discussed articles.
SELECT a.article_id,
       a.title,
       COUNT(c.comment_id)        AS comments,
       ROUND(AVG(c.upvotes), 2)   AS avg_upvotes,
       MAX(c.posted_at)           AS last_comment_at
FROM articles a
JOIN comments c ON c.article_id = a.article_id
GROUP BY a.article_id, a.title
HAVING COUNT(c.comment_id) >= 3
ORDER BY comments DESC, a.article_id;

-- @id: content.q037
-- First publication of every author next to the day they joined.
SELECT au.author_id,
       au.joined_on,
       MIN(ar.published_at) AS first_published,
       MAX(ar.published_at) AS last_published,
       COUNT(ar.published_at) AS published_count
FROM authors au
LEFT JOIN articles ar ON ar.author_id = au.author_id
GROUP BY au.author_id, au.joined_on
ORDER BY au.author_id;

-- @id: content.q038
-- Articles that went live on New Year's Eve or New Year's Day.
SELECT article_id, published_at, state
FROM articles
WHERE SUBSTR(CAST(published_at AS CHAR(19)), 6, 5) IN ('12-31', '01-01')
ORDER BY published_at, article_id;

-- @id: content.q039
-- Views per calendar quarter, quarter derived from the month digits.
SELECT SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 4) AS yr,
       CASE
           WHEN SUBSTR(CAST(viewed_at AS CHAR(19)), 6, 2) IN ('01', '02', '03') THEN 'Q1'
           WHEN SUBSTR(CAST(viewed_at AS CHAR(19)), 6, 2) IN ('04', '05', '06') THEN 'Q2'
           WHEN SUBSTR(CAST(viewed_at AS CHAR(19)), 6, 2) IN ('07', '08', '09') THEN 'Q3'
           ELSE 'Q4'
       END AS qtr,
       COUNT(*) AS views
FROM article_views
GROUP BY 1, 2
ORDER BY 1, 2;

-- @id: content.q040
-- Comments and the number of direct replies they drew.
SELECT p.comment_id,
       p.article_id,
       p.upvotes,
       COUNT(r.comment_id) AS direct_replies
FROM comments p
LEFT JOIN comments r ON r.parent_comment_id = p.comment_id
GROUP BY p.comment_id, p.article_id, p.upvotes
HAVING COUNT(r.comment_id) > 0
ORDER BY direct_replies DESC, p.comment_id;

-- @id: content.q041
-- Top-level comments nobody answered, per article.
SELECT c.article_id, COUNT(*) AS unanswered
FROM comments c
WHERE c.parent_comment_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_comment_id = c.comment_id)
GROUP BY c.article_id
ORDER BY unanswered DESC, c.article_id;

-- @id: content.q042
-- Flagged comments per article author.
SELECT au.handle,
       COUNT(*) AS flagged_comments,
       COUNT(DISTINCT c.article_id) AS articles_affected
FROM comments c
JOIN articles ar ON ar.article_id = c.article_id
JOIN authors au ON au.author_id = ar.author_id
WHERE c.is_flagged = TRUE
GROUP BY au.handle
ORDER BY flagged_comments DESC, au.handle;

-- @id: content.q043
-- Subscription starts and ends per year, from one event stream.
WITH events AS (
    SELECT SUBSTR(CAST(started_on AS CHAR(10)), 1, 4) AS yr, 1 AS started, 0 AS ended
    FROM subscriptions
    UNION ALL
    SELECT SUBSTR(CAST(ended_on AS CHAR(10)), 1, 4), 0, 1
    FROM subscriptions
    WHERE ended_on IS NOT NULL
)
SELECT yr,
       SUM(started) AS starts,
       SUM(ended)   AS ends,
       SUM(started) - SUM(ended) AS net
FROM events
GROUP BY yr
ORDER BY yr;

-- @id: content.q044
-- Readers following the same author more than once (duplicate subscriptions).
SELECT s.reader_id,
       s.author_id,
       COUNT(*) AS subscriptions,
       MIN(s.started_on) AS first_start,
       MAX(s.started_on) AS last_start
FROM subscriptions s
WHERE s.author_id IS NOT NULL
GROUP BY s.reader_id, s.author_id
HAVING COUNT(*) > 1
ORDER BY subscriptions DESC, s.reader_id, s.author_id;

-- @id: content.q045
-- Authors who published in each of 2022, 2023 and 2024.
SELECT author_id FROM articles WHERE published_at >= '2022-01-01' AND published_at < '2023-01-01'
INTERSECT
SELECT author_id FROM articles WHERE published_at >= '2023-01-01' AND published_at < '2024-01-01'
INTERSECT
SELECT author_id FROM articles WHERE published_at >= '2024-01-01' AND published_at < '2025-01-01'
ORDER BY author_id;

-- @id: content.q046
-- Most viewed article in every section.
SELECT section_name, article_id, title, views
FROM (
    SELECT s.section_name,
           a.article_id,
           a.title,
           COUNT(*) AS views,
           ROW_NUMBER() OVER (PARTITION BY s.section_id ORDER BY COUNT(*) DESC, a.article_id) AS rn
    FROM article_views v
    JOIN articles a ON a.article_id = v.article_id
    JOIN sections s ON s.section_id = a.section_id
    GROUP BY s.section_id, s.section_name, a.article_id, a.title
) best
WHERE rn = 1
ORDER BY views DESC, section_name;

-- @id: content.q047
-- Share of premium articles per section, in percent.
SELECT s.section_name,
       COUNT(*) AS articles,
       ROUND(100.0 * SUM(CASE WHEN a.is_premium THEN 1 ELSE 0 END) / COUNT(*), 1) AS premium_pct
FROM sections s
JOIN articles a ON a.section_id = s.section_id
GROUP BY s.section_name
ORDER BY premium_pct DESC, s.section_name;

-- @id: content.q048
-- Published articles rolled up the section tree: each section counts its own
-- articles plus those of all descendant sections.
WITH RECURSIVE ancestry (section_id, ancestor_id) AS (
    -- every section is its own ancestor
    SELECT section_id, section_id
    FROM sections
    UNION ALL
    -- walk one level up
    SELECT an.section_id, s.parent_section_id
    FROM ancestry an
    JOIN sections s ON s.section_id = an.ancestor_id
    WHERE s.parent_section_id IS NOT NULL
),
direct AS (
    SELECT section_id,
           COUNT(*)        AS published,
           SUM(word_count) AS words
    FROM articles
    WHERE state = 'published'
    GROUP BY section_id
)
SELECT s.section_id,
       s.section_name,
       s.parent_section_id,
       COALESCE(SUM(d.published), 0) AS published_incl_children,
       COALESCE(SUM(d.words), 0)     AS words_incl_children,
       COUNT(DISTINCT an.section_id) AS sections_in_subtree
FROM sections s
JOIN ancestry an ON an.ancestor_id = s.section_id
LEFT JOIN direct d ON d.section_id = an.section_id
GROUP BY s.section_id, s.section_name, s.parent_section_id
ORDER BY published_incl_children DESC, s.section_id;

-- @id: content.q049
-- Monthly active (identified) readers.
SELECT SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 7) AS view_month,
       COUNT(DISTINCT reader_id) AS active_readers,
       COUNT(*) AS views,
       SUM(CASE WHEN reader_id IS NULL THEN 1 ELSE 0 END) AS anonymous_views
FROM article_views
GROUP BY SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 7)
ORDER BY view_month;

-- @id: content.q050
-- Signup cohorts: how many readers of each signup year were active in 2024,
-- how many commented, and how many pay for something.
WITH cohort AS (
    SELECT reader_id,
           SUBSTR(CAST(signed_up_at AS CHAR(19)), 1, 4) AS signup_year
    FROM readers
),
active_2024 AS (
    SELECT DISTINCT reader_id
    FROM article_views
    WHERE viewed_at >= '2024-01-01'
      AND viewed_at <  '2025-01-01'
      AND reader_id IS NOT NULL
),
commenters AS (
    SELECT DISTINCT reader_id FROM comments
),
payers AS (
    SELECT DISTINCT reader_id
    FROM subscriptions
    WHERE monthly_fee > 0
)
SELECT c.signup_year,
       COUNT(*)                AS readers,
       COUNT(a.reader_id)      AS active_in_2024,
       COUNT(k.reader_id)      AS commented,
       COUNT(p.reader_id)      AS paying,
       ROUND(100.0 * COUNT(a.reader_id) / COUNT(*), 1) AS active_pct
FROM cohort c
LEFT JOIN active_2024 a ON a.reader_id = c.reader_id
LEFT JOIN commenters  k ON k.reader_id = c.reader_id
LEFT JOIN payers      p ON p.reader_id = c.reader_id
GROUP BY c.signup_year
ORDER BY c.signup_year;

-- @id: content.q051
-- Tag momentum: views of tagged articles in 2023 against 2024.
SELECT t.tag_name,
       SUM(CASE WHEN v.viewed_at >= '2023-01-01' AND v.viewed_at < '2024-01-01' THEN 1 ELSE 0 END) AS views_2023,
       SUM(CASE WHEN v.viewed_at >= '2024-01-01' AND v.viewed_at < '2025-01-01' THEN 1 ELSE 0 END) AS views_2024,
       ROUND(1.0 * SUM(CASE WHEN v.viewed_at >= '2024-01-01' AND v.viewed_at < '2025-01-01' THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN v.viewed_at >= '2023-01-01' AND v.viewed_at < '2024-01-01' THEN 1 ELSE 0 END), 0), 2) AS growth
FROM tags t
JOIN article_tags x ON x.tag_id = t.tag_id
JOIN article_views v ON v.article_id = x.article_id
GROUP BY t.tag_name
HAVING COUNT(*) >= 30
ORDER BY views_2024 DESC, t.tag_name;

-- @id: content.q052
-- Author leaderboard: output, reach, attention, conversation and followers,
-- each ranked, then an overall score from the rank sum.
WITH output AS (
    SELECT author_id,
           COUNT(*)        AS published,
           SUM(word_count) AS words
    FROM articles
    WHERE state = 'published'
    GROUP BY author_id
),
reach AS (
    SELECT a.author_id,
           COUNT(*)                  AS views,
           COUNT(DISTINCT v.reader_id) AS unique_readers,
           AVG(v.seconds_on_page)    AS avg_seconds
    FROM articles a
    JOIN article_views v ON v.article_id = a.article_id
    GROUP BY a.author_id
),
talk AS (
    SELECT a.author_id, COUNT(*) AS comments
    FROM articles a
    JOIN comments c ON c.article_id = a.article_id
    GROUP BY a.author_id
),
followers AS (
    SELECT author_id, COUNT(DISTINCT reader_id) AS followers
    FROM subscriptions
    WHERE author_id IS NOT NULL
      AND ended_on IS NULL
    GROUP BY author_id
),
board AS (
    SELECT au.author_id,
           au.handle,
           o.published,
           o.words,
           COALESCE(r.views, 0)          AS views,
           COALESCE(r.unique_readers, 0) AS unique_readers,
           r.avg_seconds,
           COALESCE(t.comments, 0)       AS comments,
           COALESCE(f.followers, 0)      AS followers
    FROM authors au
    JOIN output o ON o.author_id = au.author_id
    LEFT JOIN reach r ON r.author_id = au.author_id
    LEFT JOIN talk t ON t.author_id = au.author_id
    LEFT JOIN followers f ON f.author_id = au.author_id
)
SELECT author_id,
       handle,
       published,
       views,
       comments,
       followers,
       ROUND(CAST(avg_seconds AS DECIMAL(12, 4)), 1) AS avg_seconds,
       RANK() OVER (ORDER BY views DESC)     AS views_rank,
       RANK() OVER (ORDER BY comments DESC)  AS comments_rank,
       RANK() OVER (ORDER BY followers DESC) AS followers_rank
FROM board
ORDER BY views_rank, author_id
LIMIT 25;

-- @id: content.q053
-- Articles waiting in review, oldest first, with their editor.
SELECT a.article_id,
       a.created_at,
       e.full_name AS editor,
       e.seniority
FROM articles a
LEFT JOIN editors e ON e.editor_id = a.editor_id
WHERE a.state = 'review'
ORDER BY a.created_at, a.article_id;

-- @id: content.q054
-- Articles where many views recorded no or zero time on page.
SELECT v.article_id,
       COUNT(*) AS views,
       SUM(CASE WHEN v.seconds_on_page IS NULL OR v.seconds_on_page = 0 THEN 1 ELSE 0 END) AS bounced,
       ROUND(1.0 * SUM(CASE WHEN v.seconds_on_page IS NULL OR v.seconds_on_page = 0 THEN 1 ELSE 0 END) / COUNT(*), 3) AS bounce_rate
FROM article_views v
GROUP BY v.article_id
HAVING COUNT(*) >= 10
ORDER BY bounce_rate DESC, v.article_id;

-- @id: content.q055
-- Latest publication per tag via a scalar subquery.
SELECT t.tag_id,
       t.tag_name,
       (SELECT MAX(a.published_at)
          FROM article_tags x
          JOIN articles a ON a.article_id = x.article_id
         WHERE x.tag_id = t.tag_id) AS last_published_at
FROM tags t
ORDER BY t.tag_id;

-- @id: content.q056
-- Reader age bands per country (unknown birth year kept as its own band).
SELECT COALESCE(country_code, '??') AS country,
       CASE
           WHEN birth_year IS NULL THEN 'unknown'
           WHEN birth_year < 1960 THEN 'before 1960'
           WHEN birth_year < 1980 THEN '1960-1979'
           WHEN birth_year < 2000 THEN '1980-1999'
           ELSE '2000 or later'
       END AS birth_band,
       COUNT(*) AS readers
FROM readers
GROUP BY 1, 2
ORDER BY 1, 2;

-- @id: content.q057
-- Authors writing in more than one language.
SELECT author_id,
       COUNT(DISTINCT language_code) AS languages,
       COUNT(*) AS articles
FROM articles
GROUP BY author_id
HAVING COUNT(DISTINCT language_code) > 1
ORDER BY languages DESC, author_id;

-- @id: content.q058
-- Articles with more tags than the average tagged article.
SELECT x.article_id, COUNT(*) AS tag_count
FROM article_tags x
GROUP BY x.article_id
HAVING COUNT(*) > (
    SELECT AVG(cnt)
    FROM (SELECT COUNT(*) AS cnt FROM article_tags GROUP BY article_id) per_article
)
ORDER BY tag_count DESC, x.article_id;

-- @id: content.q059
-- Previous publication of the same author, next to each publication.
SELECT author_id,
       article_id,
       published_at,
       LAG(published_at) OVER (PARTITION BY author_id ORDER BY published_at, article_id) AS previous_published_at,
       LEAD(article_id)  OVER (PARTITION BY author_id ORDER BY published_at, article_id) AS next_article_id
FROM articles
WHERE published_at IS NOT NULL
ORDER BY author_id, published_at, article_id;

-- @id: content.q060
-- First device every identified reader used.
WITH ordered AS (
    SELECT reader_id,
           device,
           viewed_at,
           ROW_NUMBER() OVER (PARTITION BY reader_id ORDER BY viewed_at, view_id) AS n
    FROM article_views
    WHERE reader_id IS NOT NULL
)
SELECT device AS first_device, COUNT(*) AS readers
FROM ordered
WHERE n = 1
GROUP BY device
ORDER BY readers DESC, first_device;

-- @id: content.q061
-- Human-readable slugs: dashes to spaces, upper-cased language.
SELECT article_id,
       REPLACE(SUBSTR(slug, LENGTH(CAST(article_id AS VARCHAR(10))) + 2), '-', ' ') AS slug_words,
       UPPER(language_code) AS lang
FROM articles
WHERE article_id BETWEEN 100 AND 140
ORDER BY article_id;

-- @id: content.q062
-- Authors active in the Databases section or on anything tagged sql.
SELECT a.author_id
FROM articles a
JOIN sections s ON s.section_id = a.section_id
WHERE s.section_name = 'Databases'
UNION
SELECT a.author_id
FROM articles a
JOIN article_tags x ON x.article_id = a.article_id
JOIN tags t ON t.tag_id = x.tag_id
WHERE t.tag_name = 'sql'
ORDER BY author_id;

-- @id: content.q063
-- Premium article views by readers who hold a paid subscription.
SELECT a.article_id,
       a.price,
       COUNT(*) AS subscriber_views
FROM articles a
JOIN article_views v ON v.article_id = a.article_id
WHERE a.is_premium = TRUE
  AND EXISTS (
        SELECT 1
        FROM subscriptions s
        WHERE s.reader_id = v.reader_id
          AND s.monthly_fee > 0
          AND s.started_on <= v.viewed_at
      )
GROUP BY a.article_id, a.price
ORDER BY subscriber_views DESC, a.article_id;

-- @id: content.q064
-- Subscriptions running at each 2024 quarter end, by plan.
SELECT plan_code,
       SUM(CASE WHEN started_on <= '2024-03-31' AND (ended_on IS NULL OR ended_on > '2024-03-31') THEN 1 ELSE 0 END) AS active_q1,
       SUM(CASE WHEN started_on <= '2024-06-30' AND (ended_on IS NULL OR ended_on > '2024-06-30') THEN 1 ELSE 0 END) AS active_q2,
       SUM(CASE WHEN started_on <= '2024-09-30' AND (ended_on IS NULL OR ended_on > '2024-09-30') THEN 1 ELSE 0 END) AS active_q3,
       SUM(CASE WHEN started_on <= '2024-12-31' AND (ended_on IS NULL OR ended_on > '2024-12-31') THEN 1 ELSE 0 END) AS active_q4
FROM subscriptions
GROUP BY plan_code
ORDER BY plan_code;

-- @id: content.q065
-- Comment activity by hour of day.
SELECT SUBSTR(CAST(posted_at AS CHAR(19)), 12, 2) AS hour_of_day,
       COUNT(*) AS comments,
       SUM(upvotes) AS upvotes
FROM comments
GROUP BY SUBSTR(CAST(posted_at AS CHAR(19)), 12, 2)
ORDER BY hour_of_day;

-- @id: content.q066
-- @engines: duckdb,postgres
-- Views by day of week (0 = Sunday).
SELECT EXTRACT(DOW FROM viewed_at) AS weekday,
       COUNT(*) AS views
FROM article_views
GROUP BY EXTRACT(DOW FROM viewed_at)
ORDER BY weekday;

-- @id: content.q067
-- @engines: mysql
-- Views by day of week (0 = Sunday), MariaDB flavour.
SELECT DAYOFWEEK(viewed_at) - 1 AS weekday,
       COUNT(*) AS views
FROM article_views
GROUP BY DAYOFWEEK(viewed_at) - 1
ORDER BY weekday;

-- @id: content.q068
-- @engines: sqlite
-- Views by day of week (0 = Sunday), SQLite flavour.
SELECT CAST(strftime('%w', viewed_at) AS INTEGER) AS weekday,
       COUNT(*) AS views
FROM article_views
GROUP BY CAST(strftime('%w', viewed_at) AS INTEGER)
ORDER BY weekday;

-- @id: content.q069
-- @engines: duckdb,postgres
-- Length in days of finished subscriptions, per plan.
SELECT plan_code,
       COUNT(*) AS finished,
       MIN(ended_on - started_on) AS shortest_days,
       MAX(ended_on - started_on) AS longest_days,
       ROUND(AVG(ended_on - started_on), 1) AS avg_days
FROM subscriptions
WHERE ended_on IS NOT NULL
GROUP BY plan_code
ORDER BY plan_code;

-- @id: content.q070
-- @engines: mysql
-- Length in days of finished subscriptions, per plan (DATEDIFF).
SELECT plan_code,
       COUNT(*) AS finished,
       MIN(DATEDIFF(ended_on, started_on)) AS shortest_days,
       MAX(DATEDIFF(ended_on, started_on)) AS longest_days,
       ROUND(AVG(DATEDIFF(ended_on, started_on)), 1) AS avg_days
FROM subscriptions
WHERE ended_on IS NOT NULL
GROUP BY plan_code
ORDER BY plan_code;

-- @id: content.q071
-- @engines: sqlite
-- Length in days of finished subscriptions, per plan (julianday).
SELECT plan_code,
       COUNT(*) AS finished,
       MIN(CAST(julianday(ended_on) - julianday(started_on) AS INTEGER)) AS shortest_days,
       MAX(CAST(julianday(ended_on) - julianday(started_on) AS INTEGER)) AS longest_days,
       ROUND(AVG(julianday(ended_on) - julianday(started_on)), 1) AS avg_days
FROM subscriptions
WHERE ended_on IS NOT NULL
GROUP BY plan_code
ORDER BY plan_code;

-- @id: content.q072
-- @engines: duckdb,postgres
-- Tag list per article as one string.
SELECT x.article_id,
       COUNT(*) AS tags,
       STRING_AGG(t.tag_name, ', ' ORDER BY t.tag_name) AS tag_list
FROM article_tags x
JOIN tags t ON t.tag_id = x.tag_id
WHERE x.article_id <= 50
GROUP BY x.article_id
ORDER BY x.article_id;

-- @id: content.q073
-- @engines: sqlite
-- Tag list per article as one string (group_concat with a separator argument).
SELECT x.article_id,
       COUNT(*) AS tags,
       group_concat(t.tag_name, ', ') AS tag_list
FROM article_tags x
JOIN tags t ON t.tag_id = x.tag_id
WHERE x.article_id <= 50
GROUP BY x.article_id
ORDER BY x.article_id;

-- @id: content.q074
-- @engines: mysql
-- Tag list per article as one string (GROUP_CONCAT ... SEPARATOR).
SELECT x.article_id,
       COUNT(*) AS tags,
       GROUP_CONCAT(t.tag_name ORDER BY t.tag_name SEPARATOR ', ') AS tag_list
FROM article_tags x
JOIN tags t ON t.tag_id = x.tag_id
WHERE x.article_id <= 50
GROUP BY x.article_id
ORDER BY x.article_id;

-- @id: content.q075
-- @engines: duckdb,postgres,sqlite
-- Device mix per article with aggregate FILTER clauses.
SELECT article_id,
       COUNT(*)                                   AS views,
       COUNT(*) FILTER (WHERE device = 'mobile')  AS mobile,
       COUNT(*) FILTER (WHERE device = 'desktop') AS desktop,
       COUNT(*) FILTER (WHERE device IN ('tablet', 'app')) AS other
FROM article_views
GROUP BY article_id
HAVING COUNT(*) >= 6
ORDER BY views DESC, article_id;

-- @id: content.q076
-- @engines: duckdb,postgres,sqlite
-- Per-author views in 2023 next to 2024, keeping authors seen in only one year.
WITH y23 AS (
    SELECT a.author_id, COUNT(*) AS views
    FROM article_views v JOIN articles a ON a.article_id = v.article_id
    WHERE v.viewed_at >= '2023-01-01' AND v.viewed_at < '2024-01-01'
    GROUP BY a.author_id
),
y24 AS (
    SELECT a.author_id, COUNT(*) AS views
    FROM article_views v JOIN articles a ON a.article_id = v.article_id
    WHERE v.viewed_at >= '2024-01-01' AND v.viewed_at < '2025-01-01'
    GROUP BY a.author_id
)
SELECT COALESCE(y23.author_id, y24.author_id) AS author_id,
       COALESCE(y23.views, 0) AS views_2023,
       COALESCE(y24.views, 0) AS views_2024
FROM y23
FULL OUTER JOIN y24 ON y24.author_id = y23.author_id
ORDER BY author_id;

-- @id: content.q077
-- @engines: duckdb,postgres,mysql
-- Bylines built with CONCAT.
SELECT a.article_id,
       CONCAT(TRIM(a.title), ' - by ', au.display_name) AS byline
FROM articles a
JOIN authors au ON au.author_id = a.author_id
WHERE a.state = 'published'
  AND a.article_id <= 60
ORDER BY a.article_id;

-- @id: content.q078
-- @engines: duckdb,postgres,sqlite
-- Bylines built with the || operator.
SELECT a.article_id,
       TRIM(a.title) || ' - by ' || au.display_name AS byline
FROM articles a
JOIN authors au ON au.author_id = a.author_id
WHERE a.state = 'published'
  AND a.article_id <= 60
ORDER BY a.article_id;

-- @id: content.q079
-- @engines: duckdb,postgres
-- Monthly unique readers with date_trunc.
SELECT date_trunc('month', viewed_at) AS month_start,
       COUNT(DISTINCT reader_id) AS readers,
       COUNT(*) AS views
FROM article_views
GROUP BY date_trunc('month', viewed_at)
ORDER BY month_start;

-- @id: content.q080
-- @engines: duckdb,postgres,mysql
-- Published articles per year and quarter with EXTRACT.
SELECT EXTRACT(YEAR FROM published_at)    AS pub_year,
       EXTRACT(QUARTER FROM published_at) AS pub_quarter,
       COUNT(*) AS articles,
       SUM(word_count) AS words
FROM articles
WHERE published_at IS NOT NULL
GROUP BY EXTRACT(YEAR FROM published_at), EXTRACT(QUARTER FROM published_at)
ORDER BY pub_year, pub_quarter;

-- @id: content.q081
-- @engines: duckdb,postgres,mysql
-- Readers who viewed something within 30 days of signing up.
SELECT COUNT(DISTINCT r.reader_id) AS quick_starters
FROM readers r
JOIN article_views v ON v.reader_id = r.reader_id
WHERE v.viewed_at >= r.signed_up_at
  AND v.viewed_at < r.signed_up_at + INTERVAL '30' DAY;

-- @id: content.q082
-- @engines: duckdb,postgres,sqlite
-- Latest edits first, never-edited articles at the end.
SELECT article_id, state, updated_at
FROM articles
WHERE author_id <= 10
ORDER BY updated_at DESC NULLS LAST, article_id;

-- @id: content.q083
-- Section health dashboard: output, reach, engagement and monetisation per
-- leaf section, with the section's share of all views.
WITH pubs AS (
    SELECT a.section_id,
           COUNT(*)                                            AS published,
           SUM(CASE WHEN a.is_premium THEN 1 ELSE 0 END)       AS premium,
           AVG(a.word_count)                                   AS avg_words
    FROM articles a
    WHERE a.state IN ('published', 'archived')
    GROUP BY a.section_id
),
traffic AS (
    SELECT a.section_id,
           COUNT(*)                    AS views,
           COUNT(DISTINCT v.reader_id) AS readers,
           SUM(v.seconds_on_page)      AS total_seconds
    FROM article_views v
    JOIN articles a ON a.article_id = v.article_id
    GROUP BY a.section_id
),
talk AS (
    SELECT a.section_id,
           COUNT(*)         AS comments,
           SUM(c.upvotes)   AS upvotes
    FROM comments c
    JOIN articles a ON a.article_id = c.article_id
    GROUP BY a.section_id
),
all_views AS (
    SELECT COUNT(*) AS n FROM article_views
)
SELECT s.section_id,
       s.section_name,
       COALESCE(p.published, 0)                               AS published,
       COALESCE(p.premium, 0)                                 AS premium,
       ROUND(p.avg_words, 0)                                  AS avg_words,
       COALESCE(t.views, 0)                                   AS views,
       COALESCE(t.readers, 0)                                 AS readers,
       ROUND(CAST(t.total_seconds AS DECIMAL(14, 2)) / 3600.0, 1) AS hours_read,
       COALESCE(k.comments, 0)                                AS comments,
       ROUND(100.0 * COALESCE(t.views, 0) / av.n, 2)          AS view_share_pct
FROM sections s
CROSS JOIN all_views av
LEFT JOIN pubs p    ON p.section_id = s.section_id
LEFT JOIN traffic t ON t.section_id = s.section_id
LEFT JOIN talk k    ON k.section_id = s.section_id
WHERE NOT EXISTS (SELECT 1 FROM sections ch WHERE ch.parent_section_id = s.section_id)
   OR p.published IS NOT NULL
ORDER BY views DESC, s.section_id;

-- @id: content.q084
-- Tag report card: articles, primary usage, traffic, attention and discussion,
-- restricted to tags on at least ten articles.
WITH usage_stats AS (
    SELECT x.tag_id,
           COUNT(*) AS articles,
           SUM(CASE WHEN x.is_primary THEN 1 ELSE 0 END) AS as_primary
    FROM article_tags x
    GROUP BY x.tag_id
),
view_stats AS (
    SELECT x.tag_id,
           COUNT(*)                 AS views,
           AVG(v.seconds_on_page)   AS avg_seconds
    FROM article_tags x
    JOIN article_views v ON v.article_id = x.article_id
    GROUP BY x.tag_id
),
comment_stats AS (
    SELECT x.tag_id,
           COUNT(*) AS comments
    FROM article_tags x
    JOIN comments c ON c.article_id = x.article_id
    WHERE c.is_flagged = FALSE
    GROUP BY x.tag_id
)
SELECT t.tag_name,
       COALESCE(LOWER(TRIM(t.category)), 'uncategorised')          AS category,
       u.articles,
       u.as_primary,
       COALESCE(vs.views, 0)                                        AS views,
       ROUND(1.0 * COALESCE(vs.views, 0) / u.articles, 2)           AS views_per_article,
       ROUND(CAST(vs.avg_seconds AS DECIMAL(12, 4)), 1)             AS avg_seconds,
       COALESCE(cs.comments, 0)                                     AS comments,
       DENSE_RANK() OVER (ORDER BY COALESCE(vs.views, 0) DESC)      AS views_rank
FROM tags t
JOIN usage_stats u        ON u.tag_id = t.tag_id
LEFT JOIN view_stats vs   ON vs.tag_id = t.tag_id
LEFT JOIN comment_stats cs ON cs.tag_id = t.tag_id
WHERE u.articles >= 10
ORDER BY views_rank, t.tag_name;

-- @id: content.q085
-- Editor scorecard: articles handled, how many got published, views on those,
-- and each editor's rank within their seniority band.
WITH handled AS (
    SELECT a.editor_id,
           COUNT(*) AS handled,
           SUM(CASE WHEN a.state IN ('published', 'archived') THEN 1 ELSE 0 END) AS shipped,
           SUM(CASE WHEN a.state = 'review' THEN 1 ELSE 0 END) AS pending
    FROM articles a
    WHERE a.editor_id IS NOT NULL
    GROUP BY a.editor_id
),
reach AS (
    SELECT a.editor_id, COUNT(*) AS views
    FROM articles a
    JOIN article_views v ON v.article_id = a.article_id
    WHERE a.editor_id IS NOT NULL
    GROUP BY a.editor_id
)
SELECT e.editor_id,
       e.full_name,
       e.seniority,
       CASE WHEN e.left_on IS NULL THEN 'current' ELSE 'former' END AS employment,
       COALESCE(h.handled, 0)  AS handled,
       COALESCE(h.shipped, 0)  AS shipped,
       COALESCE(h.pending, 0)  AS pending,
       COALESCE(r.views, 0)    AS views,
       ROUND(100.0 * COALESCE(h.shipped, 0) / NULLIF(h.handled, 0), 1) AS ship_rate_pct,
       RANK() OVER (PARTITION BY e.seniority ORDER BY COALESCE(r.views, 0) DESC) AS rank_in_band
FROM editors e
LEFT JOIN handled h ON h.editor_id = e.editor_id
LEFT JOIN reach r   ON r.editor_id = e.editor_id
ORDER BY e.seniority, rank_in_band, e.editor_id;

-- @id: content.q086
-- Reader funnel per country: signed up, viewed, commented, subscribed, paid.
WITH base AS (
    SELECT r.reader_id,
           COALESCE(r.country_code, '??') AS country
    FROM readers r
),
flags AS (
    SELECT b.country,
           b.reader_id,
           CASE WHEN EXISTS (SELECT 1 FROM article_views v WHERE v.reader_id = b.reader_id)
                THEN 1 ELSE 0 END AS viewed,
           CASE WHEN EXISTS (SELECT 1 FROM comments c WHERE c.reader_id = b.reader_id)
                THEN 1 ELSE 0 END AS commented,
           CASE WHEN EXISTS (SELECT 1 FROM subscriptions s WHERE s.reader_id = b.reader_id)
                THEN 1 ELSE 0 END AS subscribed,
           CASE WHEN EXISTS (SELECT 1 FROM subscriptions s
                              WHERE s.reader_id = b.reader_id AND s.monthly_fee > 0)
                THEN 1 ELSE 0 END AS paid
    FROM base b
)
SELECT country,
       COUNT(*)        AS signed_up,
       SUM(viewed)     AS viewed,
       SUM(commented)  AS commented,
       SUM(subscribed) AS subscribed,
       SUM(paid)       AS paid,
       ROUND(100.0 * SUM(paid) / COUNT(*), 1) AS paid_pct
FROM flags
GROUP BY country
HAVING COUNT(*) >= 5
ORDER BY signed_up DESC, country;

-- @id: content.q087
-- Launch-month performance: for every publication month, how many of the
-- month's views landed on articles published that same month.
WITH pub AS (
    SELECT article_id,
           SUBSTR(CAST(published_at AS CHAR(19)), 1, 7) AS pub_month
    FROM articles
    WHERE published_at IS NOT NULL
),
vw AS (
    SELECT article_id,
           SUBSTR(CAST(viewed_at AS CHAR(19)), 1, 7) AS view_month
    FROM article_views
),
joined AS (
    SELECT vw.view_month,
           CASE WHEN pub.pub_month = vw.view_month THEN 1 ELSE 0 END AS fresh
    FROM vw
    JOIN pub ON pub.article_id = vw.article_id
)
SELECT view_month,
       COUNT(*)   AS views,
       SUM(fresh) AS fresh_views,
       ROUND(100.0 * SUM(fresh) / COUNT(*), 1) AS fresh_pct,
       SUM(COUNT(*)) OVER (ORDER BY view_month
                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_views
FROM joined
GROUP BY view_month
ORDER BY view_month;

-- @id: content.q088
-- Subscription revenue per followed author: running monthly fees, share of the
-- total, and the author's rank.  Platform-wide subscriptions are shown apart.
WITH running AS (
    SELECT s.subscription_id,
           s.author_id,
           s.monthly_fee
    FROM subscriptions s
    WHERE s.ended_on IS NULL
      AND s.monthly_fee > 0
),
per_author AS (
    SELECT COALESCE(CAST(r.author_id AS VARCHAR(10)), 'platform') AS payee,
           COUNT(*)           AS subscriptions,
           SUM(r.monthly_fee) AS monthly_revenue
    FROM running r
    GROUP BY COALESCE(CAST(r.author_id AS VARCHAR(10)), 'platform')
),
total AS (
    SELECT SUM(monthly_fee) AS revenue FROM running
)
SELECT p.payee,
       p.subscriptions,
       p.monthly_revenue,
       ROUND(100.0 * p.monthly_revenue / t.revenue, 2) AS share_pct,
       RANK() OVER (ORDER BY p.monthly_revenue DESC) AS revenue_rank
FROM per_author p
CROSS JOIN total t
ORDER BY revenue_rank, p.payee
LIMIT 30;
