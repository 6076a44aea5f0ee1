-- Social network corpus: correct reference queries.
-- Queries without an `-- @engines:` line run on duckdb, sqlite, postgres and mysql (MariaDB).
-- Portable date handling: timestamps are compared with ISO literals and bucketed with
-- SUBSTR(CAST(ts AS CHAR(19)), 1, n); dialect-specific date arithmetic lives in variants.

-- @id: social.q001
-- Top 10 most-followed members.
SELECT m.member_id,
       m.handle,
       COUNT(*) AS follower_count
FROM members m
JOIN follows f ON f.followee_id = m.member_id
GROUP BY m.member_id, m.handle
ORDER BY follower_count DESC, m.member_id
LIMIT 10;

-- @id: social.q002
-- Members nobody follows.
select m.member_id, m.handle, m.joined_at
from members m
where not exists (
    select 1
    from follows f
    where f.followee_id = m.member_id
)
order by m.joined_at, m.member_id;

-- @id: social.q003
-- Mutual follow pairs, each pair listed once (lower id first).
SELECT a.follower_id AS member_a,
       a.followee_id AS member_b,
       ma.handle     AS handle_a,
       mb.handle     AS handle_b
FROM follows a
JOIN follows b
  ON b.follower_id = a.followee_id
 AND b.followee_id = a.follower_id
JOIN members ma ON ma.member_id = a.follower_id
JOIN members mb ON mb.member_id = a.followee_id
WHERE a.follower_id < a.followee_id
ORDER BY a.follower_id, a.followee_id;

-- @id: social.q004
-- Most engaging posts: reactions plus comments that were not deleted.
SELECT eng.*
FROM (
    SELECT p.post_id,
           p.author_id,
           p.view_count,
           (SELECT COUNT(*) FROM post_likes pl WHERE pl.post_id = p.post_id) AS reactions,
           (SELECT COUNT(*)
              FROM comments c
             WHERE c.post_id = p.post_id
               AND c.is_deleted = FALSE) AS live_comments
    FROM posts p
) eng
ORDER BY eng.reactions + eng.live_comments DESC, eng.post_id
LIMIT 15;

-- @id: social.q005
-- Reaction mix for posts with at least five reactions.
SELECT pl.post_id,
       COUNT(*) AS reactions,
       SUM(CASE WHEN pl.reaction = 'like' THEN 1 ELSE 0 END)              AS likes,
       SUM(CASE WHEN pl.reaction = 'love' THEN 1 ELSE 0 END)              AS loves,
       SUM(CASE WHEN pl.reaction IN ('haha', 'wow') THEN 1 ELSE 0 END)    AS fun,
       SUM(CASE WHEN pl.reaction IN ('sad', 'angry') THEN 1 ELSE 0 END)   AS negative
FROM post_likes pl
GROUP BY pl.post_id
HAVING COUNT(*) >= 5
ORDER BY reactions DESC, pl.post_id;

-- @id: social.q006
-- Members per country (countries without members included) and the share of verified accounts.
SELECT c.country_code,
       c.country_name,
       COUNT(m.member_id) AS members,
       SUM(CASE WHEN m.is_verified THEN 1 ELSE 0 END) AS verified,
       ROUND(100.0 * SUM(CASE WHEN m.is_verified THEN 1 ELSE 0 END)
             / NULLIF(COUNT(m.member_id), 0), 1) AS verified_pct
FROM countries c
LEFT JOIN members m ON m.country_code = c.country_code
GROUP BY c.country_code, c.country_name
ORDER BY members DESC, c.country_code;

-- @id: social.q007
-- Posting activity by continent; members without a country count as 'Unknown'.
SELECT COALESCE(co.continent, 'Unknown') AS continent,
       COUNT(DISTINCT m.member_id)        AS authors,
       COUNT(p.post_id)                   AS posts,
       SUM(p.view_count)                  AS total_views
FROM posts p
JOIN members m         ON m.member_id = p.author_id
LEFT JOIN countries co ON co.country_code = m.country_code
GROUP BY COALESCE(co.continent, 'Unknown')
ORDER BY posts DESC, continent;

-- @id: social.q008
-- Three most-viewed authors per country.
WITH author_views AS (
    SELECT m.country_code,
           p.author_id,
           SUM(p.view_count) AS views
    FROM posts p
    JOIN members m ON m.member_id = p.author_id
    WHERE m.country_code IS NOT NULL
    GROUP BY m.country_code, p.author_id
),
ranked AS (
    SELECT av.country_code,
           av.author_id,
           av.views,
           ROW_NUMBER() OVER (PARTITION BY av.country_code
                              ORDER BY av.views DESC, av.author_id) AS rn
    FROM author_views av
)
SELECT country_code, author_id, views, rn
FROM ranked
WHERE rn <= 3
ORDER BY country_code, rn;

-- @id: social.q009
-- Posts per month with a running total.
SELECT mon,
       posts,
       SUM(posts) OVER (ORDER BY mon ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_posts
FROM (
    SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon,
           COUNT(*) AS posts
    FROM posts
    GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 7)
) monthly
ORDER BY mon;

-- @id: social.q010
-- Month-over-month change in the number of posts.
WITH monthly AS (
    SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon,
           COUNT(*) AS posts
    FROM posts
    GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 7)
)
SELECT mon,
       posts,
       LAG(posts) OVER (ORDER BY mon)         AS prev_posts,
       posts - LAG(posts) OVER (ORDER BY mon) AS change_abs,
       ROUND(100.0 * (posts - LAG(posts) OVER (ORDER BY mon))
             / NULLIF(LAG(posts) OVER (ORDER BY mon), 0), 1) AS change_pct
FROM monthly
ORDER BY mon;

-- @id: social.q011
-- Five-post moving average of reactions for the three most prolific authors.
WITH prolific AS (
    SELECT author_id
    FROM posts
    GROUP BY author_id
    ORDER BY COUNT(*) DESC, author_id
    LIMIT 3
),
per_post AS (
    SELECT p.post_id, p.author_id, p.created_at, COUNT(pl.member_id) AS reactions
    FROM posts p
    JOIN prolific pr ON pr.author_id = p.author_id
    LEFT JOIN post_likes pl ON pl.post_id = p.post_id
    GROUP BY p.post_id, p.author_id, p.created_at
)
SELECT author_id,
       post_id,
       created_at,
       reactions,
       ROUND(AVG(reactions) OVER (PARTITION BY author_id
                                  ORDER BY created_at, post_id
                                  ROWS BETWEEN 4 PRECEDING AND CURRENT ROW), 2) AS moving_avg_reactions
FROM per_post
ORDER BY author_id, created_at, post_id;

-- @id: social.q012
-- Referral tree: how many members sit at each depth below the founders.
WITH RECURSIVE referral_tree AS (
    SELECT member_id, referred_by, 0 AS depth, member_id AS root_id
    FROM members
    WHERE referred_by IS NULL
    UNION ALL
    SELECT m.member_id, m.referred_by, rt.depth + 1, rt.root_id
    FROM members m
    JOIN referral_tree rt ON m.referred_by = rt.member_id
)
SELECT depth,
       COUNT(*)                AS members,
       COUNT(DISTINCT root_id) AS distinct_roots
FROM referral_tree
GROUP BY depth
ORDER BY depth;

-- @id: social.q013
-- Biggest comment threads: replies and depth under each top-level comment.
WITH RECURSIVE thread AS (
    SELECT comment_id, post_id, comment_id AS root_comment_id, 1 AS depth
    FROM comments
    WHERE parent_comment_id IS NULL
    UNION ALL
    SELECT c.comment_id, c.post_id, t.root_comment_id, t.depth + 1
    FROM comments c
    JOIN thread t ON c.parent_comment_id = t.comment_id
)
SELECT root_comment_id,
       post_id,
       COUNT(*) - 1 AS replies,
       MAX(depth)   AS max_depth
FROM thread
GROUP BY root_comment_id, post_id
HAVING COUNT(*) > 1
ORDER BY replies DESC, max_depth DESC, root_comment_id
LIMIT 20;

-- @id: social.q014
-- Accounts reachable from member 11 within two follow hops, by shortest distance.
WITH RECURSIVE reach (member_id, hops) AS (
    SELECT followee_id, 1
    FROM follows
    WHERE follower_id = 11
    UNION ALL
    SELECT f.followee_id, r.hops + 1
    FROM reach r
    JOIN follows f ON f.follower_id = r.member_id
    WHERE r.hops < 2
)
SELECT hops_needed, COUNT(*) AS members
FROM (
    SELECT member_id, MIN(hops) AS hops_needed
    FROM reach
    WHERE member_id <> 11
    GROUP BY member_id
) shortest
GROUP BY hops_needed
ORDER BY hops_needed;

-- @id: social.q015
-- Who should member 110 follow? Accounts followed by people 110 already follows.
SELECT f2.followee_id AS suggested_id,
       m.handle,
       COUNT(*)       AS via_friends
FROM follows f1
JOIN follows f2 ON f2.follower_id = f1.followee_id
JOIN members m  ON m.member_id = f2.followee_id
WHERE f1.follower_id = 110
  AND f2.followee_id <> 110
  AND NOT EXISTS (
        SELECT 1
        FROM follows x
        WHERE x.follower_id = 110
          AND x.followee_id = f2.followee_id)
GROUP BY f2.followee_id, m.handle
ORDER BY via_friends DESC, suggested_id
LIMIT 10;

-- @id: social.q016
-- Group posts written after the author had already left the group.
SELECT p.post_id,
       p.author_id,
       p.group_id,
       gm.left_at,
       p.created_at
FROM posts p
JOIN group_memberships gm
  ON gm.group_id = p.group_id
 AND gm.member_id = p.author_id
WHERE gm.left_at IS NOT NULL
  AND p.created_at > gm.left_at
ORDER BY p.post_id;

-- @id: social.q017
-- Hashtags used at least 15 times in a calendar year.
SELECT CAST(SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4) AS INTEGER) AS yr,
       h.tag,
       COUNT(*) AS uses
FROM post_hashtags ph
JOIN hashtags h ON h.tag_id = ph.tag_id
JOIN posts p    ON p.post_id = ph.post_id
GROUP BY CAST(SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4) AS INTEGER), h.tag
HAVING COUNT(*) >= 15
ORDER BY yr, uses DESC, h.tag;

-- @id: social.q018
-- Hashtags that were never used.
select h.tag_id, h.tag
from hashtags h
left join post_hashtags ph on ph.tag_id = h.tag_id
where ph.post_id is null
order by h.tag;

-- @id: social.q019
-- Hashtag pairs that appear together on at least three posts.
SELECT h1.tag   AS tag_a,
       h2.tag   AS tag_b,
       COUNT(*) AS posts_together
FROM post_hashtags a
JOIN post_hashtags b ON b.post_id = a.post_id AND b.tag_id > a.tag_id
JOIN hashtags h1     ON h1.tag_id = a.tag_id
JOIN hashtags h2     ON h2.tag_id = b.tag_id
GROUP BY h1.tag, h2.tag
HAVING COUNT(*) >= 3
ORDER BY posts_together DESC, tag_a, tag_b;

-- @id: social.q020
-- Recipients with more than one unread message.
SELECT msg.recipient_id,
       m.handle,
       COUNT(*) AS unread
FROM messages msg
JOIN members m ON m.member_id = msg.recipient_id
WHERE msg.read_at IS NULL
GROUP BY msg.recipient_id, m.handle
HAVING COUNT(*) > 1
ORDER BY unread DESC, msg.recipient_id;

-- @id: social.q021
-- Busiest conversations (a pair of members, regardless of direction).
SELECT CASE WHEN sender_id < recipient_id THEN sender_id ELSE recipient_id END AS member_lo,
       CASE WHEN sender_id < recipient_id THEN recipient_id ELSE sender_id END AS member_hi,
       COUNT(*)     AS messages_sent,
       MIN(sent_at) AS first_message,
       MAX(sent_at) AS last_message
FROM messages
GROUP BY 1, 2
HAVING COUNT(*) >= 3
ORDER BY messages_sent DESC, member_lo, member_hi;

-- @id: social.q022
-- How many messages were answered later by their recipient?
SELECT COUNT(*) AS messages_sent,
       SUM(CASE WHEN EXISTS (SELECT 1
                             FROM messages r
                             WHERE r.sender_id = m.recipient_id
                               AND r.recipient_id = m.sender_id
                               AND r.sent_at > m.sent_at)
                THEN 1 ELSE 0 END) AS answered
FROM messages m;

-- @id: social.q023
-- Moderation reports by reason and outcome; unresolved ones are 'pending'.
select reason,
       coalesce(outcome, 'pending') as status,
       count(*) as reports
from content_reports
group by reason, coalesce(outcome, 'pending')
order by reason, status;

-- @id: social.q024
-- Posts reported by two or more people that were never removed.
SELECT p.post_id,
       p.author_id,
       COUNT(DISTINCT r.reporter_id) AS reporters
FROM posts p
JOIN content_reports r ON r.post_id = p.post_id
WHERE NOT EXISTS (
    SELECT 1
    FROM content_reports r2
    WHERE r2.post_id = p.post_id
      AND r2.outcome = 'removed'
)
GROUP BY p.post_id, p.author_id
HAVING COUNT(DISTINCT r.reporter_id) >= 2
ORDER BY reporters DESC, p.post_id;

-- @id: social.q025
-- Profile completeness: missing, empty, long and normal bios.
SELECT CASE
           WHEN bio IS NULL          THEN 'missing'
           WHEN TRIM(bio) = ''       THEN 'empty'
           WHEN LENGTH(bio) > 200    THEN 'long'
           ELSE 'normal'
       END      AS bio_status,
       COUNT(*) AS members
FROM members
GROUP BY 1
ORDER BY members DESC, bio_status;

-- @id: social.q026
-- Display names with leading or trailing whitespace.
SELECT member_id,
       handle,
       display_name,
       LENGTH(display_name) - LENGTH(TRIM(display_name)) AS extra_spaces,
       TRIM(display_name) AS cleaned
FROM members
WHERE LENGTH(display_name) <> LENGTH(TRIM(display_name))
ORDER BY member_id;

-- @id: social.q027
-- Email providers, bucketed with LIKE (emails are compared case-insensitively).
SELECT CASE
         WHEN email IS NULL                        THEN '(none)'
         WHEN LOWER(email) LIKE '%@example.com'    THEN 'example.com'
         WHEN LOWER(email) LIKE '%@mail.test'      THEN 'mail.test'
         WHEN LOWER(email) LIKE '%@inbox.example'  THEN 'inbox.example'
         ELSE 'other'
       END AS provider,
       COUNT(*) AS members,
       COUNT(DISTINCT country_code) AS countries
FROM members
GROUP BY 1
ORDER BY members DESC, provider;

-- @id: social.q028
-- @engines: duckdb,postgres,mysql
-- Email domain extracted with POSITION.
SELECT LOWER(SUBSTR(email, POSITION('@' IN email) + 1)) AS domain_name,
       COUNT(*) AS members
FROM members
WHERE email IS NOT NULL
GROUP BY LOWER(SUBSTR(email, POSITION('@' IN email) + 1))
ORDER BY members DESC, domain_name;

-- @id: social.q029
-- @engines: sqlite,mysql,duckdb
-- Email domain extracted with INSTR.
SELECT lower(substr(email, instr(email, '@') + 1)) AS domain_name,
       count(*) AS members
FROM members
WHERE email IS NOT NULL
GROUP BY lower(substr(email, instr(email, '@') + 1))
ORDER BY members DESC, domain_name;

-- @id: social.q030
-- Handles grouped by their first letter.
SELECT UPPER(SUBSTR(handle, 1, 1)) AS initial,
       COUNT(*)    AS members,
       MIN(handle) AS first_handle,
       MAX(handle) AS last_handle
FROM members
GROUP BY UPPER(SUBSTR(handle, 1, 1))
ORDER BY initial;

-- @id: social.q031
-- Unusually long posts and posts with no text at all.
SELECT post_id,
       author_id,
       LENGTH(body)             AS body_len,
       LENGTH(TRIM(body))       AS trimmed_len,
       SUBSTR(TRIM(body), 1, 40) AS preview
FROM posts
WHERE LENGTH(body) > 100
   OR LENGTH(TRIM(body)) = 0
ORDER BY body_len DESC, post_id;

-- @id: social.q032
-- Inline #hashtags in the body versus linked tags, per tagging style.
SELECT CASE
           WHEN t.inline_tags = 0 AND t.linked_tags = 0 THEN 'untagged'
           WHEN t.inline_tags = 0                       THEN 'linked only'
           WHEN t.inline_tags = t.linked_tags           THEN 'inline and linked'
           ELSE 'mismatch'
       END       AS tag_style,
       COUNT(*)  AS posts,
       SUM(t.linked_tags) AS linked_tags
FROM (
    SELECT p.post_id,
           LENGTH(p.body) - LENGTH(REPLACE(p.body, '#', '')) AS inline_tags,
           COUNT(ph.tag_id)                                   AS linked_tags
    FROM posts p
    LEFT JOIN post_hashtags ph ON ph.post_id = p.post_id
    GROUP BY p.post_id, p.body
) t
GROUP BY 1
ORDER BY posts DESC, tag_style;

-- @id: social.q033
-- Replies that @-mention the author of the comment they answer.
SELECT c.comment_id,
       c.parent_comment_id,
       pm.handle AS parent_author
FROM comments c
JOIN comments parent ON parent.comment_id = c.parent_comment_id
JOIN members pm      ON pm.member_id = parent.author_id
WHERE SUBSTR(c.body, 1, 1) = '@'
  AND SUBSTR(c.body, 2, LENGTH(pm.handle)) = pm.handle
ORDER BY c.comment_id;

-- @id: social.q034
-- Most recent post of each member, newest 25 overall.
SELECT author_id, post_id, created_at
FROM (
    SELECT p.author_id,
           p.post_id,
           p.created_at,
           ROW_NUMBER() OVER (PARTITION BY p.author_id
                              ORDER BY p.created_at DESC, p.post_id DESC) AS rn
    FROM posts p
) latest
WHERE rn = 1
ORDER BY created_at DESC, author_id
LIMIT 25;

-- @id: social.q035
-- Members who react to their own posts.
select m.handle, count(*) as self_reactions
from post_likes pl
join posts p   on p.post_id = pl.post_id and p.author_id = pl.member_id
join members m on m.member_id = pl.member_id
group by m.handle
order by self_reactions desc, m.handle;

-- @id: social.q036
-- Days on which a member both posted and commented.
SELECT DISTINCT p.author_id,
       SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 10) AS activity_day
FROM posts p
WHERE EXISTS (
    SELECT 1
    FROM comments c
    WHERE c.author_id = p.author_id
      AND SUBSTR(CAST(c.created_at AS CHAR(19)), 1, 10) = SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 10)
)
ORDER BY activity_day, p.author_id;

-- @id: social.q037
-- Group founders who have also filed a moderation report.
SELECT created_by AS member_id FROM interest_groups
INTERSECT
SELECT reporter_id FROM content_reports
ORDER BY member_id;

-- @id: social.q038
-- Members who follow others but never posted anything.
SELECT follower_id FROM follows
EXCEPT
SELECT author_id FROM posts
ORDER BY 1;

-- @id: social.q039
-- Ten most active members across posts, comments and reactions.
WITH activity AS (
    SELECT author_id AS member_id, 'post' AS kind, created_at AS happened_at FROM posts
    UNION ALL
    SELECT author_id, 'comment', created_at FROM comments
    UNION ALL
    SELECT member_id, 'reaction', liked_at FROM post_likes
)
SELECT a.member_id,
       m.handle,
       SUM(CASE WHEN a.kind = 'post' THEN 1 ELSE 0 END)     AS posts,
       SUM(CASE WHEN a.kind = 'comment' THEN 1 ELSE 0 END)  AS comments_written,
       SUM(CASE WHEN a.kind = 'reaction' THEN 1 ELSE 0 END) AS reactions,
       COUNT(*)           AS total_actions,
       MAX(a.happened_at) AS last_action
FROM activity a
JOIN members m ON m.member_id = a.member_id
GROUP BY a.member_id, m.handle
ORDER BY total_actions DESC, a.member_id
LIMIT 10;

-- @id: social.q040
-- Everyone who commented on or reacted to a post by member 11.
SELECT c.author_id AS member_id
FROM comments c
JOIN posts p ON p.post_id = c.post_id
WHERE p.author_id = 11
UNION
SELECT pl.member_id
FROM post_likes pl
JOIN posts p ON p.post_id = pl.post_id
WHERE p.author_id = 11
ORDER BY member_id;

-- @id: social.q041
-- Posts with more views than the average post.
SELECT post_id, author_id, view_count
FROM posts
WHERE view_count > (SELECT AVG(view_count) FROM posts)
ORDER BY view_count DESC, post_id
LIMIT 20;

-- @id: social.q042
-- Posts that did more than three times better than the author's own average.
SELECT p.post_id,
       p.author_id,
       p.view_count,
       (SELECT ROUND(AVG(p2.view_count), 1)
          FROM posts p2
         WHERE p2.author_id = p.author_id) AS author_avg_views
FROM posts p
WHERE p.view_count > 3 * (SELECT AVG(p3.view_count)
                            FROM posts p3
                           WHERE p3.author_id = p.author_id)
ORDER BY p.author_id, p.post_id;

-- @id: social.q043
-- Comment-count quartiles of posts.
WITH cc AS (
    SELECT p.post_id, COUNT(c.comment_id) AS n_comments
    FROM posts p
    LEFT JOIN comments c ON c.post_id = p.post_id
    GROUP BY p.post_id
)
SELECT quartile,
       COUNT(*)        AS posts,
       MIN(n_comments) AS min_comments,
       MAX(n_comments) AS max_comments,
       ROUND(AVG(n_comments), 2) AS avg_comments
FROM (
    SELECT post_id, n_comments, NTILE(4) OVER (ORDER BY n_comments, post_id) AS quartile
    FROM cc
) q
GROUP BY quartile
ORDER BY quartile;

-- @id: social.q044
-- Groups ranked by current (not left) members within their category.
SELECT g.category,
       g.group_name,
       COUNT(gm.member_id) AS active_members,
       DENSE_RANK() OVER (PARTITION BY g.category
                          ORDER BY COUNT(gm.member_id) DESC) AS category_rank
FROM interest_groups g
LEFT JOIN group_memberships gm
       ON gm.group_id = g.group_id
      AND gm.left_at IS NULL
GROUP BY g.category, g.group_name
ORDER BY g.category, category_rank, g.group_name;

-- @id: social.q045
-- Reactions per 1000 views for posts that were viewed at least once.
SELECT p.post_id,
       p.view_count,
       COUNT(pl.member_id) AS reactions,
       ROUND(1000.0 * COUNT(pl.member_id) / p.view_count, 2) AS reactions_per_1k_views
FROM posts p
LEFT JOIN post_likes pl ON pl.post_id = p.post_id
WHERE p.view_count > 0
GROUP BY p.post_id, p.view_count
HAVING COUNT(pl.member_id) > 0
ORDER BY reactions_per_1k_views DESC, p.post_id
LIMIT 20;

-- @id: social.q046
-- Do verified accounts get more views?
SELECT CASE WHEN m.is_verified THEN 'verified' ELSE 'regular' END AS account_type,
       COUNT(DISTINCT m.member_id) AS authors,
       COUNT(p.post_id)            AS posts,
       ROUND(AVG(p.view_count), 1) AS avg_views,
       MAX(p.view_count)           AS max_views
FROM members m
JOIN posts p ON p.author_id = m.member_id
GROUP BY CASE WHEN m.is_verified THEN 'verified' ELSE 'regular' END
ORDER BY account_type;

-- @id: social.q047
-- @engines: postgres
-- How long after publishing are posts edited? (hours, PostgreSQL interval arithmetic)
SELECT CASE
           WHEN edited_at - created_at < INTERVAL '1 hour'  THEN 'within an hour'
           WHEN edited_at - created_at < INTERVAL '1 day'   THEN 'same day'
           ELSE 'later'
       END AS edit_delay,
       COUNT(*) AS posts,
       ROUND(AVG(EXTRACT(EPOCH FROM (edited_at - created_at)) / 3600.0), 2) AS avg_hours
FROM posts
WHERE edited_at IS NOT NULL
GROUP BY 1
ORDER BY MIN(edited_at - created_at);

-- @id: social.q048
-- @engines: duckdb
-- How long after publishing are posts edited? (hours, DuckDB date_diff)
SELECT CASE
           WHEN date_diff('second', created_at, edited_at) < 3600  THEN 'within an hour'
           WHEN date_diff('second', created_at, edited_at) < 86400 THEN 'same day'
           ELSE 'later'
       END AS edit_delay,
       COUNT(*) AS posts,
       ROUND(AVG(date_diff('second', created_at, edited_at) / 3600.0), 2) AS avg_hours
FROM posts
WHERE edited_at IS NOT NULL
GROUP BY 1
ORDER BY MIN(date_diff('second', created_at, edited_at));

-- @id: social.q049
-- @engines: mysql
-- How long after publishing are posts edited? (hours, TIMESTAMPDIFF)
SELECT CASE
           WHEN TIMESTAMPDIFF(SECOND, created_at, edited_at) < 3600  THEN 'within an hour'
           WHEN TIMESTAMPDIFF(SECOND, created_at, edited_at) < 86400 THEN 'same day'
           ELSE 'later'
       END AS edit_delay,
       COUNT(*) AS posts,
       ROUND(AVG(TIMESTAMPDIFF(SECOND, created_at, edited_at) / 3600.0), 2) AS avg_hours
FROM posts
WHERE edited_at IS NOT NULL
GROUP BY 1
ORDER BY MIN(TIMESTAMPDIFF(SECOND, created_at, edited_at));

-- @id: social.q050
-- @engines: sqlite
-- How long after publishing are posts edited? (hours, julianday)
SELECT CASE
           WHEN (julianday(edited_at) - julianday(created_at)) * 86400 < 3600  THEN 'within an hour'
           WHEN (julianday(edited_at) - julianday(created_at)) * 86400 < 86400 THEN 'same day'
           ELSE 'later'
       END AS edit_delay,
       COUNT(*) AS posts,
       ROUND(AVG((julianday(edited_at) - julianday(created_at)) * 24.0), 2) AS avg_hours
FROM posts
WHERE edited_at IS NOT NULL
GROUP BY 1
ORDER BY MIN(julianday(edited_at) - julianday(created_at));

-- @id: social.q051
-- @engines: postgres,duckdb
-- Posting by weekday (0 = Sunday) for PostgreSQL and DuckDB.
SELECT EXTRACT(DOW FROM created_at) AS weekday_no,
       COUNT(*) AS posts,
       SUM(view_count) AS views
FROM posts
GROUP BY EXTRACT(DOW FROM created_at)
ORDER BY weekday_no;

-- @id: social.q052
-- @engines: mysql
-- Posting by weekday (0 = Sunday): DAYOFWEEK counts from 1.
SELECT DAYOFWEEK(created_at) - 1 AS weekday_no,
       COUNT(*) AS posts,
       SUM(view_count) AS views
FROM posts
GROUP BY DAYOFWEEK(created_at) - 1
ORDER BY weekday_no;

-- @id: social.q053
-- @engines: sqlite
-- Posting by weekday (0 = Sunday) with strftime('%w').
SELECT CAST(strftime('%w', created_at) AS INTEGER) AS weekday_no,
       COUNT(*) AS posts,
       SUM(view_count) AS views
FROM posts
GROUP BY strftime('%w', created_at)
ORDER BY weekday_no;

-- @id: social.q054
-- Monthly posts of the 'Fermentation Lab' group in 2024, zero months included
-- (calendar of month numbers built with a recursive CTE).
WITH RECURSIVE month_no (n) AS (
    SELECT 1
    UNION ALL
    SELECT n + 1 FROM month_no WHERE n < 12
),
group_posts AS (
    SELECT CAST(SUBSTR(CAST(p.created_at AS CHAR(19)), 6, 2) AS INTEGER) AS mon
    FROM posts p
    JOIN interest_groups g ON g.group_id = p.group_id
    WHERE g.group_name = 'Fermentation Lab'
      AND p.created_at >= '2024-01-01'
      AND p.created_at <  '2025-01-01'
)
SELECT mn.n AS month_of_2024,
       COUNT(gp.mon) AS posts
FROM month_no mn
LEFT JOIN group_posts gp ON gp.mon = mn.n
GROUP BY mn.n
ORDER BY mn.n;

-- @id: social.q055
-- @engines: postgres,duckdb
-- Daily posts in December 2024 including days without posts (date calendar, date + integer).
WITH RECURSIVE cal (d) AS (
    SELECT CAST('2024-12-01' AS DATE)
    UNION ALL
    SELECT d + 1 FROM cal WHERE d < CAST('2024-12-31' AS DATE)
)
SELECT cal.d,
       COUNT(p.post_id) AS posts
FROM cal
LEFT JOIN posts p ON CAST(p.created_at AS DATE) = cal.d
GROUP BY cal.d
ORDER BY cal.d;

-- @id: social.q056
-- @engines: mysql
-- Daily posts in December 2024 including days without posts (DATE_ADD calendar).
WITH RECURSIVE cal (d) AS (
    SELECT CAST('2024-12-01' AS DATE)
    UNION ALL
    SELECT DATE_ADD(d, INTERVAL 1 DAY) FROM cal WHERE d < '2024-12-31'
)
SELECT cal.d,
       COUNT(p.post_id) AS posts
FROM cal
LEFT JOIN posts p ON DATE(p.created_at) = cal.d
GROUP BY cal.d
ORDER BY cal.d;

-- @id: social.q057
-- @engines: sqlite
-- Daily posts in December 2024 including days without posts (date() modifiers).
WITH RECURSIVE cal (d) AS (
    SELECT '2024-12-01'
    UNION ALL
    SELECT date(d, '+1 day') FROM cal WHERE d < '2024-12-31'
)
SELECT cal.d,
       COUNT(p.post_id) AS posts
FROM cal
LEFT JOIN posts p ON date(p.created_at) = cal.d
GROUP BY cal.d
ORDER BY cal.d;

-- @id: social.q058
-- Members whose first comment came before their first post (or who never posted).
WITH first_post AS (
    SELECT author_id, MIN(created_at) AS first_post_at
    FROM posts
    GROUP BY author_id
),
first_comment AS (
    SELECT author_id, MIN(created_at) AS first_comment_at
    FROM comments
    GROUP BY author_id
)
SELECT m.member_id,
       m.handle,
       fc.first_comment_at,
       fp.first_post_at
FROM members m
JOIN first_comment fc  ON fc.author_id = m.member_id
LEFT JOIN first_post fp ON fp.author_id = m.member_id
WHERE fp.first_post_at IS NULL
   OR fc.first_comment_at < fp.first_post_at
ORDER BY fc.first_comment_at, m.member_id;

-- @id: social.q059
-- Influencers: at least 15 followers, with reactions per post.
WITH followers AS (
    SELECT followee_id AS member_id, COUNT(*) AS n_followers
    FROM follows
    GROUP BY followee_id
    HAVING COUNT(*) >= 15
),
post_stats AS (
    SELECT p.author_id,
           COUNT(DISTINCT p.post_id) AS n_posts,
           COUNT(pl.post_id)         AS n_reactions
    FROM posts p
    LEFT JOIN post_likes pl ON pl.post_id = p.post_id
    GROUP BY p.author_id
)
SELECT m.handle,
       f.n_followers,
       ps.n_posts,
       ps.n_reactions,
       ROUND(1.0 * ps.n_reactions / ps.n_posts, 2) AS reactions_per_post
FROM followers f
JOIN members m     ON m.member_id = f.member_id
JOIN post_stats ps ON ps.author_id = f.member_id
ORDER BY f.n_followers DESC, m.handle;

-- @id: social.q060
-- Cumulative monthly follower growth of the five most-followed accounts.
WITH top_accounts AS (
    SELECT followee_id
    FROM follows
    GROUP BY followee_id
    ORDER BY COUNT(*) DESC, followee_id
    LIMIT 5
),
monthly AS (
    SELECT f.followee_id,
           SUBSTR(CAST(f.followed_at AS CHAR(19)), 1, 7) AS mon,
           COUNT(*) AS new_followers
    FROM follows f
    JOIN top_accounts t ON t.followee_id = f.followee_id
    GROUP BY f.followee_id, SUBSTR(CAST(f.followed_at AS CHAR(19)), 1, 7)
)
SELECT mo.followee_id,
       m.handle,
       mo.mon,
       mo.new_followers,
       SUM(mo.new_followers) OVER (PARTITION BY mo.followee_id
                                   ORDER BY mo.mon
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS total_followers
FROM monthly mo
JOIN members m ON m.member_id = mo.followee_id
ORDER BY mo.followee_id, mo.mon;

-- @id: social.q061
-- Reactions given before vs after a post was edited.
SELECT CASE WHEN pl.liked_at < p.edited_at THEN 'before edit' ELSE 'after edit' END AS phase,
       COUNT(*) AS reactions,
       COUNT(DISTINCT pl.post_id) AS posts
FROM post_likes pl
JOIN posts p ON p.post_id = pl.post_id
WHERE p.edited_at IS NOT NULL
GROUP BY CASE WHEN pl.liked_at < p.edited_at THEN 'before edit' ELSE 'after edit' END
ORDER BY phase;

-- @id: social.q062
-- Group churn: share of members who left each group.
SELECT g.group_name,
       COUNT(*) AS ever_joined,
       SUM(CASE WHEN gm.left_at IS NOT NULL THEN 1 ELSE 0 END) AS left_group,
       ROUND(100.0 * SUM(CASE WHEN gm.left_at IS NOT NULL THEN 1 ELSE 0 END) / COUNT(*), 1) AS churn_pct
FROM interest_groups g
JOIN group_memberships gm ON gm.group_id = g.group_id
GROUP BY g.group_id, g.group_name
HAVING SUM(CASE WHEN gm.left_at IS NOT NULL THEN 1 ELSE 0 END) > 0
ORDER BY churn_pct DESC, g.group_id;

-- @id: social.q063
-- Visibility of posts published in private groups.
select g.group_name, p.visibility, count(*) as posts
from posts p
join interest_groups g on g.group_id = p.group_id
where g.is_private = TRUE
group by g.group_name, p.visibility
order by g.group_name, p.visibility;

-- @id: social.q064
-- Dominant reaction per post, and how many posts each reaction dominates.
WITH reaction_counts AS (
    SELECT post_id, reaction, COUNT(*) AS n
    FROM post_likes
    GROUP BY post_id, reaction
),
ranked AS (
    SELECT rc.post_id,
           rc.reaction,
           ROW_NUMBER() OVER (PARTITION BY rc.post_id ORDER BY rc.n DESC, rc.reaction) AS rn
    FROM reaction_counts rc
)
SELECT reaction AS dominant_reaction,
       COUNT(*) AS posts
FROM ranked
WHERE rn = 1
GROUP BY reaction
ORDER BY posts DESC, dominant_reaction;

-- @id: social.q065
-- Each author's share of all reactions on the platform.
SELECT p.author_id,
       COUNT(*) AS reactions_received,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 2) AS pct_of_all
FROM post_likes pl
JOIN posts p ON p.post_id = pl.post_id
GROUP BY p.author_id
ORDER BY reactions_received DESC, p.author_id
LIMIT 15;

-- @id: social.q066
-- Share of untitled posts per year.
SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 4) AS yr,
       COUNT(*)     AS posts,
       COUNT(title) AS titled,
       ROUND(100.0 * (COUNT(*) - COUNT(title)) / COUNT(*), 1) AS untitled_pct
FROM posts
GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 4)
ORDER BY yr;

-- @id: social.q067
-- Headlines of the 20 newest posts: title, else the start of the body, else a placeholder.
SELECT post_id,
       created_at,
       COALESCE(title, NULLIF(SUBSTR(TRIM(body), 1, 30), ''), '(untitled)') AS headline
FROM posts
ORDER BY created_at DESC, post_id DESC
LIMIT 20;

-- @id: social.q068
-- Display names containing an apostrophe, and the same names without it.
SELECT member_id,
       display_name,
       REPLACE(display_name, '''', '') AS name_without_apostrophe,
       UPPER(REPLACE(TRIM(display_name), ' ', '_')) AS name_key
FROM members
WHERE display_name LIKE '%''%'
ORDER BY member_id;

-- @id: social.q069
-- Members born on a leap day, New Year's Day or New Year's Eve.
SELECT member_id,
       handle,
       birth_date,
       SUBSTR(CAST(birth_date AS CHAR(10)), 6, 5) AS birthday
FROM members
WHERE SUBSTR(CAST(birth_date AS CHAR(10)), 6, 5) IN ('02-29', '01-01', '12-31')
ORDER BY birthday, member_id;

-- @id: social.q070
-- Referral effectiveness: referrers with at least three sign-ups.
SELECT r.member_id AS referrer_id,
       r.handle,
       COUNT(*) AS referred,
       SUM(CASE WHEN m.is_active THEN 1 ELSE 0 END)   AS still_active,
       SUM(CASE WHEN m.is_verified THEN 1 ELSE 0 END) AS verified,
       MIN(m.joined_at) AS first_referral_joined
FROM members m
JOIN members r ON r.member_id = m.referred_by
GROUP BY r.member_id, r.handle
HAVING COUNT(*) >= 3
ORDER BY referred DESC, referrer_id;

-- @id: social.q071
-- Member scorecard: content, reach and engagement in one report (top 25 by score).
WITH post_counts AS (
    SELECT author_id AS member_id,
           COUNT(*)        AS posts,
           SUM(view_count) AS views
    FROM posts
    GROUP BY author_id
),
comments_received AS (
    SELECT p.author_id AS member_id,
           COUNT(*)    AS comments_in
    FROM comments c
    JOIN posts p ON p.post_id = c.post_id
    WHERE c.author_id <> p.author_id      -- ignore self replies
      AND c.is_deleted = FALSE
    GROUP BY p.author_id
),
reactions_received AS (
    SELECT p.author_id AS member_id,
           COUNT(*)    AS reactions_in
    FROM post_likes pl
    JOIN posts p ON p.post_id = pl.post_id
    GROUP BY p.author_id
),
audience AS (
    SELECT followee_id AS member_id, COUNT(*) AS followers
    FROM follows
    WHERE is_muted = FALSE
    GROUP BY followee_id
),
scored AS (
    SELECT m.member_id,
           m.handle,
           COALESCE(pc.posts, 0)         AS posts,
           COALESCE(pc.views, 0)         AS views,
           COALESCE(cr.comments_in, 0)   AS comments_in,
           COALESCE(rr.reactions_in, 0)  AS reactions_in,
           COALESCE(a.followers, 0)      AS followers,
           COALESCE(pc.posts, 0) * 2
             + COALESCE(cr.comments_in, 0) * 3
             + COALESCE(rr.reactions_in, 0)
             + COALESCE(a.followers, 0) * 5 AS score
    FROM members m
    LEFT JOIN post_counts pc        ON pc.member_id = m.member_id
    LEFT JOIN comments_received cr  ON cr.member_id = m.member_id
    LEFT JOIN reactions_received rr ON rr.member_id = m.member_id
    LEFT JOIN audience a            ON a.member_id = m.member_id
    WHERE m.is_active = TRUE
)
SELECT member_id,
       handle,
       posts,
       views,
       comments_in,
       reactions_in,
       followers,
       score,
       CASE
           WHEN score >= 300 THEN 'star'
           WHEN score >= 100 THEN 'regular'
           WHEN score > 0    THEN 'casual'
           ELSE 'silent'
       END AS tier,
       RANK() OVER (ORDER BY score DESC) AS score_rank
FROM scored
ORDER BY score DESC, member_id
LIMIT 25;

-- @id: social.q072
-- Moderation dashboard: per reason, volumes, resolution mix and repeat offenders.
WITH report_base AS (
    SELECT r.report_id,
           r.reason,
           r.post_id,
           p.author_id,
           r.outcome,
           CASE WHEN r.resolved_at IS NULL THEN 1 ELSE 0 END AS is_open
    FROM content_reports r
    JOIN posts p ON p.post_id = r.post_id
),
by_reason AS (
    SELECT reason,
           COUNT(*)                                                AS reports,
           COUNT(DISTINCT post_id)                                 AS posts_reported,
           SUM(is_open)                                            AS still_open,
           SUM(CASE WHEN outcome = 'removed' THEN 1 ELSE 0 END)    AS removed,
           SUM(CASE WHEN outcome = 'dismissed' THEN 1 ELSE 0 END)  AS dismissed,
           SUM(CASE WHEN outcome = 'warned' THEN 1 ELSE 0 END)     AS warned
    FROM report_base
    GROUP BY reason
),
offenders AS (
    -- authors with at least one removal
    SELECT author_id, reason
    FROM report_base
    WHERE outcome = 'removed'
    GROUP BY author_id, reason
),
offender_counts AS (
    SELECT reason, COUNT(*) AS authors_with_removals
    FROM offenders
    GROUP BY reason
)
SELECT br.reason,
       br.reports,
       br.posts_reported,
       br.still_open,
       br.removed,
       br.dismissed,
       br.warned,
       COALESCE(oc.authors_with_removals, 0) AS authors_with_removals,
       ROUND(100.0 * br.removed / NULLIF(br.reports - br.still_open, 0), 1) AS removal_rate_pct
FROM by_reason br
LEFT JOIN offender_counts oc ON oc.reason = br.reason
ORDER BY br.reports DESC, br.reason;

-- @id: social.q073
-- Group health report: membership, content, conversation and reactions per group.
WITH membership AS (
    SELECT group_id,
           COUNT(*) AS ever_joined,
           SUM(CASE WHEN left_at IS NULL THEN 1 ELSE 0 END) AS current_members,
           SUM(CASE WHEN role_name IN ('owner', 'moderator') THEN 1 ELSE 0 END) AS staff
    FROM group_memberships
    GROUP BY group_id
),
content AS (
    SELECT group_id,
           COUNT(*) AS posts,
           COUNT(DISTINCT author_id) AS posting_members,
           MAX(created_at) AS last_post_at
    FROM posts
    WHERE group_id IS NOT NULL
    GROUP BY group_id
),
conversation AS (
    SELECT p.group_id, COUNT(*) AS comments_on_posts
    FROM comments c
    JOIN posts p ON p.post_id = c.post_id
    WHERE p.group_id IS NOT NULL
    GROUP BY p.group_id
),
reactions AS (
    SELECT p.group_id, COUNT(*) AS reactions_on_posts
    FROM post_likes pl
    JOIN posts p ON p.post_id = pl.post_id
    WHERE p.group_id IS NOT NULL
    GROUP BY p.group_id
)
SELECT g.group_id,
       g.group_name,
       g.category,
       COALESCE(ms.current_members, 0)      AS current_members,
       COALESCE(ms.staff, 0)                AS staff,
       COALESCE(ct.posts, 0)                AS posts,
       COALESCE(ct.posting_members, 0)      AS posting_members,
       COALESCE(cv.comments_on_posts, 0)    AS comments_on_posts,
       COALESCE(rx.reactions_on_posts, 0)   AS reactions_on_posts,
       ct.last_post_at,
       CASE
           WHEN ct.posts IS NULL                      THEN 'dormant'
           WHEN ct.last_post_at < '2024-07-01'        THEN 'fading'
           WHEN ct.posting_members * 4 >= ms.current_members THEN 'thriving'
           ELSE 'lurker-heavy'
       END AS health
FROM interest_groups g
LEFT JOIN membership ms   ON ms.group_id = g.group_id
LEFT JOIN content ct      ON ct.group_id = g.group_id
LEFT JOIN conversation cv ON cv.group_id = g.group_id
LEFT JOIN reactions rx    ON rx.group_id = g.group_id
ORDER BY posts DESC, g.group_id;

-- @id: social.q074
-- Engagement funnel by month: views -> reactions -> comments, with growth vs previous month.
WITH post_month AS (
    SELECT post_id,
           SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon,
           view_count
    FROM posts
),
reaction_n AS (
    SELECT post_id, COUNT(*) AS reactions
    FROM post_likes
    GROUP BY post_id
),
comment_n AS (
    SELECT post_id, COUNT(*) AS n_comments
    FROM comments
    WHERE is_deleted = FALSE
    GROUP BY post_id
),
monthly AS (
    SELECT pm.mon,
           COUNT(*)                         AS posts,
           SUM(pm.view_count)               AS views,
           SUM(COALESCE(r.reactions, 0))    AS reactions,
           SUM(COALESCE(c.n_comments, 0))   AS n_comments
    FROM post_month pm
    LEFT JOIN reaction_n r ON r.post_id = pm.post_id
    LEFT JOIN comment_n c  ON c.post_id = pm.post_id
    GROUP BY pm.mon
)
SELECT mon,
       posts,
       views,
       reactions,
       n_comments,
       ROUND(1000.0 * reactions / NULLIF(views, 0), 2) AS reactions_per_1k_views,
       ROUND(100.0 * n_comments / NULLIF(reactions, 0), 1) AS comments_per_100_reactions,
       reactions - COALESCE(LAG(reactions) OVER (ORDER BY mon), 0) AS reaction_growth
FROM monthly
WHERE mon >= '2023-01'
ORDER BY mon;

-- @id: social.q075
-- Thread analysis per post: number of threads, deepest reply chain and reply share.
WITH RECURSIVE tree AS (
    SELECT comment_id,
           post_id,
           author_id,
           comment_id AS root_id,
           0 AS depth
    FROM comments
    WHERE parent_comment_id IS NULL
    UNION ALL
    SELECT c.comment_id,
           c.post_id,
           c.author_id,
           t.root_id,
           t.depth + 1
    FROM comments c
    INNER JOIN tree t ON t.comment_id = c.parent_comment_id
),
per_post AS (
    SELECT post_id,
           COUNT(DISTINCT root_id)                      AS threads,
           COUNT(*)                                     AS total_comments,
           SUM(CASE WHEN depth > 0 THEN 1 ELSE 0 END)   AS replies,
           MAX(depth)                                   AS deepest,
           COUNT(DISTINCT author_id)                    AS participants
    FROM tree
    GROUP BY post_id
)
SELECT pp.post_id,
       p.author_id,
       pp.threads,
       pp.total_comments,
       pp.replies,
       pp.deepest,
       pp.participants,
       ROUND(100.0 * pp.replies / pp.total_comments, 1) AS reply_pct
FROM per_post pp
JOIN posts p ON p.post_id = pp.post_id
WHERE pp.total_comments >= 4
ORDER BY pp.deepest DESC, pp.total_comments DESC, pp.post_id
LIMIT 30;

-- @id: social.q076
-- Friend suggestions for active members: friends-of-friends who share a group,
-- not yet followed, best three per member.
WITH candidates AS (
    SELECT f1.follower_id AS member_id,
           f2.followee_id AS candidate_id,
           COUNT(*)       AS mutual_paths
    FROM follows f1
    JOIN follows f2 ON f2.follower_id = f1.followee_id
    WHERE f2.followee_id <> f1.follower_id
      AND NOT EXISTS (SELECT 1
                      FROM follows already
                      WHERE already.follower_id = f1.follower_id
                        AND already.followee_id = f2.followee_id)
    GROUP BY f1.follower_id, f2.followee_id
),
shared_groups AS (
    SELECT a.member_id, b.member_id AS candidate_id, COUNT(*) AS groups_in_common
    FROM group_memberships a
    JOIN group_memberships b
      ON b.group_id = a.group_id
     AND b.member_id <> a.member_id
    WHERE a.left_at IS NULL AND b.left_at IS NULL
    GROUP BY a.member_id, b.member_id
),
scored AS (
    SELECT c.member_id,
           c.candidate_id,
           c.mutual_paths,
           COALESCE(sg.groups_in_common, 0) AS groups_in_common,
           c.mutual_paths + 2 * COALESCE(sg.groups_in_common, 0) AS score
    FROM candidates c
    LEFT JOIN shared_groups sg
           ON sg.member_id = c.member_id
          AND sg.candidate_id = c.candidate_id
),
ranked AS (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY s.member_id
                              ORDER BY s.score DESC, s.candidate_id) AS pick
    FROM scored s
)
SELECT r.member_id,
       m.handle,
       r.candidate_id,
       cm.handle AS candidate_handle,
       r.mutual_paths,
       r.groups_in_common,
       r.pick
FROM ranked r
JOIN members m  ON m.member_id = r.member_id
JOIN members cm ON cm.member_id = r.candidate_id
WHERE r.pick <= 3
  AND m.is_active = TRUE
  AND r.member_id IN (SELECT follower_id FROM follows GROUP BY follower_id HAVING COUNT(*) >= 15)
ORDER BY r.member_id, r.pick;

-- @id: social.q077
-- Hashtag trends: uses per year and change versus the previous year.
WITH tag_year AS (
    SELECT h.tag,
           SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4) AS yr,
           COUNT(*) AS uses
    FROM post_hashtags ph
    JOIN hashtags h ON h.tag_id = ph.tag_id
    JOIN posts p    ON p.post_id = ph.post_id
    GROUP BY h.tag, SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4)
),
with_prev AS (
    SELECT tag,
           yr,
           uses,
           LAG(uses) OVER (PARTITION BY tag ORDER BY yr) AS prev_uses
    FROM tag_year
)
SELECT tag,
       yr,
       uses,
       prev_uses,
       uses - prev_uses AS delta,
       CASE
           WHEN prev_uses IS NULL          THEN 'new'
           WHEN uses >= prev_uses * 1.5    THEN 'rising'
           WHEN uses * 1.5 <= prev_uses    THEN 'falling'
           ELSE 'steady'
       END AS trend
FROM with_prev
WHERE yr >= '2023'
ORDER BY tag, yr;

-- @id: social.q078
-- Dormant members: last activity of any kind happened before 2024.
WITH all_activity AS (
    SELECT author_id AS member_id, created_at AS happened_at FROM posts
    UNION ALL
    SELECT author_id, created_at FROM comments
    UNION ALL
    SELECT member_id, liked_at FROM post_likes
    UNION ALL
    SELECT sender_id, sent_at FROM messages
    UNION ALL
    SELECT follower_id, followed_at FROM follows
),
last_seen AS (
    SELECT member_id,
           MAX(happened_at) AS last_activity,
           COUNT(*)         AS lifetime_actions
    FROM all_activity
    GROUP BY member_id
)
SELECT m.member_id,
       m.handle,
       m.joined_at,
       ls.last_activity,
       COALESCE(ls.lifetime_actions, 0) AS lifetime_actions,
       CASE WHEN ls.member_id IS NULL THEN 'never active' ELSE 'went quiet' END AS status
FROM members m
LEFT JOIN last_seen ls ON ls.member_id = m.member_id
WHERE ls.member_id IS NULL
   OR ls.last_activity < '2024-01-01'
ORDER BY m.member_id;

-- @id: social.q079
-- Members who message people that don't follow them.
SELECT msg.sender_id,
       COUNT(*) AS messages_to_strangers,
       COUNT(DISTINCT msg.recipient_id) AS strangers
FROM messages msg
WHERE NOT EXISTS (
        SELECT 1
        FROM follows f
        WHERE f.follower_id = msg.recipient_id
          AND f.followee_id = msg.sender_id)
GROUP BY msg.sender_id
HAVING COUNT(*) >= 2
ORDER BY messages_to_strangers DESC, msg.sender_id;

-- @id: social.q080
-- Empty or whitespace-only messages and long ones.
SELECT message_id,
       sender_id,
       recipient_id,
       LENGTH(body) AS body_len,
       CASE WHEN LENGTH(TRIM(body)) = 0 THEN 'empty' ELSE 'long' END AS kind
FROM messages
WHERE LENGTH(TRIM(body)) = 0
   OR LENGTH(body) > 500
ORDER BY message_id;

-- @id: social.q081
-- Members active in the most distinct group categories.
SELECT gm.member_id,
       COUNT(DISTINCT g.category) AS categories,
       COUNT(*) AS memberships
FROM group_memberships gm
JOIN interest_groups g ON g.group_id = gm.group_id
GROUP BY gm.member_id
HAVING COUNT(DISTINCT g.category) >= 4
ORDER BY categories DESC, memberships DESC, gm.member_id;

-- @id: social.q082
-- Visibility mix by author tier (tier from follower count).
WITH tiers AS (
    SELECT m.member_id,
           CASE
               WHEN (SELECT COUNT(*) FROM follows f WHERE f.followee_id = m.member_id) >= 20 THEN 'large'
               WHEN (SELECT COUNT(*) FROM follows f WHERE f.followee_id = m.member_id) >= 5  THEN 'medium'
               ELSE 'small'
           END AS tier
    FROM members m
)
SELECT t.tier,
       p.visibility,
       COUNT(*) AS posts
FROM posts p
JOIN tiers t ON t.member_id = p.author_id
GROUP BY t.tier, p.visibility
ORDER BY t.tier, p.visibility;

-- @id: social.q083
-- Top three most-commented posts of each year (ties share a rank).
WITH per_post AS (
    SELECT SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4) AS yr,
           p.post_id,
           COUNT(c.comment_id) AS n_comments
    FROM posts p
    JOIN comments c ON c.post_id = p.post_id
    GROUP BY SUBSTR(CAST(p.created_at AS CHAR(19)), 1, 4), p.post_id
),
ranked AS (
    SELECT yr, post_id, n_comments,
           RANK() OVER (PARTITION BY yr ORDER BY n_comments DESC) AS rnk
    FROM per_post
)
SELECT yr, post_id, n_comments, rnk
FROM ranked
WHERE rnk <= 3
ORDER BY yr, rnk, post_id;

-- @id: social.q084
-- Percentile of each member by follower count (members with followers only).
SELECT member_id,
       followers,
       ROUND(CAST(PERCENT_RANK() OVER (ORDER BY followers) AS DECIMAL(10, 4)), 3) AS pct_rank,
       ROUND(CAST(CUME_DIST() OVER (ORDER BY followers) AS DECIMAL(10, 4)), 3)    AS cume_share
FROM (
    SELECT followee_id AS member_id, COUNT(*) AS followers
    FROM follows
    GROUP BY followee_id
) fc
ORDER BY followers DESC, member_id
LIMIT 20;

-- @id: social.q085
-- First and latest post in each group (by time), with FIRST_VALUE / LAST_VALUE.
SELECT DISTINCT
       p.group_id,
       FIRST_VALUE(p.post_id) OVER w AS first_post_id,
       LAST_VALUE(p.post_id)  OVER w AS latest_post_id,
       COUNT(*) OVER (PARTITION BY p.group_id) AS group_posts
FROM posts p
WHERE p.group_id IS NOT NULL
WINDOW w AS (PARTITION BY p.group_id
             ORDER BY p.created_at, p.post_id
             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY p.group_id;

-- @id: social.q086
-- @engines: duckdb,postgres,sqlite
-- Monthly posts next to monthly comments, months with only one of them kept (FULL OUTER JOIN).
WITH pm AS (
    SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon, COUNT(*) AS posts
    FROM posts
    WHERE created_at >= '2024-01-01'
    GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 7)
),
cm AS (
    SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon, COUNT(*) AS n_comments
    FROM comments
    WHERE created_at >= '2024-01-01'
    GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 7)
)
SELECT COALESCE(pm.mon, cm.mon) AS mon,
       COALESCE(pm.posts, 0)      AS posts,
       COALESCE(cm.n_comments, 0) AS n_comments
FROM pm
FULL OUTER JOIN cm ON cm.mon = pm.mon
ORDER BY 1;

-- @id: social.q087
-- @engines: duckdb,postgres
-- Tags of the most viewed tagged posts as one comma-separated list (STRING_AGG).
SELECT p.post_id,
       p.view_count,
       STRING_AGG(h.tag, ', ' ORDER BY h.tag) AS tags
FROM posts p
JOIN post_hashtags ph ON ph.post_id = p.post_id
JOIN hashtags h       ON h.tag_id = ph.tag_id
GROUP BY p.post_id, p.view_count
ORDER BY p.view_count DESC, p.post_id
LIMIT 10;

-- @id: social.q088
-- @engines: mysql
-- Tags of the most viewed tagged posts as one comma-separated list (GROUP_CONCAT).
SELECT p.post_id,
       p.view_count,
       GROUP_CONCAT(h.tag ORDER BY h.tag SEPARATOR ', ') AS tags
FROM posts p
JOIN post_hashtags ph ON ph.post_id = p.post_id
JOIN hashtags h       ON h.tag_id = ph.tag_id
GROUP BY p.post_id, p.view_count
ORDER BY p.view_count DESC, p.post_id
LIMIT 10;

-- @id: social.q089
-- @engines: duckdb,postgres,mysql
-- New follows per year with year-over-year growth (EXTRACT).
SELECT EXTRACT(YEAR FROM followed_at) AS yr,
       COUNT(*) AS new_follows,
       COUNT(*) - LAG(COUNT(*)) OVER (ORDER BY EXTRACT(YEAR FROM followed_at)) AS growth
FROM follows
GROUP BY EXTRACT(YEAR FROM followed_at)
ORDER BY yr;

-- @id: social.q090
-- @engines: duckdb,postgres
-- Weekly posting volume in the last quarter of 2024 (date_trunc).
SELECT CAST(date_trunc('week', created_at) AS DATE) AS week_start,
       COUNT(*) AS posts,
       COUNT(DISTINCT author_id) AS authors
FROM posts
WHERE created_at >= '2024-10-01'
GROUP BY CAST(date_trunc('week', created_at) AS DATE)
ORDER BY week_start;

-- @id: social.q091
-- @engines: mysql
-- Members joined per quarter (DATE_FORMAT + QUARTER).
SELECT DATE_FORMAT(joined_at, '%Y') AS yr,
       QUARTER(joined_at)          AS qtr,
       COUNT(*)                    AS new_members,
       SUM(COUNT(*)) OVER (ORDER BY DATE_FORMAT(joined_at, '%Y'), QUARTER(joined_at)) AS members_total
FROM members
GROUP BY DATE_FORMAT(joined_at, '%Y'), QUARTER(joined_at)
ORDER BY yr, qtr;

-- @id: social.q092
-- @engines: sqlite
-- Members joined per quarter (strftime).
SELECT strftime('%Y', joined_at) AS yr,
       (CAST(strftime('%m', joined_at) AS INTEGER) + 2) / 3 AS qtr,
       COUNT(*) AS new_members,
       SUM(COUNT(*)) OVER (ORDER BY strftime('%Y', joined_at),
                                    (CAST(strftime('%m', joined_at) AS INTEGER) + 2) / 3) AS members_total
FROM members
GROUP BY 1, 2
ORDER BY yr, qtr;

-- @id: social.q093
-- @engines: duckdb,postgres
-- Days between consecutive posts of the five most prolific authors (date subtraction).
WITH prolific AS (
    SELECT author_id FROM posts GROUP BY author_id ORDER BY COUNT(*) DESC, author_id LIMIT 5
),
gaps AS (
    SELECT p.author_id,
           p.post_id,
           CAST(p.created_at AS DATE)
             - CAST(LAG(p.created_at) OVER (PARTITION BY p.author_id ORDER BY p.created_at, p.post_id) AS DATE) AS gap_days
    FROM posts p
    JOIN prolific pr ON pr.author_id = p.author_id
)
SELECT author_id,
       COUNT(gap_days) AS gaps,
       MAX(gap_days)   AS longest_gap_days,
       ROUND(AVG(gap_days), 1) AS avg_gap_days
FROM gaps
GROUP BY author_id
ORDER BY author_id;

-- @id: social.q094
-- @engines: mysql
-- Days between consecutive posts of the five most prolific authors (DATEDIFF).
WITH prolific AS (
    SELECT author_id FROM posts GROUP BY author_id ORDER BY COUNT(*) DESC, author_id LIMIT 5
),
gaps AS (
    SELECT p.author_id,
           p.post_id,
           DATEDIFF(p.created_at,
                    LAG(p.created_at) OVER (PARTITION BY p.author_id ORDER BY p.created_at, p.post_id)) AS gap_days
    FROM posts p
    JOIN prolific pr ON pr.author_id = p.author_id
)
SELECT author_id,
       COUNT(gap_days) AS gaps,
       MAX(gap_days)   AS longest_gap_days,
       ROUND(AVG(gap_days), 1) AS avg_gap_days
FROM gaps
GROUP BY author_id
ORDER BY author_id;

-- @id: social.q095
-- @engines: sqlite
-- Days between consecutive posts of the five most prolific authors (julianday).
WITH prolific AS (
    SELECT author_id FROM posts GROUP BY author_id ORDER BY COUNT(*) DESC, author_id LIMIT 5
),
gaps AS (
    SELECT p.author_id,
           p.post_id,
           CAST(julianday(date(p.created_at))
                - julianday(date(LAG(p.created_at) OVER (PARTITION BY p.author_id ORDER BY p.created_at, p.post_id))) AS INTEGER) AS gap_days
    FROM posts p
    JOIN prolific pr ON pr.author_id = p.author_id
)
SELECT author_id,
       COUNT(gap_days) AS gaps,
       MAX(gap_days)   AS longest_gap_days,
       ROUND(AVG(gap_days), 1) AS avg_gap_days
FROM gaps
GROUP BY author_id
ORDER BY author_id;
