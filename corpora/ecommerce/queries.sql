-- Correct analytics queries over the ecommerce corpus (schema.sql, data.sql).
-- Each query starts at its `-- @id:` line; `-- @engines:` restricts the
-- engines where a dialect makes the query impossible to write portably.

-- @id: ecommerce.q001
-- Orders and gross merchandise value per order status.
SELECT o.status,
       COUNT(DISTINCT o.id) AS orders,
       SUM(oi.quantity) AS units,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS gross_value
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
GROUP BY o.status
ORDER BY gross_value DESC;

-- @id: ecommerce.q002
-- Top 10 customers by net merchandise revenue (line discounts applied,
-- cancelled orders excluded).
SELECT c.id,
       c.first_name,
       c.last_name,
       c.country_code,
       COUNT(DISTINCT o.id) AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01), 2) AS net_revenue
FROM customers c
JOIN orders o ON o.customer_id = c.id
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status <> 'cancelled'
GROUP BY c.id, c.first_name, c.last_name, c.country_code
ORDER BY net_revenue DESC, c.id
LIMIT 10;

-- @id: ecommerce.q003
-- Monthly net revenue; the month key is cut from the ISO text of the timestamp
-- so the same query runs everywhere.
SELECT SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 7) AS order_month,
       COUNT(DISTINCT o.id) AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01), 2) AS net_revenue
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status NOT IN ('cancelled', 'pending')
GROUP BY SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 7)
ORDER BY order_month;

-- @id: ecommerce.q004
-- @engines: duckdb,postgres,mysql
-- Monthly net revenue with EXTRACT (no EXTRACT in SQLite).
SELECT EXTRACT(YEAR FROM o.ordered_at)  AS order_yr,
       EXTRACT(MONTH FROM o.ordered_at) AS order_mon,
       COUNT(DISTINCT o.id)             AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01), 2) AS net_revenue
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status NOT IN ('cancelled', 'pending')
GROUP BY EXTRACT(YEAR FROM o.ordered_at), EXTRACT(MONTH FROM o.ordered_at)
ORDER BY order_yr, order_mon;

-- @id: ecommerce.q005
-- @engines: sqlite
-- Monthly net revenue, SQLite flavour (strftime).
SELECT CAST(strftime('%Y', o.ordered_at) AS INTEGER) AS order_yr,
       CAST(strftime('%m', o.ordered_at) AS INTEGER) AS order_mon,
       COUNT(DISTINCT o.id) AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01), 2) AS net_revenue
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status NOT IN ('cancelled', 'pending')
GROUP BY strftime('%Y', o.ordered_at), strftime('%m', o.ordered_at)
ORDER BY order_yr, order_mon;

-- @id: ecommerce.q006
-- Active products that have never been ordered.
SELECT p.id, p.sku, p.name, p.list_price
FROM products p
WHERE p.is_active = TRUE
  AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = p.id)
ORDER BY p.id;

-- @id: ecommerce.q007
-- Customers who signed up but never placed an order, per loyalty tier.
select c.loyalty_tier,
       count(*) as customers_without_orders
from customers c
left join orders o on o.customer_id = c.id
where o.id is null
group by c.loyalty_tier
order by customers_without_orders desc, c.loyalty_tier;

-- @id: ecommerce.q008
-- Average rating per leaf category, only categories with at least 5 reviews.
SELECT cat.id AS category_id,
       cat.name AS category,
       COUNT(r.id) AS reviews,
       ROUND(AVG(r.rating), 2) AS avg_rating,
       MIN(r.rating) AS worst,
       MAX(r.rating) AS best
FROM categories cat
JOIN products p ON p.category_id = cat.id
JOIN reviews r ON r.product_id = p.id
GROUP BY cat.id, cat.name
HAVING COUNT(r.id) >= 5
ORDER BY avg_rating DESC, cat.id;

-- @id: ecommerce.q009
-- Daily revenue in Q1 2024 with a running total.
WITH daily AS (
    SELECT DATE(o.ordered_at) AS order_day,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS revenue
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.ordered_at >= '2024-01-01'
      AND o.ordered_at <  '2024-04-01'
      AND o.status <> 'cancelled'
    GROUP BY DATE(o.ordered_at)
)
SELECT order_day,
       ROUND(revenue, 2) AS revenue,
       ROUND(SUM(revenue) OVER (ORDER BY order_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 2) AS running_revenue
FROM daily
ORDER BY order_day;

-- @id: ecommerce.q010
-- Rank products inside their category by units sold (ties share a rank).
WITH units AS (
    SELECT p.category_id, p.id AS product_id, p.name, SUM(oi.quantity) AS units_sold
    FROM products p
    JOIN order_items oi ON oi.product_id = p.id
    JOIN orders o ON o.id = oi.order_id
    WHERE o.status IN ('shipped', 'delivered')
    GROUP BY p.category_id, p.id, p.name
)
SELECT category_id, product_id, name, units_sold,
       RANK() OVER (PARTITION BY category_id ORDER BY units_sold DESC) AS rank_in_category
FROM units
ORDER BY category_id, rank_in_category, product_id;

-- @id: ecommerce.q011
-- Order sequence of frequent buyers with the previous order timestamp.
SELECT customer_id,
       id AS order_id,
       ordered_at,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS order_seq,
       LAG(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS previous_order_at
FROM orders
WHERE customer_id IN (SELECT customer_id
                      FROM orders
                      GROUP BY customer_id
                      HAVING COUNT(*) >= 8)
ORDER BY customer_id, order_seq;

-- @id: ecommerce.q012
-- @engines: duckdb,postgres
-- Days between consecutive orders of the same customer (date subtraction).
WITH seq AS (
    SELECT customer_id, id, CAST(ordered_at AS DATE) AS order_day,
           LAG(CAST(ordered_at AS DATE)) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS prev_day
    FROM orders
)
SELECT customer_id,
       COUNT(*) AS gaps,
       MIN(order_day - prev_day) AS shortest_gap_days,
       MAX(order_day - prev_day) AS longest_gap_days,
       ROUND(AVG(order_day - prev_day), 1) AS avg_gap_days
FROM seq
WHERE prev_day IS NOT NULL
GROUP BY customer_id
HAVING COUNT(*) >= 5
ORDER BY avg_gap_days, customer_id;

-- @id: ecommerce.q013
-- @engines: mysql
-- Days between consecutive orders of the same customer (DATEDIFF).
WITH seq AS (
    SELECT customer_id, id, CAST(ordered_at AS DATE) AS order_day,
           LAG(CAST(ordered_at AS DATE)) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS prev_day
    FROM orders
)
SELECT customer_id,
       COUNT(*) AS gaps,
       MIN(DATEDIFF(order_day, prev_day)) AS shortest_gap_days,
       MAX(DATEDIFF(order_day, prev_day)) AS longest_gap_days,
       ROUND(AVG(DATEDIFF(order_day, prev_day)), 1) AS avg_gap_days
FROM seq
WHERE prev_day IS NOT NULL
GROUP BY customer_id
HAVING COUNT(*) >= 5
ORDER BY avg_gap_days, customer_id;

-- @id: ecommerce.q014
-- @engines: sqlite
-- Days between consecutive orders of the same customer (julianday).
WITH seq AS (
    SELECT customer_id, id, DATE(ordered_at) AS order_day,
           LAG(DATE(ordered_at)) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS prev_day
    FROM orders
)
SELECT customer_id,
       COUNT(*) AS gaps,
       CAST(MIN(julianday(order_day) - julianday(prev_day)) AS INTEGER) AS shortest_gap_days,
       CAST(MAX(julianday(order_day) - julianday(prev_day)) AS INTEGER) AS longest_gap_days,
       ROUND(AVG(julianday(order_day) - julianday(prev_day)), 1) AS avg_gap_days
FROM seq
WHERE prev_day IS NOT NULL
GROUP BY customer_id
HAVING COUNT(*) >= 5
ORDER BY avg_gap_days, customer_id;

-- @id: ecommerce.q015
-- Size of each top-level category subtree (recursive walk down the tree).
WITH RECURSIVE tree AS (
    SELECT id, parent_id, id AS root_id, 0 AS depth
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.parent_id, t.root_id, t.depth + 1
    FROM categories c
    JOIN tree t ON c.parent_id = t.id
)
SELECT r.id, r.name AS top_level_category,
       COUNT(*) - 1 AS descendants,
       MAX(t.depth) AS max_depth
FROM tree t
JOIN categories r ON r.id = t.root_id
GROUP BY r.id, r.name
ORDER BY r.id;

-- @id: ecommerce.q016
-- @engines: duckdb,postgres,sqlite
-- Breadcrumb path of every category, built with the || operator.
WITH RECURSIVE category_path (id, path, depth) AS (
    SELECT id, CAST(name AS VARCHAR(400)), 1
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, CAST(cp.path || ' > ' || c.name AS VARCHAR(400)), cp.depth + 1
    FROM categories c
    JOIN category_path cp ON c.parent_id = cp.id
)
SELECT id, depth, path
FROM category_path
ORDER BY path;

-- @id: ecommerce.q017
-- @engines: mysql,postgres,duckdb
-- Breadcrumb path of every category, built with CONCAT (SQLite 3.40 has no CONCAT).
WITH RECURSIVE category_path (id, path, depth) AS (
    SELECT id, CAST(name AS VARCHAR(400)), 1
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, CAST(CONCAT(cp.path, ' > ', c.name) AS VARCHAR(400)), cp.depth + 1
    FROM categories c
    JOIN category_path cp ON c.parent_id = cp.id
)
SELECT id, depth, path
FROM category_path
ORDER BY id;

-- @id: ecommerce.q018
-- Payment reconciliation: compare what was captured with what the order lines
-- and the shipping fee say the customer owed.
WITH line_totals AS (
    SELECT order_id,
           SUM(quantity * unit_price * (100 - discount_pct) * 0.01) AS items_total,
           COUNT(*) AS line_count
    FROM order_items
    GROUP BY order_id
),
order_totals AS (
    SELECT o.id AS order_id,
           o.customer_id,
           o.status,
           lt.line_count,
           ROUND(lt.items_total + o.shipping_fee, 2) AS expected_total
    FROM orders o
    JOIN line_totals lt ON lt.order_id = o.id
),
captured AS (
    -- successful movements only; refunds are stored as negative amounts
    SELECT order_id,
           SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END)  AS charged,
           SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS refunded,
           COUNT(*) AS movements
    FROM payments
    WHERE succeeded = TRUE
    GROUP BY order_id
)
SELECT ot.order_id,
       ot.status,
       ot.line_count,
       ot.expected_total,
       COALESCE(c.charged, 0)  AS charged,
       COALESCE(c.refunded, 0) AS refunded,
       ROUND(COALESCE(c.charged, 0) - ot.expected_total, 2) AS difference,
       CASE
           WHEN c.order_id IS NULL AND ot.status IN ('paid', 'shipped', 'delivered', 'returned')
               THEN 'missing payment'
           WHEN c.order_id IS NULL THEN 'not charged'
           WHEN ABS(c.charged - ot.expected_total) < 0.005 THEN 'ok'
           WHEN ABS(c.charged - ot.expected_total) <= 0.05 THEN 'rounding'
           ELSE 'mismatch'
       END AS verdict
FROM order_totals ot
LEFT JOIN captured c ON c.order_id = ot.order_id
WHERE c.order_id IS NULL
   OR ABS(c.charged - ot.expected_total) >= 0.005
ORDER BY verdict, ot.order_id;

-- @id: ecommerce.q019
-- Refund rate per payment method.
SELECT method,
       COUNT(*) AS movements,
       SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refunds,
       ROUND(SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END), 2) AS charged,
       ROUND(-SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END), 2) AS refunded,
       ROUND(100.0 * SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN amount > 0 THEN 1 ELSE 0 END), 0), 2) AS refund_rate_pct
FROM payments
WHERE succeeded = TRUE
GROUP BY method
ORDER BY method;

-- @id: ecommerce.q020
-- Order outcome funnel per sales channel (conditional aggregation).
SELECT channel,
       COUNT(*) AS orders,
       SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END)   AS pending,
       SUM(CASE WHEN status = 'paid' THEN 1 ELSE 0 END)      AS paid,
       SUM(CASE WHEN status IN ('shipped', 'delivered') THEN 1 ELSE 0 END) AS fulfilled,
       SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
       SUM(CASE WHEN status = 'returned' THEN 1 ELSE 0 END)  AS returned,
       ROUND(100.0 * SUM(CASE WHEN status = 'delivered' THEN 1 ELSE 0 END) / COUNT(*), 1) AS delivered_pct
FROM orders
GROUP BY channel
ORDER BY orders DESC;

-- @id: ecommerce.q021
-- Customers who bought in both 2023 and 2024.
SELECT customer_id FROM orders
WHERE ordered_at >= '2023-01-01' AND ordered_at < '2024-01-01'
INTERSECT
SELECT customer_id FROM orders
WHERE ordered_at >= '2024-01-01' AND ordered_at < '2025-01-01'
ORDER BY customer_id;

-- @id: ecommerce.q022
-- Lapsed customers: bought in 2023, nothing in 2024.
SELECT customer_id
FROM orders
WHERE ordered_at BETWEEN '2023-01-01 00:00:00' AND '2023-12-31 23:59:59'
  AND status <> 'cancelled'
EXCEPT
SELECT customer_id
FROM orders
WHERE ordered_at >= '2024-01-01'
ORDER BY 1;

-- @id: ecommerce.q023
-- Activity feed of one customer: orders, payments and reviews in one timeline.
SELECT 'order' AS event_type, o.id AS ref_id, o.ordered_at AS happened_at, o.status AS detail
FROM orders o
WHERE o.customer_id = 48
UNION ALL
SELECT 'payment', p.id, p.paid_at, p.method
FROM payments p
JOIN orders o ON o.id = p.order_id
WHERE o.customer_id = 48 AND p.paid_at IS NOT NULL
UNION ALL
SELECT 'review', r.id, r.created_at, COALESCE(r.title, '(no title)')
FROM reviews r
WHERE r.customer_id = 48
ORDER BY happened_at, event_type, ref_id;

-- @id: ecommerce.q024
-- Repeat-purchase rate by signup year.
WITH customer_orders AS (
    SELECT c.id,
           SUBSTR(CAST(c.signup_date AS CHAR(10)), 1, 4) AS signup_yr,
           COUNT(o.id) AS n_orders
    FROM customers c
    LEFT JOIN orders o
           ON o.customer_id = c.id
          AND o.status <> 'cancelled'
    GROUP BY c.id, SUBSTR(CAST(c.signup_date AS CHAR(10)), 1, 4)
)
SELECT signup_yr,
       COUNT(*) AS customers,
       SUM(CASE WHEN n_orders >= 1 THEN 1 ELSE 0 END) AS buyers,
       SUM(CASE WHEN n_orders >= 2 THEN 1 ELSE 0 END) AS repeat_buyers,
       ROUND(100.0 * SUM(CASE WHEN n_orders >= 2 THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN n_orders >= 1 THEN 1 ELSE 0 END), 0), 1) AS repeat_rate_pct
FROM customer_orders
GROUP BY signup_yr
ORDER BY signup_yr;

-- @id: ecommerce.q025
-- Monthly cohort retention: of the customers whose first order fell in a
-- month, how many ordered again 1, 2, 3 and 6 months later.
WITH order_months AS (
    SELECT o.customer_id,
           SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 7) AS order_month,
           CAST(SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 4) AS INTEGER) * 12
             + CAST(SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) AS INTEGER) AS month_index
    FROM orders o
    WHERE o.status <> 'cancelled'
),
first_month AS (
    SELECT customer_id,
           MIN(order_month) AS cohort_month,
           MIN(month_index) AS cohort_index
    FROM order_months
    GROUP BY customer_id
),
activity AS (
    SELECT DISTINCT om.customer_id,
           fm.cohort_month,
           om.month_index - fm.cohort_index AS months_since_first
    FROM order_months om
    JOIN first_month fm ON fm.customer_id = om.customer_id
)
SELECT cohort_month,
       COUNT(DISTINCT CASE WHEN months_since_first = 0 THEN customer_id END) AS cohort_size,
       COUNT(DISTINCT CASE WHEN months_since_first = 1 THEN customer_id END) AS m1,
       COUNT(DISTINCT CASE WHEN months_since_first = 2 THEN customer_id END) AS m2,
       COUNT(DISTINCT CASE WHEN months_since_first = 3 THEN customer_id END) AS m3,
       COUNT(DISTINCT CASE WHEN months_since_first = 6 THEN customer_id END) AS m6,
       ROUND(100.0 * COUNT(DISTINCT CASE WHEN months_since_first BETWEEN 1 AND 3 THEN customer_id END)
             / COUNT(DISTINCT CASE WHEN months_since_first = 0 THEN customer_id END), 1) AS retained_q1_pct
FROM activity
WHERE cohort_month BETWEEN '2022-01' AND '2024-06'
GROUP BY cohort_month
ORDER BY cohort_month;

-- @id: ecommerce.q026
-- Best-selling product (by revenue) in every category.
WITH product_revenue AS (
    SELECT p.category_id,
           p.id AS product_id,
           p.name,
           SUM(oi.quantity * oi.unit_price) AS revenue
    FROM products p
    JOIN order_items oi ON oi.product_id = p.id
    GROUP BY p.category_id, p.id, p.name
),
ranked AS (
    SELECT pr.*,
           ROW_NUMBER() OVER (PARTITION BY pr.category_id ORDER BY pr.revenue DESC, pr.product_id) AS rn
    FROM product_revenue pr
)
SELECT c.name AS category, r.product_id, r.name AS product, ROUND(r.revenue, 2) AS revenue
FROM ranked r
JOIN categories c ON c.id = r.category_id
WHERE r.rn = 1
ORDER BY r.revenue DESC, r.product_id;

-- @id: ecommerce.q027
-- Active products priced above the average of their own category.
SELECT p.id, p.name, p.list_price, cat.name AS category
FROM products p
JOIN categories cat ON cat.id = p.category_id
WHERE p.is_active = TRUE
  AND p.list_price > (SELECT AVG(p2.list_price)
                      FROM products p2
                      WHERE p2.category_id = p.category_id)
ORDER BY cat.id, p.list_price DESC, p.id;

-- @id: ecommerce.q028
-- Products whose total stock is below the sum of their reorder points.
SELECT p.id,
       p.sku,
       SUM(i.qty_on_hand)   AS stock,
       SUM(i.reorder_point) AS reorder_total,
       COUNT(*)             AS warehouses
FROM inventory i
JOIN products p ON p.id = i.product_id
WHERE p.is_active = TRUE
GROUP BY p.id, p.sku
HAVING SUM(i.qty_on_hand) < SUM(i.reorder_point)
ORDER BY stock, p.id;

-- @id: ecommerce.q029
-- Per warehouse: how many active products are not stocked there at all.
SELECT w.code,
       w.city,
       COUNT(*) AS missing_products
FROM warehouses w
CROSS JOIN products p
WHERE p.is_active = TRUE
  AND NOT EXISTS (SELECT 1
                  FROM inventory i
                  WHERE i.warehouse_id = w.id
                    AND i.product_id = p.id)
GROUP BY w.id, w.code, w.city
ORDER BY w.id;

-- @id: ecommerce.q030
-- Gross margin by supplier; products without a known cost are counted apart.
SELECT COALESCE(s.name, '(no supplier)') AS supplier,
       COUNT(DISTINCT p.id) AS products_sold,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS revenue,
       ROUND(SUM(oi.quantity * COALESCE(p.unit_cost, 0)), 2) AS known_cost,
       SUM(CASE WHEN p.unit_cost IS NULL THEN oi.quantity ELSE 0 END) AS units_without_cost,
       ROUND(100.0 * SUM(oi.quantity * (oi.unit_price - p.unit_cost))
             / NULLIF(SUM(CASE WHEN p.unit_cost IS NOT NULL THEN oi.quantity * oi.unit_price END), 0), 1) AS margin_pct
FROM order_items oi
JOIN products p ON p.id = oi.product_id
LEFT JOIN suppliers s ON s.id = p.supplier_id
GROUP BY s.id, s.name
ORDER BY revenue DESC, supplier;

-- @id: ecommerce.q031
-- Data quality: unusually long or short customer names.
select id,
       upper(last_name)  as last_name_upper,
       lower(first_name) as first_name_lower,
       length(first_name) + length(last_name) as name_length
from customers
where length(last_name) > 20
   or length(first_name) <= 2
   or length(last_name) <= 2
order by name_length desc, id;

-- @id: ecommerce.q032
-- @engines: duckdb,postgres,mysql
-- Customers per e-mail domain (POSITION; SQLite lacks it).
SELECT SUBSTR(email, POSITION('@' IN email) + 1) AS email_domain,
       COUNT(*) AS customers,
       SUM(CASE WHEN marketing_opt_in THEN 1 ELSE 0 END) AS opted_in
FROM customers
GROUP BY SUBSTR(email, POSITION('@' IN email) + 1)
ORDER BY customers DESC, email_domain;

-- @id: ecommerce.q033
-- @engines: sqlite,mysql,duckdb
-- Customers per e-mail domain (INSTR; PostgreSQL lacks it).
SELECT SUBSTR(email, INSTR(email, '@') + 1) AS email_domain,
       COUNT(*) AS customers,
       SUM(CASE WHEN marketing_opt_in THEN 1 ELSE 0 END) AS opted_in
FROM customers
GROUP BY SUBSTR(email, INSTR(email, '@') + 1)
ORDER BY customers DESC, email_domain;

-- @id: ecommerce.q034
-- Customers whose last name contains an apostrophe (O'Brien, D'Angelo, ...).
SELECT id, first_name, last_name, REPLACE(last_name, '''', '') AS last_name_plain
FROM customers
WHERE last_name LIKE '%''%'
ORDER BY id;

-- @id: ecommerce.q035
-- Customers per cleaned-up city: trims blanks, folds case, maps '' and NULL
-- to '(unknown)'.
SELECT country_code,
       COALESCE(NULLIF(UPPER(TRIM(city)), ''), '(unknown)') AS city_clean,
       COUNT(*) AS customers
FROM customers
GROUP BY country_code, COALESCE(NULLIF(UPPER(TRIM(city)), ''), '(unknown)')
HAVING COUNT(*) >= 10
ORDER BY country_code, customers DESC, city_clean;

-- @id: ecommerce.q036
-- Discount-code usage; an empty code string counts as no code.
SELECT COALESCE(NULLIF(discount_code, ''), 'none') AS code,
       COUNT(*) AS orders,
       ROUND(AVG(shipping_fee), 2) AS avg_shipping_fee,
       SUM(CASE WHEN discount_code = '' THEN 1 ELSE 0 END) AS empty_string_codes
FROM orders
GROUP BY COALESCE(NULLIF(discount_code, ''), 'none')
ORDER BY orders DESC, code;

-- @id: ecommerce.q037
-- Average basket per channel: lines, units and value per order.
WITH baskets AS (
    SELECT o.id, o.channel,
           COUNT(*) AS line_count,
           SUM(oi.quantity) AS units,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS basket_value
    FROM orders o
    INNER JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY o.id, o.channel
)
SELECT channel,
       COUNT(*) AS orders,
       ROUND(AVG(line_count), 2) AS avg_lines,
       ROUND(AVG(units), 2) AS avg_units,
       ROUND(AVG(basket_value), 2) AS avg_basket_value,
       ROUND(MAX(basket_value), 2) AS largest_basket
FROM baskets
GROUP BY channel
ORDER BY avg_basket_value DESC;

-- @id: ecommerce.q038
-- @engines: duckdb,postgres,mysql
-- Orders that took more than two days to ship (interval arithmetic).
SELECT o.id, o.ordered_at, o.shipped_at, o.channel
FROM orders o
WHERE o.shipped_at IS NOT NULL
  AND o.shipped_at > o.ordered_at + INTERVAL '2' DAY
ORDER BY o.shipped_at, o.id;

-- @id: ecommerce.q039
-- @engines: duckdb,postgres
-- Average days from order to delivery per shipping country.
SELECT ship_country,
       COUNT(*) AS delivered_orders,
       ROUND(AVG(delivered_on - CAST(ordered_at AS DATE)), 2) AS avg_days,
       MAX(delivered_on - CAST(ordered_at AS DATE)) AS max_days
FROM orders
WHERE delivered_on IS NOT NULL
GROUP BY ship_country
ORDER BY avg_days DESC, ship_country;

-- @id: ecommerce.q040
-- Share of helpful votes each review got within its product.
SELECT r.product_id,
       r.id AS review_id,
       r.rating,
       r.helpful_votes,
       SUM(r.helpful_votes) OVER (PARTITION BY r.product_id) AS product_votes,
       ROUND(100.0 * r.helpful_votes
             / NULLIF(SUM(r.helpful_votes) OVER (PARTITION BY r.product_id), 0), 1) AS vote_share_pct
FROM reviews r
WHERE r.product_id IN (SELECT product_id FROM reviews GROUP BY product_id HAVING COUNT(*) >= 4)
ORDER BY r.product_id, r.helpful_votes DESC, r.id;

-- @id: ecommerce.q041
-- Verified-purchase reviews (the reviewer received the product) versus others.
SELECT CASE WHEN EXISTS (SELECT 1
                         FROM orders o
                         JOIN order_items oi ON oi.order_id = o.id
                         WHERE o.customer_id = r.customer_id
                           AND oi.product_id = r.product_id
                           AND o.status IN ('delivered', 'returned'))
            THEN 'verified' ELSE 'unverified' END AS review_kind,
       COUNT(*) AS reviews,
       ROUND(AVG(r.rating), 2) AS avg_rating,
       SUM(CASE WHEN r.rating IN (1, 5) THEN 1 ELSE 0 END) AS extreme_ratings
FROM reviews r
GROUP BY CASE WHEN EXISTS (SELECT 1
                           FROM orders o
                           JOIN order_items oi ON oi.order_id = o.id
                           WHERE o.customer_id = r.customer_id
                             AND oi.product_id = r.product_id
                             AND o.status IN ('delivered', 'returned'))
              THEN 'verified' ELSE 'unverified' END
ORDER BY review_kind;

-- @id: ecommerce.q042
-- Rating distribution per top-level category (pivot with SUM(CASE)).
SELECT top.name AS top_category,
       SUM(CASE WHEN r.rating = 1 THEN 1 ELSE 0 END) AS stars_1,
       SUM(CASE WHEN r.rating = 2 THEN 1 ELSE 0 END) AS stars_2,
       SUM(CASE WHEN r.rating = 3 THEN 1 ELSE 0 END) AS stars_3,
       SUM(CASE WHEN r.rating = 4 THEN 1 ELSE 0 END) AS stars_4,
       SUM(CASE WHEN r.rating = 5 THEN 1 ELSE 0 END) AS stars_5,
       COUNT(*) AS total
FROM reviews r
JOIN products p ON p.id = r.product_id
JOIN categories leaf ON leaf.id = p.category_id
LEFT JOIN categories mid ON mid.id = leaf.parent_id
JOIN categories top ON top.id = COALESCE(mid.parent_id, mid.id, leaf.id)
GROUP BY top.id, top.name
ORDER BY top.id;

-- @id: ecommerce.q043
-- Customer lifetime value quartiles.
WITH clv AS (
    SELECT o.customer_id,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS lifetime_value
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status NOT IN ('cancelled', 'returned')
    GROUP BY o.customer_id
),
bucketed AS (
    SELECT customer_id, lifetime_value,
           NTILE(4) OVER (ORDER BY lifetime_value, customer_id) AS quartile
    FROM clv
)
SELECT quartile,
       COUNT(*) AS customers,
       ROUND(MIN(lifetime_value), 2) AS min_value,
       ROUND(MAX(lifetime_value), 2) AS max_value,
       ROUND(SUM(lifetime_value), 2) AS total_value
FROM bucketed
GROUP BY quartile
ORDER BY quartile;

-- @id: ecommerce.q044
-- Customers whose total spend is above the average spend of all buyers.
SELECT o.customer_id,
       COUNT(DISTINCT o.id) AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS spend
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
GROUP BY o.customer_id
HAVING SUM(oi.quantity * oi.unit_price) > (
    SELECT AVG(t.spend)
    FROM (SELECT o2.customer_id, SUM(oi2.quantity * oi2.unit_price) AS spend
          FROM orders o2
          JOIN order_items oi2 ON oi2.order_id = o2.id
          GROUP BY o2.customer_id) t
)
ORDER BY spend DESC, o.customer_id;

-- @id: ecommerce.q045
-- Second price point of each category (DENSE_RANK, so equal prices tie).
SELECT category_id, id, name, list_price
FROM (
    SELECT p.category_id, p.id, p.name, p.list_price,
           DENSE_RANK() OVER (PARTITION BY p.category_id ORDER BY p.list_price DESC) AS price_rank
    FROM products p
) ranked
WHERE price_rank = 2
ORDER BY category_id, id;

-- @id: ecommerce.q046
-- First and most recent order of each customer with 5+ orders.
SELECT DISTINCT
       o.customer_id,
       FIRST_VALUE(o.id) OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at, o.id) AS first_order_id,
       FIRST_VALUE(o.id) OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at DESC, o.id DESC) AS last_order_id,
       COUNT(*) OVER (PARTITION BY o.customer_id) AS orders
FROM orders o
WHERE o.customer_id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING COUNT(*) >= 5)
ORDER BY o.customer_id;

-- @id: ecommerce.q047
-- Referral programme: referrers, how many customers they brought in and how
-- many of those bought something.
SELECT ref.id AS referrer_id,
       ref.first_name,
       ref.last_name,
       COUNT(c.id) AS referrals,
       SUM(CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) THEN 1 ELSE 0 END) AS referrals_who_bought
FROM customers ref
JOIN customers c ON c.referred_by = ref.id
GROUP BY ref.id, ref.first_name, ref.last_name
HAVING COUNT(c.id) >= 2
ORDER BY referrals DESC, ref.id;

-- @id: ecommerce.q048
-- Referral chains: walk from customers nobody referred down the referral tree.
WITH RECURSIVE chain AS (
    SELECT c.id, c.id AS root_id, 0 AS hops
    FROM customers c
    WHERE c.referred_by IS NULL
    UNION ALL
    SELECT c.id, ch.root_id, ch.hops + 1
    FROM customers c
    JOIN chain ch ON c.referred_by = ch.id
)
SELECT hops,
       COUNT(*) AS customers,
       COUNT(DISTINCT root_id) AS distinct_roots
FROM chain
GROUP BY hops
ORDER BY hops;

-- @id: ecommerce.q049
-- Orders placed around the 2023/2024 new year and the 2024 leap day.
SELECT id, customer_id, ordered_at, status
FROM orders
WHERE ordered_at BETWEEN '2023-12-31 00:00:00' AND '2024-01-01 23:59:59'
   OR (ordered_at >= '2024-02-29' AND ordered_at < '2024-03-01')
ORDER BY ordered_at, id;

-- @id: ecommerce.q050
-- @engines: duckdb,postgres
-- Orders by weekday (0 = Sunday).
SELECT EXTRACT(DOW FROM ordered_at) AS weekday,
       COUNT(*) AS orders
FROM orders
GROUP BY EXTRACT(DOW FROM ordered_at)
ORDER BY weekday;

-- @id: ecommerce.q051
-- @engines: mysql
-- Orders by weekday (0 = Sunday; DAYOFWEEK counts from 1).
SELECT DAYOFWEEK(ordered_at) - 1 AS weekday,
       COUNT(*) AS orders
FROM orders
GROUP BY DAYOFWEEK(ordered_at) - 1
ORDER BY weekday;

-- @id: ecommerce.q052
-- @engines: sqlite
-- Orders by weekday (0 = Sunday).
SELECT CAST(strftime('%w', ordered_at) AS INTEGER) AS weekday,
       COUNT(*) AS orders
FROM orders
GROUP BY strftime('%w', ordered_at)
ORDER BY weekday;

-- @id: ecommerce.q053
-- Orders by hour of day, cut from the timestamp text.
SELECT SUBSTR(CAST(ordered_at AS CHAR(19)), 12, 2) AS hour_of_day,
       COUNT(*) AS orders,
       SUM(CASE WHEN channel = 'mobile' THEN 1 ELSE 0 END) AS mobile_orders
FROM orders
GROUP BY SUBSTR(CAST(ordered_at AS CHAR(19)), 12, 2)
ORDER BY hour_of_day;

-- @id: ecommerce.q054
-- Revenue per calendar quarter.
SELECT SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 4) AS order_yr,
       CASE
           WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('01', '02', '03') THEN 'Q1'
           WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('04', '05', '06') THEN 'Q2'
           WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('07', '08', '09') THEN 'Q3'
           ELSE 'Q4'
       END AS quarter,
       COUNT(DISTINCT o.id) AS orders,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS revenue
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status <> 'cancelled'
GROUP BY SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 4),
         CASE
             WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('01', '02', '03') THEN 'Q1'
             WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('04', '05', '06') THEN 'Q2'
             WHEN SUBSTR(CAST(o.ordered_at AS CHAR(19)), 6, 2) IN ('07', '08', '09') THEN 'Q3'
             ELSE 'Q4'
         END
ORDER BY order_yr, quarter;

-- @id: ecommerce.q055
-- Year-over-year revenue growth per top-level category.
WITH RECURSIVE cat_root AS (
    SELECT id, id AS root_id
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, cr.root_id
    FROM categories c
    JOIN cat_root cr ON c.parent_id = cr.id
),
yearly AS (
    SELECT cr.root_id,
           CAST(SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 4) AS INTEGER) AS order_yr,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS revenue
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    JOIN products p ON p.id = oi.product_id
    JOIN cat_root cr ON cr.id = p.category_id
    WHERE o.status NOT IN ('cancelled', 'returned')
    GROUP BY cr.root_id, CAST(SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 4) AS INTEGER)
)
SELECT c.name AS top_category,
       cur.order_yr,
       ROUND(cur.revenue, 2) AS revenue,
       ROUND(prev.revenue, 2) AS previous_year_revenue,
       ROUND(100.0 * (cur.revenue - prev.revenue) / NULLIF(prev.revenue, 0), 1) AS growth_pct
FROM yearly cur
LEFT JOIN yearly prev
       ON prev.root_id = cur.root_id
      AND prev.order_yr = cur.order_yr - 1
JOIN categories c ON c.id = cur.root_id
ORDER BY c.id, cur.order_yr;

-- @id: ecommerce.q056
-- Pareto analysis: the products that together make the first 80% of revenue.
WITH product_revenue AS (
    SELECT oi.product_id,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS revenue
    FROM order_items oi
    JOIN orders o ON o.id = oi.order_id
    WHERE o.status NOT IN ('cancelled', 'returned')
    GROUP BY oi.product_id
),
cumulative AS (
    SELECT product_id,
           revenue,
           SUM(revenue) OVER (ORDER BY revenue DESC, product_id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_revenue,
           SUM(revenue) OVER () AS total_revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, product_id) AS revenue_rank
    FROM product_revenue
)
SELECT cu.revenue_rank,
       cu.product_id,
       p.name,
       ROUND(cu.revenue, 2) AS revenue,
       ROUND(100.0 * cu.running_revenue / cu.total_revenue, 2) AS cumulative_pct
FROM cumulative cu
JOIN products p ON p.id = cu.product_id
WHERE cu.running_revenue - cu.revenue < 0.8 * cu.total_revenue
ORDER BY cu.revenue_rank;

-- @id: ecommerce.q057
-- @engines: duckdb,postgres
-- Product names of every large order as one ordered list.
SELECT o.id AS order_id,
       COUNT(*) AS line_count,
       STRING_AGG(p.name, ', ' ORDER BY oi.line_no) AS products
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
GROUP BY o.id
HAVING COUNT(*) >= 5
ORDER BY o.id;

-- @id: ecommerce.q058
-- @engines: mysql
-- Product names of every large order as one ordered list (GROUP_CONCAT).
SELECT o.id AS order_id,
       COUNT(*) AS line_count,
       GROUP_CONCAT(p.name ORDER BY oi.line_no SEPARATOR ', ') AS products
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
GROUP BY o.id
HAVING COUNT(*) >= 5
ORDER BY o.id;

-- @id: ecommerce.q059
-- @engines: sqlite
-- Distinct payment methods each customer has used (group_concat).
SELECT o.customer_id,
       COUNT(DISTINCT p.method) AS methods,
       group_concat(DISTINCT p.method) AS method_list
FROM payments p
JOIN orders o ON o.id = p.order_id
WHERE p.succeeded = 1
GROUP BY o.customer_id
HAVING COUNT(DISTINCT p.method) >= 3
ORDER BY o.customer_id;

-- @id: ecommerce.q060
-- Customers who have paid both by card and by PayPal.
SELECT o.customer_id
FROM payments p
JOIN orders o ON o.id = p.order_id
WHERE p.succeeded = TRUE AND p.method = 'card'
INTERSECT
SELECT o.customer_id
FROM payments p
JOIN orders o ON o.id = p.order_id
WHERE p.succeeded = TRUE AND p.method = 'paypal'
ORDER BY 1;

-- @id: ecommerce.q061
-- Orders worth more than three times the customer's own average order.
WITH order_value AS (
    SELECT o.id, o.customer_id, SUM(oi.quantity * oi.unit_price) AS order_total
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    GROUP BY o.id, o.customer_id
)
SELECT ov.id AS order_id,
       ov.customer_id,
       ROUND(ov.order_total, 2) AS order_total,
       ROUND(CAST((SELECT AVG(x.order_total) FROM order_value x WHERE x.customer_id = ov.customer_id) AS DECIMAL(14, 4)), 2) AS customer_avg
FROM order_value ov
WHERE ov.order_total > 3 * (SELECT AVG(x.order_total)
                            FROM order_value x
                            WHERE x.customer_id = ov.customer_id)
ORDER BY ov.customer_id, ov.id;

-- @id: ecommerce.q062
-- Order lines sold at a price different from today's list price.
SELECT oi.order_id,
       oi.line_no,
       p.sku,
       p.list_price,
       oi.unit_price,
       ROUND(100.0 * (oi.unit_price - p.list_price) / NULLIF(p.list_price, 0), 1) AS price_delta_pct,
       CASE WHEN oi.unit_price < p.list_price THEN 'cheaper' ELSE 'dearer' END AS direction
FROM order_items oi
JOIN products p ON p.id = oi.product_id
WHERE oi.unit_price <> p.list_price
ORDER BY ABS(oi.unit_price - p.list_price) DESC, oi.order_id, oi.line_no
LIMIT 25;

-- @id: ecommerce.q063
-- @engines: duckdb,postgres,sqlite
-- Stock versus 2024 sales per product, keeping products that appear on only
-- one side (FULL OUTER JOIN; MariaDB has none).
WITH stock AS (
    SELECT product_id, SUM(qty_on_hand) AS on_hand
    FROM inventory
    GROUP BY product_id
),
sold AS (
    SELECT oi.product_id, SUM(oi.quantity) AS units_2024
    FROM order_items oi
    JOIN orders o ON o.id = oi.order_id
    WHERE o.ordered_at >= '2024-01-01' AND o.status <> 'cancelled'
    GROUP BY oi.product_id
)
SELECT COALESCE(s.product_id, d.product_id) AS product_id,
       COALESCE(s.on_hand, 0) AS on_hand,
       COALESCE(d.units_2024, 0) AS units_2024,
       CASE WHEN s.product_id IS NULL THEN 'not stocked'
            WHEN d.product_id IS NULL THEN 'not sold'
            ELSE 'both' END AS coverage
FROM stock s
FULL OUTER JOIN sold d ON d.product_id = s.product_id
ORDER BY coverage, product_id;

-- @id: ecommerce.q064
-- Stock versus 2024 sales per product: the FULL OUTER JOIN written as a
-- LEFT JOIN plus the missing right-hand rows (runs on MariaDB too).
WITH stock AS (
    SELECT product_id, SUM(qty_on_hand) AS on_hand
    FROM inventory
    GROUP BY product_id
),
sold AS (
    SELECT oi.product_id, SUM(oi.quantity) AS units_2024
    FROM order_items oi
    JOIN orders o ON o.id = oi.order_id
    WHERE o.ordered_at >= '2024-01-01' AND o.status <> 'cancelled'
    GROUP BY oi.product_id
)
SELECT s.product_id, s.on_hand, COALESCE(d.units_2024, 0) AS units_2024,
       CASE WHEN d.product_id IS NULL THEN 'not sold' ELSE 'both' END AS coverage
FROM stock s
LEFT JOIN sold d ON d.product_id = s.product_id
UNION ALL
SELECT d.product_id, 0, d.units_2024, 'not stocked'
FROM sold d
WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.product_id = d.product_id)
ORDER BY coverage, product_id;

-- @id: ecommerce.q065
-- Silver customers who already spend more than the average gold customer.
WITH spend AS (
    SELECT c.id, c.loyalty_tier, COALESCE(SUM(oi.quantity * oi.unit_price), 0) AS total_spend
    FROM customers c
    LEFT JOIN orders o ON o.customer_id = c.id AND o.status NOT IN ('cancelled', 'returned')
    LEFT JOIN order_items oi ON oi.order_id = o.id
    GROUP BY c.id, c.loyalty_tier
)
SELECT s.id, ROUND(s.total_spend, 2) AS total_spend
FROM spend s
WHERE s.loyalty_tier = 'silver'
  AND s.total_spend > (SELECT AVG(g.total_spend) FROM spend g WHERE g.loyalty_tier = 'gold')
ORDER BY s.total_spend DESC, s.id;

-- @id: ecommerce.q066
-- Abandoned checkouts: pending orders older than 30 days without any
-- successful payment.
SELECT o.id, o.customer_id, o.ordered_at, o.channel
FROM orders o
WHERE o.status = 'pending'
  AND o.ordered_at < '2024-12-01'
  AND NOT EXISTS (SELECT 1
                  FROM payments p
                  WHERE p.order_id = o.id
                    AND p.succeeded = TRUE)
ORDER BY o.ordered_at, o.id;

-- @id: ecommerce.q067
-- Customers by age band at the end of 2024 (year of birth only).
WITH ages AS (
    SELECT id,
           2024 - CAST(SUBSTR(CAST(birth_date AS CHAR(10)), 1, 4) AS INTEGER) AS age
    FROM customers
)
SELECT CASE
           WHEN age IS NULL THEN 'unknown'
           WHEN age < 25 THEN '18-24'
           WHEN age < 35 THEN '25-34'
           WHEN age < 50 THEN '35-49'
           WHEN age < 65 THEN '50-64'
           ELSE '65+'
       END AS age_band,
       COUNT(*) AS customers
FROM ages
GROUP BY CASE
             WHEN age IS NULL THEN 'unknown'
             WHEN age < 25 THEN '18-24'
             WHEN age < 35 THEN '25-34'
             WHEN age < 50 THEN '35-49'
             WHEN age < 65 THEN '50-64'
             ELSE '65+'
         END
ORDER BY age_band;

-- @id: ecommerce.q068
-- Seven-day moving average of the number of daily orders in 2024.
with per_day as (
    select date(ordered_at) as order_day, count(*) as orders
    from orders
    where ordered_at >= '2024-01-01'
    group by date(ordered_at)
)
select order_day,
       orders,
       round(avg(orders) over (order by order_day rows between 6 preceding and current row), 2) as moving_avg_7
from per_day
order by order_day;

-- @id: ecommerce.q069
-- Customers switching channel between consecutive orders (LEAD).
WITH nxt AS (
    SELECT customer_id, id, channel,
           LEAD(channel) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS next_channel
    FROM orders
)
SELECT channel AS from_channel,
       next_channel AS to_channel,
       COUNT(*) AS transitions
FROM nxt
WHERE next_channel IS NOT NULL
  AND next_channel <> channel
GROUP BY channel, next_channel
ORDER BY transitions DESC, from_channel, to_channel;

-- @id: ecommerce.q070
-- Share of delivered revenue per shipping country.
SELECT o.ship_country,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS revenue,
       ROUND(100.0 * SUM(oi.quantity * oi.unit_price) / SUM(SUM(oi.quantity * oi.unit_price)) OVER (), 2) AS share_pct
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status = 'delivered'
GROUP BY o.ship_country
ORDER BY revenue DESC, o.ship_country;

-- @id: ecommerce.q071
-- Most prolific reviewers.
SELECT r.customer_id,
       COUNT(DISTINCT r.product_id) AS products_reviewed,
       ROUND(AVG(r.rating), 2) AS avg_rating_given,
       SUM(r.helpful_votes) AS votes_received
FROM reviews r
GROUP BY r.customer_id
HAVING COUNT(DISTINCT r.product_id) >= 3
ORDER BY products_reviewed DESC, votes_received DESC, r.customer_id
LIMIT 15;

-- @id: ecommerce.q072
-- Executive dashboard for 2024: orders, revenue, refunds, new customers and
-- review sentiment per month, each measure from its own CTE.
WITH months AS (
    SELECT DISTINCT SUBSTR(CAST(ordered_at AS CHAR(19)), 1, 7) AS mon
    FROM orders
    WHERE ordered_at >= '2024-01-01'
),
sales AS (
    SELECT SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 7) AS mon,
           COUNT(DISTINCT o.id) AS orders,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS net_revenue
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status <> 'cancelled'
      AND o.ordered_at >= '2024-01-01'
    GROUP BY SUBSTR(CAST(o.ordered_at AS CHAR(19)), 1, 7)
),
refunds AS (
    SELECT SUBSTR(CAST(paid_at AS CHAR(19)), 1, 7) AS mon,
           -SUM(amount) AS refunded,
           COUNT(*) AS refund_count
    FROM payments
    WHERE amount < 0
      AND succeeded = TRUE
      AND paid_at >= '2024-01-01'
    GROUP BY SUBSTR(CAST(paid_at AS CHAR(19)), 1, 7)
),
signups AS (
    SELECT SUBSTR(CAST(signup_date AS CHAR(10)), 1, 7) AS mon,
           COUNT(*) AS new_customers
    FROM customers
    WHERE signup_date >= '2024-01-01'
    GROUP BY SUBSTR(CAST(signup_date AS CHAR(10)), 1, 7)
),
sentiment AS (
    SELECT SUBSTR(CAST(created_at AS CHAR(19)), 1, 7) AS mon,
           AVG(rating) AS avg_rating,
           SUM(CASE WHEN rating <= 2 THEN 1 ELSE 0 END) AS negative_reviews
    FROM reviews
    WHERE created_at >= '2024-01-01'
    GROUP BY SUBSTR(CAST(created_at AS CHAR(19)), 1, 7)
)
SELECT m.mon,
       COALESCE(s.orders, 0)                 AS orders,
       ROUND(COALESCE(s.net_revenue, 0), 2)  AS net_revenue,
       ROUND(COALESCE(r.refunded, 0), 2)     AS refunded,
       COALESCE(r.refund_count, 0)           AS refunds,
       ROUND(COALESCE(s.net_revenue, 0) - COALESCE(r.refunded, 0), 2) AS revenue_after_refunds,
       COALESCE(g.new_customers, 0)          AS new_customers,
       ROUND(st.avg_rating, 2)               AS avg_rating,
       COALESCE(st.negative_reviews, 0)      AS negative_reviews
FROM months m
LEFT JOIN sales s      ON s.mon = m.mon
LEFT JOIN refunds r    ON r.mon = m.mon
LEFT JOIN signups g    ON g.mon = m.mon
LEFT JOIN sentiment st ON st.mon = m.mon
ORDER BY m.mon;

-- @id: ecommerce.q073
-- RFM segmentation: recency, frequency and monetary quintiles combined into a
-- marketing segment.
WITH customer_stats AS (
    SELECT o.customer_id,
           MAX(o.ordered_at) AS last_order_at,
           COUNT(DISTINCT o.id) AS frequency,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS monetary
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status NOT IN ('cancelled', 'returned')
    GROUP BY o.customer_id
),
scored AS (
    SELECT customer_id,
           last_order_at,
           frequency,
           monetary,
           NTILE(5) OVER (ORDER BY last_order_at, customer_id) AS r_score,
           NTILE(5) OVER (ORDER BY frequency, customer_id)     AS f_score,
           NTILE(5) OVER (ORDER BY monetary, customer_id)      AS m_score
    FROM customer_stats
),
segmented AS (
    SELECT customer_id, r_score, f_score, m_score, monetary,
           CASE
               WHEN r_score >= 4 AND f_score >= 4 AND m_score >= 4 THEN 'champions'
               WHEN r_score >= 3 AND f_score >= 3 THEN 'loyal'
               WHEN r_score >= 4 AND f_score <= 2 THEN 'new or promising'
               WHEN r_score <= 2 AND f_score >= 3 THEN 'at risk'
               WHEN r_score <= 2 AND f_score <= 2 THEN 'hibernating'
               ELSE 'needs attention'
           END AS segment
    FROM scored
)
SELECT sg.segment,
       COUNT(*) AS customers,
       ROUND(AVG(sg.monetary), 2) AS avg_monetary,
       ROUND(SUM(sg.monetary), 2) AS total_monetary,
       SUM(CASE WHEN c.marketing_opt_in THEN 1 ELSE 0 END) AS reachable
FROM segmented sg
JOIN customers c ON c.id = sg.customer_id
GROUP BY sg.segment
ORDER BY total_monetary DESC;

-- @id: ecommerce.q074
-- Supplier scorecard: catalogue size, sales, returns and customer ratings.
WITH supplier_products AS (
    SELECT s.id AS supplier_id,
           s.name,
           s.country_code,
           s.rating AS supplier_rating,
           COUNT(p.id) AS catalogue_size,
           SUM(CASE WHEN p.is_active THEN 1 ELSE 0 END) AS active_products
    FROM suppliers s
    LEFT JOIN products p ON p.supplier_id = s.id
    GROUP BY s.id, s.name, s.country_code, s.rating
),
supplier_sales AS (
    SELECT p.supplier_id,
           SUM(oi.quantity) AS units,
           SUM(CASE WHEN o.status = 'returned' THEN oi.quantity ELSE 0 END) AS returned_units,
           SUM(oi.quantity * oi.unit_price) AS revenue
    FROM order_items oi
    JOIN orders o   ON o.id = oi.order_id
    JOIN products p ON p.id = oi.product_id
    WHERE p.supplier_id IS NOT NULL
    GROUP BY p.supplier_id
),
supplier_reviews AS (
    SELECT p.supplier_id,
           COUNT(*) AS reviews,
           AVG(r.rating) AS avg_rating
    FROM reviews r
    JOIN products p ON p.id = r.product_id
    WHERE p.supplier_id IS NOT NULL
    GROUP BY p.supplier_id
)
SELECT sp.supplier_id,
       sp.name,
       sp.country_code,
       sp.supplier_rating,
       sp.catalogue_size,
       sp.active_products,
       COALESCE(ss.units, 0) AS units_sold,
       ROUND(COALESCE(ss.revenue, 0), 2) AS revenue,
       ROUND(100.0 * ss.returned_units / NULLIF(ss.units, 0), 1) AS return_rate_pct,
       COALESCE(sr.reviews, 0) AS reviews,
       ROUND(sr.avg_rating, 2) AS avg_review_rating,
       CASE
           WHEN ss.units IS NULL THEN 'no sales'
           WHEN 100.0 * ss.returned_units / ss.units > 10 OR sr.avg_rating < 3 THEN 'review contract'
           WHEN sr.avg_rating >= 4 THEN 'preferred'
           ELSE 'standard'
       END AS recommendation
FROM supplier_products sp
LEFT JOIN supplier_sales ss   ON ss.supplier_id = sp.supplier_id
LEFT JOIN supplier_reviews sr ON sr.supplier_id = sp.supplier_id
ORDER BY revenue DESC, sp.supplier_id;

-- @id: ecommerce.q075
-- Replenishment plan: weeks of cover per active product from the last 13 weeks
-- of sales (2024-10-01 .. 2024-12-31) and the stock in all warehouses.
WITH recent_sales AS (
    SELECT oi.product_id,
           SUM(oi.quantity) AS units_13w
    FROM order_items oi
    JOIN orders o ON o.id = oi.order_id
    WHERE o.ordered_at >= '2024-10-01'
      AND o.status NOT IN ('cancelled', 'pending')
    GROUP BY oi.product_id
),
stock AS (
    SELECT product_id,
           SUM(qty_on_hand)   AS on_hand,
           SUM(reorder_point) AS reorder_point,
           SUM(CASE WHEN qty_on_hand = 0 THEN 1 ELSE 0 END) AS empty_locations,
           COUNT(*) AS locations
    FROM inventory
    GROUP BY product_id
),
plan AS (
    SELECT p.id AS product_id,
           p.sku,
           p.name,
           COALESCE(st.on_hand, 0) AS on_hand,
           COALESCE(st.reorder_point, 0) AS reorder_point,
           COALESCE(st.empty_locations, 0) AS empty_locations,
           COALESCE(rs.units_13w, 0) AS units_13w,
           ROUND(13.0 * COALESCE(st.on_hand, 0) / NULLIF(rs.units_13w, 0), 1) AS weeks_of_cover
    FROM products p
    LEFT JOIN stock st        ON st.product_id = p.id
    LEFT JOIN recent_sales rs ON rs.product_id = p.id
    WHERE p.is_active = TRUE
)
SELECT product_id, sku, on_hand, reorder_point, empty_locations, units_13w, weeks_of_cover,
       CASE
           WHEN on_hand = 0 AND units_13w > 0 THEN 'stock-out'
           WHEN weeks_of_cover < 4 THEN 'order now'
           WHEN on_hand < reorder_point THEN 'below reorder point'
           WHEN units_13w = 0 AND on_hand > 0 THEN 'slow mover'
           ELSE 'ok'
       END AS action
FROM plan
WHERE units_13w > 0 OR on_hand < reorder_point
ORDER BY CASE
             WHEN on_hand = 0 AND units_13w > 0 THEN 1
             WHEN weeks_of_cover < 4 THEN 2
             WHEN on_hand < reorder_point THEN 3
             ELSE 4
         END,
         product_id;

-- @id: ecommerce.q076
-- Customer 360 for the 20 biggest spenders: favourite category, preferred
-- payment method, review behaviour and first/last order.
WITH spend AS (
    SELECT o.customer_id,
           COUNT(DISTINCT o.id) AS orders,
           MIN(o.ordered_at) AS first_order_at,
           MAX(o.ordered_at) AS last_order_at,
           SUM(oi.quantity * oi.unit_price * (100 - oi.discount_pct) * 0.01) AS net_spend
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY o.customer_id
),
top_customers AS (
    SELECT customer_id, orders, first_order_at, last_order_at, net_spend
    FROM spend
    ORDER BY net_spend DESC, customer_id
    LIMIT 20
),
category_pref AS (
    SELECT o.customer_id,
           p.category_id,
           SUM(oi.quantity) AS units,
           ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY SUM(oi.quantity) DESC, p.category_id) AS rn
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    JOIN products p ON p.id = oi.product_id
    GROUP BY o.customer_id, p.category_id
),
method_pref AS (
    SELECT o.customer_id,
           pay.method,
           ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY COUNT(*) DESC, pay.method) AS rn
    FROM payments pay
    JOIN orders o ON o.id = pay.order_id
    WHERE pay.succeeded = TRUE AND pay.amount > 0
    GROUP BY o.customer_id, pay.method
),
review_stats AS (
    SELECT customer_id, COUNT(*) AS reviews, AVG(rating) AS avg_rating
    FROM reviews
    GROUP BY customer_id
)
SELECT c.id,
       c.first_name,
       c.last_name,
       c.loyalty_tier,
       tc.orders,
       ROUND(tc.net_spend, 2) AS net_spend,
       tc.first_order_at,
       tc.last_order_at,
       cat.name AS favourite_category,
       mp.method AS preferred_method,
       COALESCE(rv.reviews, 0) AS reviews,
       ROUND(rv.avg_rating, 2) AS avg_rating
FROM top_customers tc
JOIN customers c ON c.id = tc.customer_id
LEFT JOIN category_pref cp ON cp.customer_id = tc.customer_id AND cp.rn = 1
LEFT JOIN categories cat   ON cat.id = cp.category_id
LEFT JOIN method_pref mp   ON mp.customer_id = tc.customer_id AND mp.rn = 1
LEFT JOIN review_stats rv  ON rv.customer_id = tc.customer_id
ORDER BY tc.net_spend DESC, c.id;

-- @id: ecommerce.q077
-- Category rollup: leaf sales aggregated to every ancestor via a recursive
-- closure table, with the share of the parent's revenue.
WITH RECURSIVE closure (ancestor_id, descendant_id) AS (
    SELECT id, id FROM categories
    UNION ALL
    SELECT cl.ancestor_id, c.id
    FROM closure cl
    JOIN categories c ON c.parent_id = cl.descendant_id
),
leaf_sales AS (
    SELECT p.category_id,
           SUM(oi.quantity) AS units,
           SUM(oi.quantity * oi.unit_price) AS revenue
    FROM order_items oi
    JOIN products p ON p.id = oi.product_id
    JOIN orders o ON o.id = oi.order_id
    WHERE o.status IN ('shipped', 'delivered')
    GROUP BY p.category_id
),
rollup_sales AS (
    SELECT cl.ancestor_id AS category_id,
           SUM(ls.units) AS units,
           SUM(ls.revenue) AS revenue
    FROM closure cl
    JOIN leaf_sales ls ON ls.category_id = cl.descendant_id
    GROUP BY cl.ancestor_id
)
SELECT c.id,
       c.name,
       c.parent_id,
       rs.units,
       ROUND(rs.revenue, 2) AS revenue,
       ROUND(100.0 * rs.revenue / NULLIF(parent.revenue, 0), 1) AS share_of_parent_pct
FROM rollup_sales rs
JOIN categories c ON c.id = rs.category_id
LEFT JOIN rollup_sales parent ON parent.category_id = c.parent_id
ORDER BY c.id;

-- @id: ecommerce.q078
-- Market-basket affinity: product pairs that appear together in orders.
SELECT a.product_id AS product_a,
       b.product_id AS product_b,
       pa.name AS name_a,
       pb.name AS name_b,
       COUNT(*) AS orders_together
FROM order_items a
JOIN order_items b
  ON b.order_id = a.order_id
 AND b.product_id > a.product_id
JOIN products pa ON pa.id = a.product_id
JOIN products pb ON pb.id = b.product_id
GROUP BY a.product_id, b.product_id, pa.name, pb.name
HAVING COUNT(*) >= 2
ORDER BY orders_together DESC, product_a, product_b
LIMIT 20;

-- @id: ecommerce.q079
-- @engines: duckdb,postgres,mysql
-- Effective line discount with GREATEST/LEAST (SQLite uses MAX/MIN instead).
SELECT oi.order_id,
       oi.line_no,
       oi.discount_pct,
       GREATEST(oi.discount_pct, 10) AS discount_floor_10,
       LEAST(oi.quantity, 3) AS capped_qty
FROM order_items oi
WHERE oi.discount_pct >= 50
ORDER BY oi.order_id, oi.line_no;

-- @id: ecommerce.q080
-- @engines: duckdb,postgres,sqlite
-- Products by launch date, unknown launch dates last (NULLS LAST).
SELECT id, sku, launched_on, discontinued_on
FROM products
WHERE is_active = FALSE OR launched_on IS NULL
ORDER BY launched_on DESC NULLS LAST, id;

-- @id: ecommerce.q081
-- @engines: duckdb,postgres,sqlite
-- Conditional counts with the FILTER clause.
SELECT loyalty_tier,
       COUNT(*) AS customers,
       COUNT(*) FILTER (WHERE marketing_opt_in) AS opted_in,
       COUNT(*) FILTER (WHERE birth_date IS NULL) AS unknown_birth_date,
       COUNT(*) FILTER (WHERE referred_by IS NOT NULL) AS referred
FROM customers
GROUP BY loyalty_tier
ORDER BY customers DESC;

-- @id: ecommerce.q082
-- @engines: duckdb,postgres
-- Latest order of every customer with DISTINCT ON.
SELECT DISTINCT ON (o.customer_id)
       o.customer_id, o.id AS order_id, o.ordered_at, o.status
FROM orders o
ORDER BY o.customer_id, o.ordered_at DESC, o.id DESC;

-- @id: ecommerce.q083
-- @engines: duckdb,postgres,sqlite
-- Orders shipped to a country other than the customer's (IS DISTINCT FROM).
SELECT o.id, o.customer_id, c.country_code, o.ship_country
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.ship_country IS DISTINCT FROM c.country_code
ORDER BY o.id;

-- @id: ecommerce.q084
-- @engines: duckdb,postgres,mysql
-- Display names with CONCAT_WS.
SELECT id,
       CONCAT_WS(' ', first_name, last_name) AS display_name,
       CONCAT_WS(', ', NULLIF(TRIM(city), ''), country_code) AS location
FROM customers
WHERE loyalty_tier = 'platinum'
ORDER BY id;

-- @id: ecommerce.q085
-- Page 3 of the product catalogue (25 per page) ordered by price.
SELECT id, sku, name, list_price
FROM products
WHERE is_active = TRUE
ORDER BY list_price DESC, id
LIMIT 25 OFFSET 50;

-- @id: ecommerce.q086
-- Products whose name is stored with stray blanks, and duplicate product names.
SELECT p.id, p.sku, p.name, TRIM(p.name) AS trimmed_name, 'untrimmed' AS issue
FROM products p
WHERE LENGTH(p.name) <> LENGTH(TRIM(p.name))
UNION ALL
SELECT p.id, p.sku, p.name, TRIM(p.name), 'duplicate name'
FROM products p
WHERE p.name IN (SELECT name FROM products GROUP BY name HAVING COUNT(*) > 1)
ORDER BY issue, id;

-- @id: ecommerce.q087
-- Free and zero-cost items, zero-weight items and zero shipping fees.
SELECT 'free product' AS finding, CAST(COUNT(*) AS INTEGER) AS n
FROM products WHERE list_price = 0
UNION ALL
SELECT 'zero weight', COUNT(*) FROM products WHERE weight_kg = 0
UNION ALL
SELECT 'unknown weight', COUNT(*) FROM products WHERE weight_kg IS NULL
UNION ALL
SELECT 'free shipping orders', COUNT(*) FROM orders WHERE shipping_fee = 0
UNION ALL
SELECT 'empty stock locations', COUNT(*) FROM inventory WHERE qty_on_hand = 0
ORDER BY finding;

-- @id: ecommerce.q088
-- Heaviest products per category by average weight (DOUBLE PRECISION column).
SELECT c.name AS category,
       COUNT(p.weight_kg) AS weighed_products,
       AVG(p.weight_kg) AS avg_weight_kg,
       MAX(p.weight_kg) AS max_weight_kg
FROM products p
JOIN categories c ON c.id = p.category_id
GROUP BY c.id, c.name
HAVING COUNT(p.weight_kg) > 0
ORDER BY avg_weight_kg DESC, c.id;

-- @id: ecommerce.q089
-- Customers who reviewed a product they returned.
SELECT DISTINCT r.customer_id, r.product_id, r.rating
FROM reviews r
WHERE (r.customer_id, r.product_id) IN (
    SELECT o.customer_id, oi.product_id
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status = 'returned'
)
ORDER BY r.customer_id, r.product_id;

-- @id: ecommerce.q090
-- Failed payment attempts followed by a successful one on the same order.
SELECT f.order_id,
       f.id AS failed_payment_id,
       s.id AS success_payment_id,
       f.method AS failed_method,
       s.method AS success_method
FROM payments f
JOIN payments s
  ON s.order_id = f.order_id
 AND s.succeeded = TRUE
 AND s.amount > 0
 AND s.id > f.id
WHERE f.succeeded = FALSE
ORDER BY f.order_id, f.id;

-- @id: ecommerce.q091
-- Orders whose every line is fully discounted or free.
SELECT o.id, o.customer_id, o.status
FROM orders o
WHERE NOT EXISTS (SELECT 1
                  FROM order_items oi
                  WHERE oi.order_id = o.id
                    AND oi.discount_pct < 100
                    AND oi.unit_price > 0)
ORDER BY o.id;

-- @id: ecommerce.q092
-- Tier mix of each country, as percentages of the country's customers.
SELECT country_code,
       COUNT(*) AS customers,
       ROUND(100.0 * SUM(CASE WHEN loyalty_tier = 'bronze' THEN 1 ELSE 0 END) / COUNT(*), 1) AS bronze_pct,
       ROUND(100.0 * SUM(CASE WHEN loyalty_tier = 'silver' THEN 1 ELSE 0 END) / COUNT(*), 1) AS silver_pct,
       ROUND(100.0 * SUM(CASE WHEN loyalty_tier = 'gold' THEN 1 ELSE 0 END) / COUNT(*), 1) AS gold_pct,
       ROUND(100.0 * SUM(CASE WHEN loyalty_tier = 'platinum' THEN 1 ELSE 0 END) / COUNT(*), 1) AS platinum_pct
FROM customers
GROUP BY country_code
HAVING COUNT(*) >= 20
ORDER BY customers DESC, country_code;

-- @id: ecommerce.q093
-- Month-over-month change in order count (LAG over an aggregate).
WITH monthly AS (
    SELECT SUBSTR(CAST(ordered_at AS CHAR(19)), 1, 7) AS mon, COUNT(*) AS orders
    FROM orders
    GROUP BY SUBSTR(CAST(ordered_at AS CHAR(19)), 1, 7)
)
SELECT mon,
       orders,
       COALESCE(LAG(orders) OVER (ORDER BY mon), 0) AS previous_month,
       orders - COALESCE(LAG(orders) OVER (ORDER BY mon), 0) AS change_abs
FROM monthly
ORDER BY mon;

-- @id: ecommerce.q094
-- Percentile rank of each active product's list price within its category.
SELECT p.category_id,
       p.id,
       p.list_price,
       ROUND(CAST(PERCENT_RANK() OVER (PARTITION BY p.category_id ORDER BY p.list_price) AS DECIMAL(12, 9)), 3) AS pct_rank,
       ROUND(CAST(CUME_DIST() OVER (PARTITION BY p.category_id ORDER BY p.list_price) AS DECIMAL(12, 9)), 3) AS cumulative_share
FROM products p
WHERE p.is_active = TRUE
ORDER BY p.category_id, p.list_price, p.id;

-- @id: ecommerce.q095
-- Products reviewed but never bought by their reviewers: mean rating per
-- product of unverified reviews only.
SELECT r.product_id,
       COUNT(*) AS unverified_reviews,
       ROUND(AVG(r.rating), 2) AS avg_rating
FROM reviews r
WHERE r.customer_id NOT IN (SELECT o.customer_id
                            FROM orders o
                            JOIN order_items oi ON oi.order_id = o.id
                            WHERE oi.product_id = r.product_id)
GROUP BY r.product_id
ORDER BY unverified_reviews DESC, r.product_id;

-- @id: ecommerce.q096
-- Shipping fee statistics per destination and channel; zero fees included.
SELECT ship_country,
       channel,
       COUNT(*) AS orders,
       SUM(CASE WHEN shipping_fee = 0 THEN 1 ELSE 0 END) AS free_shipping,
       MIN(shipping_fee) AS min_fee,
       MAX(shipping_fee) AS max_fee,
       ROUND(AVG(shipping_fee), 2) AS avg_fee
FROM orders
WHERE ship_country IN ('US', 'GB', 'DE')
GROUP BY ship_country, channel
ORDER BY ship_country, channel;

-- @id: ecommerce.q097
-- Review titles and bodies: length statistics, empty and missing texts.
SELECT rating,
       COUNT(*) AS reviews,
       SUM(CASE WHEN title IS NULL THEN 1 ELSE 0 END) AS no_title,
       SUM(CASE WHEN title = '' THEN 1 ELSE 0 END) AS empty_title,
       ROUND(AVG(LENGTH(body)), 1) AS avg_body_length,
       MAX(LENGTH(body)) AS longest_body
FROM reviews
GROUP BY rating
ORDER BY rating DESC;

-- @id: ecommerce.q098
-- Warehouse stock value at cost and at list price, with the share of the
-- network's stock value held in each warehouse.
WITH valued AS (
    SELECT w.id,
           w.code,
           w.country_code,
           SUM(i.qty_on_hand) AS units,
           SUM(i.qty_on_hand * COALESCE(p.unit_cost, 0)) AS value_at_cost,
           SUM(i.qty_on_hand * p.list_price) AS value_at_list
    FROM warehouses w
    JOIN inventory i ON i.warehouse_id = w.id
    JOIN products p  ON p.id = i.product_id
    GROUP BY w.id, w.code, w.country_code
)
SELECT code,
       country_code,
       units,
       ROUND(value_at_cost, 2) AS value_at_cost,
       ROUND(value_at_list, 2) AS value_at_list,
       ROUND(100.0 * value_at_list / (SELECT SUM(v2.value_at_list) FROM valued v2), 1) AS share_pct
FROM valued
ORDER BY value_at_list DESC;

-- @id: ecommerce.q099
-- Customers ranked by spend inside their country; top 3 per country.
WITH spend AS (
    SELECT c.id, c.country_code, SUM(oi.quantity * oi.unit_price) AS total_spend
    FROM customers c
    JOIN orders o ON o.customer_id = c.id
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY c.id, c.country_code
),
ranked AS (
    SELECT id, country_code, total_spend,
           ROW_NUMBER() OVER (PARTITION BY country_code ORDER BY total_spend DESC, id) AS pos_in_country
    FROM spend
)
SELECT country_code, pos_in_country, id AS customer_id, ROUND(total_spend, 2) AS total_spend
FROM ranked
WHERE pos_in_country <= 3
ORDER BY country_code, pos_in_country;

-- @id: ecommerce.q100
-- Delivered orders never paid by a successful positive payment, and
-- successful payments belonging to cancelled orders.
SELECT 'delivered but unpaid' AS anomaly, o.id AS order_id
FROM orders o
WHERE o.status = 'delivered'
  AND o.id NOT IN (SELECT p.order_id FROM payments p WHERE p.succeeded = TRUE AND p.amount > 0)
UNION
SELECT 'cancelled but charged', o.id
FROM orders o
JOIN payments p ON p.order_id = o.id
WHERE o.status = 'cancelled'
  AND p.succeeded = TRUE
  AND p.amount > 0
ORDER BY anomaly, order_id;

-- @id: ecommerce.q101
-- Sales of discontinued products after their discontinuation date.
SELECT p.id, p.sku, p.discontinued_on,
       COUNT(DISTINCT o.id) AS orders_after,
       SUM(oi.quantity) AS units_after
FROM products p
JOIN order_items oi ON oi.product_id = p.id
JOIN orders o ON o.id = oi.order_id
WHERE p.discontinued_on IS NOT NULL
  AND DATE(o.ordered_at) > p.discontinued_on
GROUP BY p.id, p.sku, p.discontinued_on
ORDER BY units_after DESC, p.id;

-- @id: ecommerce.w001
-- Write statements (each runs in a transaction that is rolled back).
-- New sub-category: fresh primary key, UNIQUE slug, FK to an existing parent category.
INSERT INTO categories (id, parent_id, name, slug, is_visible)
VALUES (9001, 20, 'Resistance Bands', 'fitness-resistance-bands', TRUE);

-- @id: ecommerce.w002
-- New supplier: CHECK on rating, short VARCHAR values, NOT NULL country code.
INSERT INTO suppliers (id, name, country_code, contact_email, rating)
VALUES (9001, 'Nordic Goods AB', 'SE', 'sales@nordic.example', 4.5);

-- @id: ecommerce.w003
-- New product: UNIQUE sku, FKs to an existing category and supplier, CHECK on list price.
INSERT INTO products (id, sku, name, category_id, supplier_id, list_price, unit_cost, weight_kg, is_active, launched_on)
VALUES (9001, 'SKU-90001', 'Foam Yoga Block', 21, 12, 14.99, 6.20, 0.35, TRUE, '2025-03-01');

-- @id: ecommerce.w004
-- Two new customers, the second referred by an existing customer: UNIQUE email, CHECK on loyalty tier.
INSERT INTO customers (id, first_name, last_name, email, country_code, city, signup_date, loyalty_tier, marketing_opt_in, referred_by)
VALUES (9001, 'Greta', 'Lind', 'g.lind@mail.test', 'SE', 'Malmo', '2025-01-10', 'bronze', TRUE, NULL),
       (9002, 'Omar', 'Haddad', 'o.haddad@inbox.test', 'FR', 'Lyon', '2025-01-12', 'silver', FALSE, 500);

-- @id: ecommerce.w005
-- New order for an existing customer: CHECK on status and shipping fee.
INSERT INTO orders (id, customer_id, ordered_at, status, channel, ship_country, shipping_fee, discount_code)
VALUES (9001, 47, '2025-01-15 10:30:00', 'pending', 'web', 'US', 4.99, 'WELCOME10');

-- @id: ecommerce.w006
-- Extra lines on an existing order: composite primary key, FK to products, CHECK on quantity and discount.
INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price, discount_pct)
VALUES (1000, 91, 5, 2, 37.99, 0),
       (1000, 92, 120, 1, 24.50, 10.00);

-- @id: ecommerce.w007
-- New review: composite UNIQUE (product_id, customer_id), CHECK on rating and votes.
INSERT INTO reviews (id, product_id, customer_id, rating, title, body, created_at, helpful_votes)
VALUES (9001, 5, 412, 4, 'Solid kettlebell', 'Good grip, arrived on time.', '2025-02-01 08:00:00', 0);

-- @id: ecommerce.w008
-- Stock a product in a warehouse that did not carry it: composite primary key, CHECK on quantities.
INSERT INTO inventory (warehouse_id, product_id, qty_on_hand, reorder_point)
VALUES (2, 5, 120, 15);

-- @id: ecommerce.w009
-- Change a UNIQUE column (email) to a new value, plus the city.
UPDATE customers SET email = 'jan.miller@post.test', city = 'Lyon' WHERE id = 4;

-- @id: ecommerce.w010
-- Point an order line at another existing product (FK column) with its price.
UPDATE order_items SET product_id = 120, unit_price = 103.99 WHERE order_id = 1000 AND line_no = 1;

-- @id: ecommerce.w011
-- Reprice a product (CHECK list_price >= 0) and its cost.
UPDATE products SET list_price = 34.99, unit_cost = 24.10 WHERE id = 5;

-- @id: ecommerce.w012
-- Ship a paid order (CHECK on status).
UPDATE orders SET status = 'shipped', shipped_at = '2024-12-24 09:00:00' WHERE id = 980;

-- @id: ecommerce.w013
-- Adjust stock levels (CHECK qty_on_hand >= 0 AND reorder_point >= 0).
UPDATE inventory SET qty_on_hand = 0, reorder_point = 25 WHERE warehouse_id = 3 AND product_id = 5;

-- @id: ecommerce.w014
-- Set a product's list price to its average selling price (scalar subquery with an aggregate).
UPDATE products SET list_price = (SELECT ROUND(AVG(unit_price), 2) FROM order_items WHERE product_id = 17) WHERE id = 17;

-- @id: ecommerce.w015
-- Change a review's rating and title (CHECK rating BETWEEN 1 AND 5).
UPDATE reviews SET rating = 2, title = 'Changed my mind' WHERE id = 10;

-- @id: ecommerce.w016
-- Delete a customer with no orders, reviews or referrals.
DELETE FROM customers WHERE id = 4;

-- @id: ecommerce.w017
-- Delete another customer with no orders, reviews or referrals (this one was itself referred).
DELETE FROM customers WHERE id = 998;

-- @id: ecommerce.w018
-- Delete declined card payments (child rows).
DELETE FROM payments WHERE succeeded = FALSE AND method = 'card';

-- @id: ecommerce.w019
-- Delete low-rated reviews nobody found helpful (child rows).
DELETE FROM reviews WHERE rating <= 2 AND helpful_votes = 0;

-- @id: ecommerce.w020
-- @engines: duckdb,sqlite,postgres
-- Create a table that already exists: IF NOT EXISTS makes it a no-op.
CREATE TABLE IF NOT EXISTS warehouses (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(8) NOT NULL UNIQUE, city VARCHAR(60) NOT NULL, country_code VARCHAR(2) NOT NULL, opened_on DATE NOT NULL);

-- @id: ecommerce.w021
-- @engines: duckdb,sqlite,postgres
-- New table with a foreign key to orders.
CREATE TABLE order_notes (id INTEGER PRIMARY KEY, order_id INTEGER, note VARCHAR(40), FOREIGN KEY (order_id) REFERENCES orders (id));

-- @id: ecommerce.w022
-- @engines: duckdb,sqlite,postgres
-- New table with a composite primary key.
CREATE TABLE wishlist_items (customer_id INTEGER, product_id INTEGER, list_name VARCHAR(20), PRIMARY KEY (customer_id, product_id));

-- @id: ecommerce.w023
-- @engines: duckdb,sqlite,postgres
-- Drop a table that does not exist: IF EXISTS makes it a no-op.
DROP TABLE IF EXISTS abandoned_carts;

-- @id: ecommerce.w024
-- @engines: duckdb,sqlite,postgres
-- Add a NOT NULL column with a default.
ALTER TABLE inventory ADD COLUMN qty_reserved INTEGER NOT NULL DEFAULT 0;

-- @id: ecommerce.w025
-- @engines: sqlite,postgres
-- Drop a column that no index, constraint or foreign key uses.
ALTER TABLE suppliers DROP COLUMN contact_email;

-- @id: ecommerce.w026
-- @engines: duckdb,sqlite,postgres
-- Index a column that has none.
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status);
