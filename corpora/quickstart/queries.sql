-- @id: quickstart.q001
-- Revenue per country, customers without a country included.
SELECT COALESCE(c.country, '??') AS country,
       COUNT(o.id)               AS orders,
       SUM(o.amount)             AS revenue
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY COALESCE(c.country, '??')
ORDER BY revenue DESC, country
