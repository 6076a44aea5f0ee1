-- Finance ledger corpus: correct analytics queries.
-- Queries without an @engines line run on duckdb, sqlite, postgres and mysql (MariaDB).
-- Amounts are compared after ROUND(..., 2) because SQLite keeps DECIMAL columns as floating point.

-- @id: finance.q001
-- Trial balance per entity and account, base-currency entries only.
SELECT e.entity_name,
       a.account_code,
       a.account_name,
       SUM(l.debit)                AS total_debit,
       SUM(l.credit)               AS total_credit,
       SUM(l.debit) - SUM(l.credit) AS balance
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN legal_entities e  ON e.entity_id = j.entity_id
JOIN accounts a        ON a.account_id = l.account_id
WHERE j.currency_code = e.base_currency
GROUP BY e.entity_name, a.account_code, a.account_name
ORDER BY e.entity_name, a.account_code;

-- @id: finance.q002
-- Journal entries whose debits and credits do not balance.
SELECT j.journal_entry_id,
       j.entry_no,
       j.posted_on,
       SUM(l.debit)  AS debits,
       SUM(l.credit) AS credits,
       ROUND(SUM(l.debit) - SUM(l.credit), 2) AS difference
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
GROUP BY j.journal_entry_id, j.entry_no, j.posted_on
HAVING ROUND(SUM(l.debit) - SUM(l.credit), 2) <> 0
ORDER BY j.journal_entry_id;

-- @id: finance.q003
-- Journal entry headers saved without a single line.
select j.entry_no, j.entity_id, j.posted_on, j.created_by
from journal_entries j
where not exists (select 1 from ledger_lines l where l.journal_entry_id = j.journal_entry_id)
order by j.entry_no;

-- @id: finance.q004
-- Postings to header (non-postable) accounts.
SELECT l.ledger_line_id, j.entry_no, a.account_code, a.account_name, l.debit, l.credit
FROM ledger_lines l
JOIN accounts a ON a.account_id = l.account_id
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
WHERE a.is_postable = FALSE
ORDER BY l.ledger_line_id;

-- @id: finance.q005
-- Postings to accounts after the account was closed.
SELECT a.account_code,
       a.closed_on,
       j.entry_no,
       j.posted_on,
       l.debit - l.credit AS amount
FROM accounts a
JOIN ledger_lines l    ON l.account_id = a.account_id
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
WHERE a.closed_on IS NOT NULL
  AND j.posted_on > a.closed_on
ORDER BY j.posted_on, j.entry_no;

-- @id: finance.q006
-- Entries whose posting date lies outside the fiscal period they were booked into.
SELECT j.entry_no,
       j.posted_on,
       p.fiscal_year,
       p.fiscal_month,
       p.starts_on,
       p.ends_on
FROM journal_entries j
JOIN fiscal_periods p ON p.fiscal_period_id = j.fiscal_period_id
WHERE j.posted_on < p.starts_on
   OR j.posted_on > p.ends_on
ORDER BY j.posted_on, j.entry_no;

-- @id: finance.q007
-- Chart of accounts as a tree: depth and top-level ancestor of every account.
WITH RECURSIVE coa AS (
    SELECT account_id, account_code, account_name, parent_account_id,
           account_id AS top_account_id,
           0 AS depth
    FROM accounts
    WHERE parent_account_id IS NULL
    UNION ALL
    SELECT a.account_id, a.account_code, a.account_name, a.parent_account_id,
           c.top_account_id,
           c.depth + 1
    FROM accounts a
    JOIN coa c ON a.parent_account_id = c.account_id
)
SELECT c.account_code,
       c.account_name,
       c.depth,
       t.account_code AS top_code,
       t.account_name AS top_name
FROM coa c
JOIN accounts t ON t.account_id = c.top_account_id
ORDER BY c.account_code;

-- @id: finance.q008
-- Hierarchy roll-up: balance of every account including all of its
-- descendants, for Acme Holdings' USD books.
WITH RECURSIVE ancestry (account_id, ancestor_id) AS (
    SELECT account_id, account_id
    FROM accounts
    UNION ALL
    SELECT an.account_id, p.parent_account_id
    FROM ancestry an
    JOIN accounts p ON p.account_id = an.ancestor_id
    WHERE p.parent_account_id IS NOT NULL
),
own_balance AS (
    SELECT l.account_id,
           SUM(l.debit - l.credit) AS balance
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    WHERE j.entity_id = 1
      AND j.currency_code = 'USD'
    GROUP BY l.account_id
)
SELECT a.account_code,
       a.account_name,
       a.account_type,
       a.is_postable,
       COUNT(ob.account_id)                 AS accounts_with_activity,
       ROUND(COALESCE(SUM(ob.balance), 0), 2) AS rolled_up_balance
FROM accounts a
JOIN ancestry an ON an.ancestor_id = a.account_id
LEFT JOIN own_balance ob ON ob.account_id = an.account_id
GROUP BY a.account_code, a.account_name, a.account_type, a.is_postable
ORDER BY a.account_code;

-- @id: finance.q009
-- Running balance of the operating cash account of Acme Holdings.
SELECT j.posted_on,
       j.entry_no,
       l.line_no,
       l.debit - l.credit AS movement,
       SUM(l.debit - l.credit) OVER (
           ORDER BY j.posted_on, j.journal_entry_id, l.line_no
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
       ) AS running_balance
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a        ON a.account_id = l.account_id
WHERE a.account_code = '1110'
  AND j.entity_id = 1
  AND j.currency_code = 'USD'
ORDER BY j.posted_on, j.journal_entry_id, l.line_no;

-- @id: finance.q010
-- Monthly profit and loss per entity, closing entries excluded.
SELECT j.entity_id,
       p.fiscal_year,
       p.fiscal_month,
       SUM(CASE WHEN a.account_type = 'revenue' THEN l.credit - l.debit ELSE 0 END) AS revenue,
       SUM(CASE WHEN a.account_type = 'expense' THEN l.debit - l.credit ELSE 0 END) AS expenses,
       SUM(CASE WHEN a.account_type = 'revenue' THEN l.credit - l.debit
                WHEN a.account_type = 'expense' THEN l.credit - l.debit
                ELSE 0 END) AS net_income
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
JOIN accounts a        ON a.account_id = l.account_id
WHERE j.origin <> 'closing'
GROUP BY j.entity_id, p.fiscal_year, p.fiscal_month
ORDER BY j.entity_id, p.fiscal_year, p.fiscal_month;

-- @id: finance.q011
-- Revenue per revenue account and fiscal year (entity currency, all entities mixed
-- would be meaningless, so one row per entity).
select e.entity_name, p.fiscal_year, a.account_name,
       sum(l.credit) - sum(l.debit) as revenue
from ledger_lines l
join journal_entries j on j.journal_entry_id = l.journal_entry_id
join legal_entities e on e.entity_id = j.entity_id
join fiscal_periods p on p.fiscal_period_id = j.fiscal_period_id
join accounts a on a.account_id = l.account_id
where a.account_type = 'revenue'
  and j.origin <> 'closing'
  and j.currency_code = e.base_currency
group by e.entity_name, p.fiscal_year, a.account_name
order by e.entity_name, p.fiscal_year, revenue desc, a.account_name;

-- @id: finance.q012
-- Receivables aging as of 2024-12-31 with fixed date boundaries (no date arithmetic).
WITH paid AS (
    SELECT invoice_id, SUM(amount) AS paid
    FROM payments
    WHERE paid_on <= '2024-12-31'
    GROUP BY invoice_id
),
open_items AS (
    SELECT i.invoice_id,
           i.entity_id,
           i.currency_code,
           i.due_on,
           i.net_amount + i.tax_amount - COALESCE(p.paid, 0) AS open_amount
    FROM invoices i
    LEFT JOIN paid p ON p.invoice_id = i.invoice_id
    WHERE i.direction = 'ar'
)
SELECT entity_id,
       currency_code,
       CASE
           WHEN due_on >= '2024-12-31' THEN '0 not due'
           WHEN due_on >= '2024-12-01' THEN '1 1-30 days'
           WHEN due_on >= '2024-11-01' THEN '2 31-60 days'
           WHEN due_on >= '2024-10-02' THEN '3 61-90 days'
           ELSE '4 over 90 days'
       END AS aging_bucket,
       COUNT(*)         AS invoices,
       SUM(open_amount) AS open_amount
FROM open_items
WHERE ROUND(open_amount, 2) > 0
GROUP BY entity_id, currency_code,
         CASE
             WHEN due_on >= '2024-12-31' THEN '0 not due'
             WHEN due_on >= '2024-12-01' THEN '1 1-30 days'
             WHEN due_on >= '2024-11-01' THEN '2 31-60 days'
             WHEN due_on >= '2024-10-02' THEN '3 61-90 days'
             ELSE '4 over 90 days'
         END
ORDER BY entity_id, currency_code, aging_bucket;

-- @id: finance.q013
-- Open invoices: gross amount minus everything paid so far.
SELECT i.invoice_no,
       i.direction,
       i.currency_code,
       i.net_amount + i.tax_amount           AS gross,
       COALESCE(SUM(p.amount), 0)            AS paid,
       i.net_amount + i.tax_amount - COALESCE(SUM(p.amount), 0) AS outstanding
FROM invoices i
LEFT JOIN payments p ON p.invoice_id = i.invoice_id
GROUP BY i.invoice_no, i.direction, i.currency_code, i.net_amount, i.tax_amount
HAVING ROUND(i.net_amount + i.tax_amount - COALESCE(SUM(p.amount), 0), 2) > 0
ORDER BY i.direction, outstanding DESC, i.invoice_no;

-- @id: finance.q014
-- Invoices paid more than once over their amount.
SELECT i.invoice_id, i.invoice_no, i.net_amount + i.tax_amount AS gross, x.paid
FROM invoices i
JOIN (SELECT invoice_id, SUM(amount) AS paid, COUNT(*) AS n
      FROM payments
      GROUP BY invoice_id) x ON x.invoice_id = i.invoice_id
WHERE ROUND(x.paid - (i.net_amount + i.tax_amount), 2) > 0
ORDER BY i.invoice_id;

-- @id: finance.q015
-- Possible duplicate supplier bills: same supplier, same external reference.
SELECT i.counterparty_id,
       c.counterparty_name,
       i.external_ref,
       COUNT(*)          AS bills,
       MIN(i.invoice_no) AS first_invoice,
       MAX(i.invoice_no) AS last_invoice
FROM invoices i
JOIN counterparties c ON c.counterparty_id = i.counterparty_id
WHERE i.direction = 'ap'
  AND i.external_ref IS NOT NULL
GROUP BY i.counterparty_id, c.counterparty_name, i.external_ref
HAVING COUNT(*) > 1
ORDER BY bills DESC, i.counterparty_id, i.external_ref;

-- @id: finance.q016
-- Customers whose open receivables exceed their credit limit (in any one currency).
WITH exposure AS (
    SELECT i.counterparty_id,
           i.currency_code,
           SUM(i.net_amount + i.tax_amount) - COALESCE(SUM(pp.paid), 0) AS open_amount
    FROM invoices i
    LEFT JOIN (SELECT invoice_id, SUM(amount) AS paid FROM payments GROUP BY invoice_id) pp
           ON pp.invoice_id = i.invoice_id
    WHERE i.direction = 'ar'
    GROUP BY i.counterparty_id, i.currency_code
)
SELECT c.counterparty_name,
       x.currency_code,
       x.open_amount,
       c.credit_limit
FROM exposure x
JOIN counterparties c ON c.counterparty_id = x.counterparty_id
WHERE c.credit_limit IS NOT NULL
  AND ROUND(x.open_amount, 2) > c.credit_limit
ORDER BY x.open_amount DESC, c.counterparty_name;

-- @id: finance.q017
-- Payment method mix per entity.
SELECT i.entity_id,
       p.pay_method,
       COUNT(*)      AS payments,
       SUM(p.amount) AS amount
FROM payments p
JOIN invoices i ON i.invoice_id = p.invoice_id
GROUP BY i.entity_id, p.pay_method
ORDER BY i.entity_id, payments DESC, p.pay_method;

-- @id: finance.q018
-- Invoice amounts in USD at the latest rate on or before the issue date.
SELECT i.invoice_no,
       i.currency_code,
       i.net_amount,
       CASE
           WHEN i.currency_code = 'USD' THEN i.net_amount
           ELSE ROUND(i.net_amount * (
                    SELECT r.usd_per_unit
                    FROM fx_rates r
                    WHERE r.currency_code = i.currency_code
                      AND r.rate_date <= i.issued_on
                    ORDER BY r.rate_date DESC
                    LIMIT 1), 2)
       END AS net_usd
FROM invoices i
WHERE i.issued_on >= '2024-10-01'
ORDER BY i.issued_on, i.invoice_no;

-- @id: finance.q019
-- Monthly revenue in USD per entity, each line converted at the rate in force on
-- the posting date (latest rate on or before it).
WITH rev_lines AS (
    SELECT j.entity_id,
           p.fiscal_year,
           p.fiscal_month,
           j.currency_code,
           j.posted_on,
           l.credit - l.debit AS amount
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
    JOIN accounts a        ON a.account_id = l.account_id
    WHERE a.account_type = 'revenue'
      AND j.origin <> 'closing'
),
rated AS (
    SELECT rl.*,
           (SELECT MAX(r.rate_date)
              FROM fx_rates r
             WHERE r.currency_code = rl.currency_code
               AND r.rate_date <= rl.posted_on) AS rate_date
    FROM rev_lines rl
)
SELECT x.entity_id,
       x.fiscal_year,
       x.fiscal_month,
       COUNT(*) AS line_count,
       ROUND(SUM(x.amount * COALESCE(f.usd_per_unit, 1)), 2) AS revenue_usd
FROM rated x
LEFT JOIN fx_rates f
       ON f.currency_code = x.currency_code
      AND f.rate_date = x.rate_date
GROUP BY x.entity_id, x.fiscal_year, x.fiscal_month
ORDER BY x.entity_id, x.fiscal_year, x.fiscal_month;

-- @id: finance.q020
-- Budget versus actual for 2024 by entity and account, with variance and
-- the share of the annual budget consumed.
WITH budget_2024 AS (
    SELECT b.entity_id,
           b.account_id,
           SUM(b.amount) AS budget
    FROM budgets b
    JOIN fiscal_periods p ON p.fiscal_period_id = b.fiscal_period_id
    WHERE p.fiscal_year = 2024
    GROUP BY b.entity_id, b.account_id
),
actual_2024 AS (
    SELECT j.entity_id,
           l.account_id,
           SUM(CASE WHEN a.normal_side = 'debit'
                    THEN l.debit - l.credit
                    ELSE l.credit - l.debit END) AS actual
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN legal_entities e  ON e.entity_id = j.entity_id
    JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
    JOIN accounts a        ON a.account_id = l.account_id
    WHERE p.fiscal_year = 2024
      AND j.currency_code = e.base_currency
      AND j.origin <> 'closing'
    GROUP BY j.entity_id, l.account_id
)
SELECT b.entity_id,
       a.account_code,
       a.account_name,
       b.budget,
       COALESCE(x.actual, 0)                  AS actual,
       COALESCE(x.actual, 0) - b.budget       AS variance,
       ROUND(100.0 * COALESCE(x.actual, 0) / NULLIF(b.budget, 0), 1) AS pct_of_budget
FROM budget_2024 b
JOIN accounts a ON a.account_id = b.account_id
LEFT JOIN actual_2024 x
       ON x.entity_id = b.entity_id
      AND x.account_id = b.account_id
ORDER BY b.entity_id, a.account_code;

-- @id: finance.q021
-- Cost centers ranked by how far their 2024 spend ran over budget.
WITH bud AS (
    SELECT cost_center_id, SUM(amount) AS budget
    FROM budgets b
    JOIN fiscal_periods p ON p.fiscal_period_id = b.fiscal_period_id
    WHERE p.fiscal_year = 2024 AND b.cost_center_id IS NOT NULL
    GROUP BY cost_center_id
),
act AS (
    SELECT l.cost_center_id, SUM(l.debit - l.credit) AS spend
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN accounts a ON a.account_id = l.account_id
    WHERE j.posted_on BETWEEN '2024-01-01' AND '2024-12-31'
      AND a.account_type = 'expense'
      AND l.cost_center_id IS NOT NULL
    GROUP BY l.cost_center_id
)
SELECT cc.cc_code,
       cc.cc_name,
       bud.budget,
       COALESCE(act.spend, 0) AS spend,
       COALESCE(act.spend, 0) - bud.budget AS over_budget,
       RANK() OVER (ORDER BY COALESCE(act.spend, 0) - bud.budget DESC) AS overspend_rank
FROM bud
JOIN cost_centers cc ON cc.cost_center_id = bud.cost_center_id
LEFT JOIN act ON act.cost_center_id = bud.cost_center_id
ORDER BY overspend_rank, cc.cc_code;

-- @id: finance.q022
-- Top suppliers by billed amount per year and currency, dense-ranked.
SELECT *
FROM (
    SELECT SUBSTR(CAST(i.issued_on AS CHAR(10)), 1, 4) AS yr,
           i.currency_code,
           c.counterparty_name,
           SUM(i.net_amount) AS billed,
           DENSE_RANK() OVER (PARTITION BY SUBSTR(CAST(i.issued_on AS CHAR(10)), 1, 4), i.currency_code
                              ORDER BY SUM(i.net_amount) DESC) AS dr
    FROM invoices i
    JOIN counterparties c ON c.counterparty_id = i.counterparty_id
    WHERE i.direction = 'ap'
    GROUP BY SUBSTR(CAST(i.issued_on AS CHAR(10)), 1, 4), i.currency_code, c.counterparty_name
) ranked
WHERE dr <= 3
ORDER BY yr, currency_code, dr, counterparty_name;

-- @id: finance.q023
-- Monthly operating expenses of Acme Holdings with month-over-month change.
WITH monthly AS (
    SELECT p.fiscal_year, p.fiscal_month, p.fiscal_period_id,
           SUM(l.debit - l.credit) AS opex
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN fiscal_periods p ON p.fiscal_period_id = j.fiscal_period_id
    JOIN accounts a ON a.account_id = l.account_id
    WHERE j.entity_id = 1
      AND j.currency_code = 'USD'
      AND j.origin <> 'closing'
      AND a.account_code LIKE '6%'
    GROUP BY p.fiscal_year, p.fiscal_month, p.fiscal_period_id
)
SELECT fiscal_year,
       fiscal_month,
       opex,
       LAG(opex) OVER (ORDER BY fiscal_period_id) AS prev_opex,
       ROUND(100.0 * (opex - LAG(opex) OVER (ORDER BY fiscal_period_id))
             / NULLIF(LAG(opex) OVER (ORDER BY fiscal_period_id), 0), 1) AS pct_change
FROM monthly
ORDER BY fiscal_period_id;

-- @id: finance.q024
-- Year-to-date revenue per entity, restarting every fiscal year.
WITH m AS (
    SELECT j.entity_id, p.fiscal_year, p.fiscal_month,
           SUM(l.credit - l.debit) AS revenue
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN fiscal_periods p ON p.fiscal_period_id = j.fiscal_period_id
    JOIN accounts a ON a.account_id = l.account_id
    JOIN legal_entities e ON e.entity_id = j.entity_id
    WHERE a.account_type = 'revenue'
      AND j.origin <> 'closing'
      AND j.currency_code = e.base_currency
    GROUP BY j.entity_id, p.fiscal_year, p.fiscal_month
)
SELECT entity_id, fiscal_year, fiscal_month, revenue,
       SUM(revenue) OVER (PARTITION BY entity_id, fiscal_year
                          ORDER BY fiscal_month
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ytd_revenue
FROM m
ORDER BY entity_id, fiscal_year, fiscal_month;

-- @id: finance.q025
-- Reversal pairs and whether the pair nets to zero per account.
SELECT orig.entry_no AS original_entry,
       rev.entry_no  AS reversal_entry,
       rev.posted_on AS reversed_on,
       ROUND(SUM(CASE WHEN l.journal_entry_id = orig.journal_entry_id THEN l.debit - l.credit ELSE 0 END), 2) AS original_net_debit,
       ROUND(SUM(CASE WHEN l.journal_entry_id = rev.journal_entry_id THEN l.debit - l.credit ELSE 0 END), 2) AS reversal_net_debit,
       ROUND(SUM(ABS(l.debit) + ABS(l.credit)), 2) AS gross_volume
FROM journal_entries rev
JOIN journal_entries orig ON orig.journal_entry_id = rev.reverses_entry_id
JOIN ledger_lines l ON l.journal_entry_id IN (orig.journal_entry_id, rev.journal_entry_id)
GROUP BY orig.entry_no, rev.entry_no, rev.posted_on
ORDER BY rev.posted_on, rev.entry_no;

-- @id: finance.q026
-- Month-end accruals that were never reversed.
SELECT j.entry_no, j.entity_id, j.posted_on, j.description
FROM journal_entries j
WHERE j.description LIKE 'Accrual%'
  AND NOT EXISTS (
      SELECT 1 FROM journal_entries r
      WHERE r.reverses_entry_id = j.journal_entry_id
  )
ORDER BY j.posted_on, j.entry_no;

-- @id: finance.q027
-- Who books entries: user names normalised to lower case.
SELECT LOWER(TRIM(created_by))                    AS booked_by,
       COUNT(*)                                   AS entries,
       SUM(CASE WHEN approved_at IS NULL THEN 1 ELSE 0 END) AS unapproved,
       MIN(posted_on)                             AS first_posting,
       MAX(posted_on)                             AS last_posting
FROM journal_entries
GROUP BY LOWER(TRIM(created_by))
ORDER BY entries DESC, booked_by;

-- @id: finance.q028
-- Unapproved entries sitting in closed periods.
SELECT j.entry_no, j.origin, p.fiscal_year, p.fiscal_month, j.created_by
FROM journal_entries j
JOIN fiscal_periods p ON p.fiscal_period_id = j.fiscal_period_id
WHERE j.approved_at IS NULL
  AND p.is_closed = TRUE
ORDER BY p.fiscal_year, p.fiscal_month, j.entry_no;

-- @id: finance.q029
-- Postable accounts that never received a posting.
SELECT a.account_code, a.account_name, a.account_type
FROM accounts a
WHERE a.is_postable = TRUE
  AND NOT EXISTS (SELECT 1 FROM ledger_lines l WHERE l.account_id = a.account_id)
ORDER BY a.account_code;

-- @id: finance.q030
-- Debit/credit totals per entity and entry currency; any non-zero difference is a problem.
SELECT j.entity_id,
       j.currency_code,
       COUNT(DISTINCT j.journal_entry_id) AS entries,
       SUM(l.debit)  AS debits,
       SUM(l.credit) AS credits,
       ROUND(SUM(l.debit) - SUM(l.credit), 2) AS out_of_balance
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
GROUP BY j.entity_id, j.currency_code
ORDER BY j.entity_id, j.currency_code;

-- @id: finance.q031
-- Balance sheet of Acme Holdings at 2024-12-31 by account type (USD books).
-- Revenue and expense balances not yet closed make up current-year earnings.
SELECT CASE
           WHEN a.account_type IN ('revenue', 'expense') THEN 'earnings not yet closed'
           ELSE a.account_type
       END AS section,
       ROUND(SUM(CASE WHEN a.account_type = 'asset' THEN l.debit - l.credit
                      ELSE l.credit - l.debit END), 2) AS amount
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE j.entity_id = 1
  AND j.currency_code = 'USD'
  AND j.posted_on <= '2024-12-31'
GROUP BY CASE
             WHEN a.account_type IN ('revenue', 'expense') THEN 'earnings not yet closed'
             ELSE a.account_type
         END
ORDER BY section;

-- @id: finance.q032
-- Spend per cost center with the manager shown, vacant posts labelled.
SELECT cc.cc_code,
       COALESCE(NULLIF(TRIM(cc.manager_name), ''), '(vacant)') AS manager,
       COUNT(l.ledger_line_id)                              AS lines_posted,
       COALESCE(SUM(l.debit - l.credit), 0)                 AS net_spend
FROM cost_centers cc
LEFT JOIN ledger_lines l ON l.cost_center_id = cc.cost_center_id
GROUP BY cc.cc_code, COALESCE(NULLIF(TRIM(cc.manager_name), ''), '(vacant)')
ORDER BY net_spend DESC, cc.cc_code;

-- @id: finance.q033
-- Counterparty names tidied for a report: upper case, ampersands spelled out.
SELECT counterparty_id,
       UPPER(REPLACE(counterparty_name, '&', 'and')) AS display_name,
       LENGTH(counterparty_name)                     AS name_length,
       CASE WHEN counterparty_name LIKE '%(old)%' THEN 'legacy' ELSE 'active' END AS record_state
FROM counterparties
WHERE counterparty_name LIKE '%&%'
   OR counterparty_name LIKE '%''%'
   OR counterparty_name LIKE '%(old)%'
ORDER BY counterparty_id;

-- @id: finance.q034
-- Invoices issued on the last day of a fiscal month.
SELECT p.fiscal_year, p.fiscal_month, COUNT(*) AS month_end_invoices, SUM(i.net_amount) AS net
FROM invoices i
JOIN fiscal_periods p ON p.ends_on = i.issued_on
GROUP BY p.fiscal_year, p.fiscal_month
ORDER BY p.fiscal_year, p.fiscal_month;

-- @id: finance.q035
-- Invoice count and value per calendar quarter and direction.
SELECT p.fiscal_year,
       CASE WHEN p.fiscal_month <= 3 THEN 1
            WHEN p.fiscal_month <= 6 THEN 2
            WHEN p.fiscal_month <= 9 THEN 3
            ELSE 4 END AS fiscal_quarter,
       i.direction,
       COUNT(*) AS invoices,
       SUM(i.net_amount + i.tax_amount) AS gross_mixed_currency
FROM invoices i
JOIN fiscal_periods p ON i.issued_on BETWEEN p.starts_on AND p.ends_on
GROUP BY p.fiscal_year,
         CASE WHEN p.fiscal_month <= 3 THEN 1
              WHEN p.fiscal_month <= 6 THEN 2
              WHEN p.fiscal_month <= 9 THEN 3
              ELSE 4 END,
         i.direction
ORDER BY p.fiscal_year, fiscal_quarter, i.direction;

-- @id: finance.q036
-- VAT position per entity and year: output VAT collected versus input VAT reclaimed.
SELECT j.entity_id,
       p.fiscal_year,
       SUM(l.credit) AS output_vat,
       SUM(l.debit)  AS input_vat,
       SUM(l.credit) - SUM(l.debit) AS vat_payable
FROM ledger_lines l
JOIN accounts a        ON a.account_id = l.account_id
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
WHERE a.account_code = '2130'
GROUP BY j.entity_id, p.fiscal_year
ORDER BY j.entity_id, p.fiscal_year;

-- @id: finance.q037
-- The three largest entries (by total debits) of every entity.
WITH sized AS (
    SELECT j.entity_id,
           j.entry_no,
           j.origin,
           j.currency_code,
           SUM(l.debit) AS total_debit,
           ROW_NUMBER() OVER (PARTITION BY j.entity_id ORDER BY SUM(l.debit) DESC, j.entry_no) AS rn
    FROM journal_entries j
    JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
    GROUP BY j.entity_id, j.entry_no, j.origin, j.currency_code
)
SELECT entity_id, rn, entry_no, origin, currency_code, total_debit
FROM sized
WHERE rn <= 3
ORDER BY entity_id, rn;

-- @id: finance.q038
-- Memo quality: missing, empty and free-text memos per entry origin.
SELECT j.origin,
       COUNT(*) AS lines_total,
       SUM(CASE WHEN l.memo IS NULL THEN 1 ELSE 0 END) AS memo_null,
       SUM(CASE WHEN l.memo = '' THEN 1 ELSE 0 END)    AS memo_empty,
       SUM(CASE WHEN l.memo LIKE '%''%' THEN 1 ELSE 0 END) AS memo_with_apostrophe
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
GROUP BY j.origin
ORDER BY lines_total DESC, j.origin;

-- @id: finance.q039
-- Currency usage across entries; unused currencies still listed.
SELECT c.currency_code,
       c.minor_units,
       c.is_active,
       COUNT(j.journal_entry_id) AS entries,
       COUNT(DISTINCT j.entity_id) AS entities
FROM currencies c
LEFT JOIN journal_entries j ON j.currency_code = c.currency_code
GROUP BY c.currency_code, c.minor_units, c.is_active
ORDER BY entries DESC, c.currency_code;

-- @id: finance.q040
-- Currencies for which no exchange rate was ever loaded.
SELECT c.currency_code, c.currency_name
FROM currencies c
WHERE NOT EXISTS (SELECT 1 FROM fx_rates r WHERE r.currency_code = c.currency_code)
ORDER BY c.currency_code;

-- @id: finance.q041
-- Biggest moves between consecutive fixings, per currency.
WITH moves AS (
    SELECT currency_code,
           rate_date,
           usd_per_unit,
           LAG(usd_per_unit) OVER (PARTITION BY currency_code ORDER BY rate_date) AS prev_rate
    FROM fx_rates
)
SELECT currency_code,
       rate_date,
       prev_rate,
       usd_per_unit,
       ROUND(100.0 * (usd_per_unit - prev_rate) / prev_rate, 3) AS pct_move
FROM moves
WHERE prev_rate IS NOT NULL
  AND ABS(usd_per_unit - prev_rate) / prev_rate > 0.025
ORDER BY ABS(usd_per_unit - prev_rate) / prev_rate DESC, currency_code, rate_date;

-- @id: finance.q042
-- Average fixing per currency and fiscal year.
SELECT r.currency_code,
       p.fiscal_year,
       COUNT(*)               AS fixings,
       MIN(r.usd_per_unit)    AS low,
       MAX(r.usd_per_unit)    AS high,
       ROUND(AVG(r.usd_per_unit), 6) AS average
FROM fx_rates r
JOIN fiscal_periods p ON r.rate_date BETWEEN p.starts_on AND p.ends_on
GROUP BY r.currency_code, p.fiscal_year
ORDER BY r.currency_code, p.fiscal_year;

-- @id: finance.q043
-- Payroll cost per cost center and year.
SELECT cc.cc_code,
       p.fiscal_year,
       SUM(l.debit) AS salary_cost
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
JOIN cost_centers cc   ON cc.cost_center_id = l.cost_center_id
WHERE j.origin = 'payroll'
GROUP BY cc.cc_code, p.fiscal_year
ORDER BY cc.cc_code, p.fiscal_year;

-- @id: finance.q044
-- Accounts whose balance sits on the wrong side for their normal balance.
SELECT j.entity_id,
       a.account_code,
       a.normal_side,
       ROUND(SUM(l.debit - l.credit), 2) AS debit_balance
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
JOIN legal_entities e ON e.entity_id = j.entity_id
WHERE j.currency_code = e.base_currency
GROUP BY j.entity_id, a.account_code, a.normal_side
HAVING (a.normal_side = 'debit'  AND ROUND(SUM(l.debit - l.credit), 2) < 0)
    OR (a.normal_side = 'credit' AND ROUND(SUM(l.debit - l.credit), 2) > 0)
ORDER BY j.entity_id, a.account_code;

-- @id: finance.q045
-- Counterparties we both invoice and get billed by.
SELECT counterparty_id FROM invoices WHERE direction = 'ar'
INTERSECT
SELECT counterparty_id FROM invoices WHERE direction = 'ap'
ORDER BY counterparty_id;

-- @id: finance.q046
-- Customers invoiced in 2024 from whom no money arrived in the second half of 2024.
SELECT i.counterparty_id
FROM invoices i
WHERE i.direction = 'ar'
  AND i.issued_on >= '2024-01-01'
EXCEPT
SELECT i.counterparty_id
FROM invoices i
JOIN payments p ON p.invoice_id = i.invoice_id
WHERE i.direction = 'ar'
  AND p.paid_on >= '2024-07-01'
ORDER BY counterparty_id;

-- @id: finance.q047
-- Cash reconciliation: payments recorded in the sub-ledger against cash-account
-- movements of the linked journal entries, per entity and year.
WITH subledger AS (
    SELECT i.entity_id,
           SUBSTR(CAST(p.paid_on AS CHAR(10)), 1, 4) AS yr,
           SUM(CASE WHEN i.direction = 'ar' THEN p.amount ELSE -p.amount END) AS net_cash
    FROM payments p
    JOIN invoices i ON i.invoice_id = p.invoice_id
    GROUP BY i.entity_id, SUBSTR(CAST(p.paid_on AS CHAR(10)), 1, 4)
),
gl AS (
    SELECT j.entity_id,
           SUBSTR(CAST(j.posted_on AS CHAR(10)), 1, 4) AS yr,
           SUM(l.debit - l.credit) AS net_cash
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN accounts a ON a.account_id = l.account_id
    WHERE a.account_code IN ('1110', '1120')
      AND j.journal_entry_id IN (SELECT journal_entry_id FROM payments WHERE journal_entry_id IS NOT NULL)
    GROUP BY j.entity_id, SUBSTR(CAST(j.posted_on AS CHAR(10)), 1, 4)
),
both_sides AS (
    SELECT entity_id, yr, net_cash AS subledger_cash, 0 AS gl_cash FROM subledger
    UNION ALL
    SELECT entity_id, yr, 0, net_cash FROM gl
)
SELECT entity_id,
       yr,
       SUM(subledger_cash) AS subledger_cash,
       SUM(gl_cash)        AS gl_cash,
       ROUND(SUM(subledger_cash) - SUM(gl_cash), 2) AS difference
FROM both_sides
GROUP BY entity_id, yr
ORDER BY entity_id, yr;

-- @id: finance.q048
-- Payments whose journal entry moved a different amount through the cash accounts.
SELECT p.payment_id,
       p.amount,
       SUM(ABS(l.debit - l.credit)) AS cash_moved
FROM payments p
JOIN ledger_lines l ON l.journal_entry_id = p.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE a.account_code IN ('1110', '1120')
GROUP BY p.payment_id, p.amount
HAVING ROUND(SUM(ABS(l.debit - l.credit)) - p.amount, 2) <> 0
ORDER BY p.payment_id;

-- @id: finance.q049
-- Invoices never linked to a journal entry.
SELECT invoice_no, direction, entity_id, issued_on, net_amount + tax_amount AS gross
FROM invoices
WHERE journal_entry_id IS NULL
ORDER BY issued_on, invoice_no;

-- @id: finance.q050
-- Invoice gross versus the receivable or payable booked in its journal entry.
SELECT i.invoice_no,
       i.net_amount + i.tax_amount AS invoice_gross,
       SUM(CASE WHEN a.account_code = '1200' THEN l.debit
                WHEN a.account_code = '2110' THEN l.credit
                ELSE 0 END) AS booked_gross
FROM invoices i
JOIN ledger_lines l ON l.journal_entry_id = i.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
GROUP BY i.invoice_no, i.net_amount, i.tax_amount
HAVING ROUND(i.net_amount + i.tax_amount
             - SUM(CASE WHEN a.account_code = '1200' THEN l.debit
                        WHEN a.account_code = '2110' THEN l.credit
                        ELSE 0 END), 2) <> 0
ORDER BY i.invoice_no;

-- @id: finance.q051
-- Each entity's largest receivable invoice, found with a scalar subquery.
SELECT e.entity_name,
       i.invoice_no,
       i.currency_code,
       i.net_amount,
       c.counterparty_name
FROM legal_entities e
JOIN invoices i ON i.entity_id = e.entity_id
JOIN counterparties c ON c.counterparty_id = i.counterparty_id
WHERE i.direction = 'ar'
  AND i.net_amount = (SELECT MAX(i2.net_amount)
                      FROM invoices i2
                      WHERE i2.entity_id = e.entity_id
                        AND i2.direction = 'ar'
                        AND i2.currency_code = e.base_currency)
ORDER BY e.entity_id, i.invoice_no;

-- @id: finance.q052
-- Ledger lines more than five times the typical size for their account.
SELECT l.ledger_line_id,
       a.account_code,
       l.debit + l.credit AS line_amount
FROM ledger_lines l
JOIN accounts a ON a.account_id = l.account_id
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
WHERE j.currency_code = 'USD'
  AND l.debit + l.credit > 5 * (
        SELECT AVG(l2.debit + l2.credit)
        FROM ledger_lines l2
        JOIN journal_entries j2 ON j2.journal_entry_id = l2.journal_entry_id
        WHERE l2.account_id = l.account_id
          AND j2.currency_code = 'USD')
ORDER BY line_amount DESC, l.ledger_line_id;

-- @id: finance.q053
-- Accumulated depreciation per entity over time.
SELECT j.entity_id,
       p.fiscal_year,
       p.fiscal_month,
       SUM(l.debit) AS depreciation,
       SUM(SUM(l.debit)) OVER (PARTITION BY j.entity_id
                               ORDER BY p.fiscal_year, p.fiscal_month
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS accumulated
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN fiscal_periods p ON p.fiscal_period_id = j.fiscal_period_id
JOIN accounts a ON a.account_id = l.account_id
WHERE a.account_code = '6930'
GROUP BY j.entity_id, p.fiscal_year, p.fiscal_month
ORDER BY j.entity_id, p.fiscal_year, p.fiscal_month;

-- @id: finance.q054
-- Retained earnings movements per entity and year (opening, closing, other).
SELECT j.entity_id,
       SUBSTR(CAST(j.posted_on AS CHAR(10)), 1, 4) AS yr,
       j.origin,
       SUM(l.credit - l.debit) AS credit_movement
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE a.account_code = '3200'
GROUP BY j.entity_id, SUBSTR(CAST(j.posted_on AS CHAR(10)), 1, 4), j.origin
ORDER BY j.entity_id, yr, j.origin;

-- @id: finance.q055
-- Income statement 2024 per entity: revenue, cost of sales, gross margin,
-- operating expenses by group, operating result, other items and net result.
WITH pl AS (
    SELECT j.entity_id,
           a.account_code,
           a.account_type,
           SUM(l.credit - l.debit) AS credit_balance
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN legal_entities e  ON e.entity_id = j.entity_id
    JOIN accounts a        ON a.account_id = l.account_id
    WHERE j.posted_on >= '2024-01-01'
      AND j.posted_on <= '2024-12-31'
      AND j.origin <> 'closing'
      AND j.currency_code = e.base_currency
      AND a.account_type IN ('revenue', 'expense')
    GROUP BY j.entity_id, a.account_code, a.account_type
),
lines_by_group AS (
    SELECT entity_id,
           CASE
               WHEN account_code LIKE '49%' THEN 'other_income'
               WHEN account_code LIKE '4%'  THEN 'revenue'
               WHEN account_code LIKE '5%'  THEN 'cost_of_sales'
               WHEN account_code LIKE '61%' THEN 'personnel'
               WHEN account_code LIKE '69%' THEN 'other_expense'
               ELSE 'other_opex'
           END AS pl_group,
           credit_balance
    FROM pl
),
pivoted AS (
    SELECT entity_id,
           SUM(CASE WHEN pl_group = 'revenue'       THEN credit_balance ELSE 0 END) AS revenue,
           SUM(CASE WHEN pl_group = 'cost_of_sales' THEN -credit_balance ELSE 0 END) AS cost_of_sales,
           SUM(CASE WHEN pl_group = 'personnel'     THEN -credit_balance ELSE 0 END) AS personnel,
           SUM(CASE WHEN pl_group = 'other_opex'    THEN -credit_balance ELSE 0 END) AS other_opex,
           SUM(CASE WHEN pl_group = 'other_income'  THEN credit_balance ELSE 0 END) AS other_income,
           SUM(CASE WHEN pl_group = 'other_expense' THEN -credit_balance ELSE 0 END) AS other_expense
    FROM lines_by_group
    GROUP BY entity_id
)
SELECT e.entity_name,
       e.base_currency,
       p.revenue,
       p.cost_of_sales,
       p.revenue - p.cost_of_sales                                  AS gross_margin,
       ROUND(100.0 * (p.revenue - p.cost_of_sales) / NULLIF(p.revenue, 0), 1) AS gross_margin_pct,
       p.personnel,
       p.other_opex,
       p.revenue - p.cost_of_sales - p.personnel - p.other_opex     AS operating_result,
       p.other_income - p.other_expense                             AS other_result,
       p.revenue - p.cost_of_sales - p.personnel - p.other_opex
         + p.other_income - p.other_expense                         AS net_result
FROM pivoted p
JOIN legal_entities e ON e.entity_id = p.entity_id
ORDER BY e.entity_id;

-- @id: finance.q056
-- Indented chart of accounts (indent built with SUBSTR of a padding string).
WITH RECURSIVE tree AS (
    SELECT account_id, account_code, account_name, 0 AS depth
    FROM accounts WHERE parent_account_id IS NULL
    UNION ALL
    SELECT a.account_id, a.account_code, a.account_name, t.depth + 1
    FROM accounts a JOIN tree t ON a.parent_account_id = t.account_id
)
SELECT account_code,
       SUBSTR('........', 1, 2 * depth) AS indent,
       account_name,
       depth
FROM tree
ORDER BY account_code;

-- @id: finance.q057
-- Cash movements per quarter, split by the kind of entry that caused them.
SELECT SUBSTR(CAST(j.posted_on AS CHAR(10)), 1, 4) AS yr,
       CASE
           WHEN SUBSTR(CAST(j.posted_on AS CHAR(10)), 6, 2) IN ('01', '02', '03') THEN 'Q1'
           WHEN SUBSTR(CAST(j.posted_on AS CHAR(10)), 6, 2) IN ('04', '05', '06') THEN 'Q2'
           WHEN SUBSTR(CAST(j.posted_on AS CHAR(10)), 6, 2) IN ('07', '08', '09') THEN 'Q3'
           ELSE 'Q4'
       END AS qtr,
       j.origin,
       SUM(l.debit - l.credit) AS net_cash
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE a.account_code = '1110'
  AND j.entity_id = 1
  AND j.currency_code = 'USD'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;

-- @id: finance.q058
-- Entries posted at a year boundary: New Year's Eve and New Year's Day.
SELECT j.entry_no, j.posted_on, j.origin, COUNT(l.ledger_line_id) AS line_count
FROM journal_entries j
LEFT JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
WHERE SUBSTR(CAST(j.posted_on AS CHAR(10)), 6, 5) IN ('12-31', '01-01')
GROUP BY j.entry_no, j.posted_on, j.origin
ORDER BY j.posted_on, j.entry_no;

-- @id: finance.q059
-- Supplier concentration: share of each supplier in total 2024 bills per entity.
SELECT i.entity_id,
       c.counterparty_name,
       SUM(i.net_amount) AS billed,
       ROUND(100.0 * SUM(i.net_amount) / (
             SELECT SUM(i2.net_amount)
             FROM invoices i2
             WHERE i2.entity_id = i.entity_id
               AND i2.direction = 'ap'
               AND i2.currency_code = i.currency_code
               AND i2.issued_on BETWEEN '2024-01-01' AND '2024-12-31'), 1) AS share_pct
FROM invoices i
JOIN counterparties c ON c.counterparty_id = i.counterparty_id
WHERE i.direction = 'ap'
  AND i.issued_on BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY i.entity_id, i.currency_code, c.counterparty_name
ORDER BY i.entity_id, share_pct DESC, c.counterparty_name;

-- @id: finance.q060
-- Counterparties without a tax id that still had invoices, by country.
SELECT COALESCE(c.country_code, '??') AS country,
       COUNT(DISTINCT c.counterparty_id) AS counterparties,
       COUNT(i.invoice_id) AS invoices
FROM counterparties c
JOIN invoices i ON i.counterparty_id = c.counterparty_id
WHERE c.tax_id IS NULL
GROUP BY COALESCE(c.country_code, '??')
ORDER BY counterparties DESC, country;

-- @id: finance.q061
-- @engines: duckdb,postgres
-- Receivables aging as of 2024-12-31 from the exact number of days overdue.
WITH open_items AS (
    SELECT i.invoice_id,
           i.entity_id,
           i.due_on,
           i.net_amount + i.tax_amount - COALESCE((SELECT SUM(p.amount)
                                                   FROM payments p
                                                   WHERE p.invoice_id = i.invoice_id), 0) AS open_amount
    FROM invoices i
    WHERE i.direction = 'ar'
)
SELECT entity_id,
       CASE
           WHEN DATE '2024-12-31' - due_on <= 0 THEN 'not due'
           WHEN DATE '2024-12-31' - due_on <= 30 THEN '1-30'
           WHEN DATE '2024-12-31' - due_on <= 60 THEN '31-60'
           WHEN DATE '2024-12-31' - due_on <= 90 THEN '61-90'
           ELSE '90+'
       END AS bucket,
       COUNT(*) AS invoices,
       SUM(open_amount) AS open_amount,
       MAX(DATE '2024-12-31' - due_on) AS worst_days_overdue
FROM open_items
WHERE open_amount > 0
GROUP BY 1, 2
ORDER BY 1, 2;

-- @id: finance.q062
-- @engines: mysql
-- Receivables aging as of 2024-12-31 from the exact number of days overdue (DATEDIFF).
WITH open_items AS (
    SELECT i.invoice_id,
           i.entity_id,
           i.due_on,
           i.net_amount + i.tax_amount - COALESCE((SELECT SUM(p.amount)
                                                   FROM payments p
                                                   WHERE p.invoice_id = i.invoice_id), 0) AS open_amount
    FROM invoices i
    WHERE i.direction = 'ar'
)
SELECT entity_id,
       CASE
           WHEN DATEDIFF('2024-12-31', due_on) <= 0 THEN 'not due'
           WHEN DATEDIFF('2024-12-31', due_on) <= 30 THEN '1-30'
           WHEN DATEDIFF('2024-12-31', due_on) <= 60 THEN '31-60'
           WHEN DATEDIFF('2024-12-31', due_on) <= 90 THEN '61-90'
           ELSE '90+'
       END AS bucket,
       COUNT(*) AS invoices,
       SUM(open_amount) AS open_amount,
       MAX(DATEDIFF('2024-12-31', due_on)) AS worst_days_overdue
FROM open_items
WHERE open_amount > 0
GROUP BY 1, 2
ORDER BY 1, 2;

-- @id: finance.q063
-- @engines: sqlite
-- Receivables aging as of 2024-12-31 from the exact number of days overdue (julianday).
WITH open_items AS (
    SELECT i.invoice_id,
           i.entity_id,
           i.due_on,
           ROUND(i.net_amount + i.tax_amount - COALESCE((SELECT SUM(p.amount)
                                                         FROM payments p
                                                         WHERE p.invoice_id = i.invoice_id), 0), 2) AS open_amount
    FROM invoices i
    WHERE i.direction = 'ar'
)
SELECT entity_id,
       CASE
           WHEN julianday('2024-12-31') - julianday(due_on) <= 0 THEN 'not due'
           WHEN julianday('2024-12-31') - julianday(due_on) <= 30 THEN '1-30'
           WHEN julianday('2024-12-31') - julianday(due_on) <= 60 THEN '31-60'
           WHEN julianday('2024-12-31') - julianday(due_on) <= 90 THEN '61-90'
           ELSE '90+'
       END AS bucket,
       COUNT(*) AS invoices,
       SUM(open_amount) AS open_amount,
       CAST(MAX(julianday('2024-12-31') - julianday(due_on)) AS INTEGER) AS worst_days_overdue
FROM open_items
WHERE open_amount > 0
GROUP BY 1, 2
ORDER BY 1, 2;

-- @id: finance.q064
-- @engines: duckdb,postgres
-- Average days from invoice to (first) payment, per direction and entity.
SELECT i.direction,
       i.entity_id,
       COUNT(*) AS paid_invoices,
       ROUND(AVG(f.first_paid - i.issued_on), 1) AS avg_days_to_pay,
       MAX(f.first_paid - i.issued_on) AS max_days_to_pay,
       SUM(CASE WHEN f.first_paid > i.due_on THEN 1 ELSE 0 END) AS paid_late
FROM invoices i
JOIN (SELECT invoice_id, MIN(paid_on) AS first_paid FROM payments GROUP BY invoice_id) f
  ON f.invoice_id = i.invoice_id
GROUP BY i.direction, i.entity_id
ORDER BY i.direction, i.entity_id;

-- @id: finance.q065
-- @engines: mysql
-- Average days from invoice to (first) payment, per direction and entity (DATEDIFF).
SELECT i.direction,
       i.entity_id,
       COUNT(*) AS paid_invoices,
       ROUND(AVG(DATEDIFF(f.first_paid, i.issued_on)), 1) AS avg_days_to_pay,
       MAX(DATEDIFF(f.first_paid, i.issued_on)) AS max_days_to_pay,
       SUM(CASE WHEN f.first_paid > i.due_on THEN 1 ELSE 0 END) AS paid_late
FROM invoices i
JOIN (SELECT invoice_id, MIN(paid_on) AS first_paid FROM payments GROUP BY invoice_id) f
  ON f.invoice_id = i.invoice_id
GROUP BY i.direction, i.entity_id
ORDER BY i.direction, i.entity_id;

-- @id: finance.q066
-- @engines: sqlite
-- Average days from invoice to (first) payment, per direction and entity (julianday).
SELECT i.direction,
       i.entity_id,
       COUNT(*) AS paid_invoices,
       ROUND(AVG(julianday(f.first_paid) - julianday(i.issued_on)), 1) AS avg_days_to_pay,
       CAST(MAX(julianday(f.first_paid) - julianday(i.issued_on)) AS INTEGER) AS max_days_to_pay,
       SUM(CASE WHEN f.first_paid > i.due_on THEN 1 ELSE 0 END) AS paid_late
FROM invoices i
JOIN (SELECT invoice_id, MIN(paid_on) AS first_paid FROM payments GROUP BY invoice_id) f
  ON f.invoice_id = i.invoice_id
GROUP BY i.direction, i.entity_id
ORDER BY i.direction, i.entity_id;

-- @id: finance.q067
-- @engines: duckdb,postgres
-- Account codes touched by each manual entry of December 2024, as one string.
SELECT j.entry_no,
       STRING_AGG(a.account_code, ',' ORDER BY l.line_no) AS accounts,
       SUM(l.debit) AS debits
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE j.origin = 'manual'
  AND j.posted_on BETWEEN '2024-12-01' AND '2024-12-31'
GROUP BY j.entry_no
ORDER BY j.entry_no;

-- @id: finance.q068
-- @engines: sqlite
-- Account codes touched by each manual entry of December 2024, as one string.
SELECT j.entry_no,
       group_concat(a.account_code, ',') AS accounts,
       SUM(l.debit) AS debits
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE j.origin = 'manual'
  AND j.posted_on BETWEEN '2024-12-01' AND '2024-12-31'
GROUP BY j.entry_no
ORDER BY j.entry_no;

-- @id: finance.q069
-- @engines: mysql
-- Account codes touched by each manual entry of December 2024, as one string.
SELECT j.entry_no,
       GROUP_CONCAT(a.account_code ORDER BY l.line_no SEPARATOR ',') AS accounts,
       SUM(l.debit) AS debits
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE j.origin = 'manual'
  AND j.posted_on BETWEEN '2024-12-01' AND '2024-12-31'
GROUP BY j.entry_no
ORDER BY j.entry_no;

-- @id: finance.q070
-- @engines: duckdb,postgres,sqlite
-- Entry counts per origin and year with FILTER clauses.
SELECT origin,
       COUNT(*) FILTER (WHERE posted_on BETWEEN '2022-01-01' AND '2022-12-31') AS entries_2022,
       COUNT(*) FILTER (WHERE posted_on BETWEEN '2023-01-01' AND '2023-12-31') AS entries_2023,
       COUNT(*) FILTER (WHERE posted_on BETWEEN '2024-01-01' AND '2024-12-31') AS entries_2024,
       COUNT(*) FILTER (WHERE approved_at IS NULL) AS unapproved
FROM journal_entries
GROUP BY origin
ORDER BY origin;

-- @id: finance.q071
-- @engines: duckdb,postgres,sqlite
-- Monthly budget and actual for Acme Holdings' revenue accounts in 2024,
-- keeping months that have only one of the two.
WITH bud AS (
    SELECT b.fiscal_period_id, b.account_id, SUM(b.amount) AS budget
    FROM budgets b
    WHERE b.entity_id = 1
    GROUP BY b.fiscal_period_id, b.account_id
),
act AS (
    SELECT j.fiscal_period_id, l.account_id, SUM(l.credit - l.debit) AS actual
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN accounts a ON a.account_id = l.account_id
    WHERE j.entity_id = 1 AND j.currency_code = 'USD'
      AND a.account_type = 'revenue' AND j.origin <> 'closing'
    GROUP BY j.fiscal_period_id, l.account_id
)
SELECT COALESCE(bud.fiscal_period_id, act.fiscal_period_id) AS fiscal_period_id,
       COALESCE(bud.account_id, act.account_id)             AS account_id,
       bud.budget,
       act.actual
FROM bud
FULL OUTER JOIN act
  ON act.fiscal_period_id = bud.fiscal_period_id
 AND act.account_id = bud.account_id
WHERE COALESCE(bud.fiscal_period_id, act.fiscal_period_id) >= 25
  AND COALESCE(bud.account_id, act.account_id) IN (SELECT account_id FROM accounts WHERE account_type = 'revenue')
ORDER BY fiscal_period_id, account_id;

-- @id: finance.q072
-- @engines: duckdb,postgres,mysql
-- Account labels "code - name" with CONCAT.
SELECT account_id,
       CONCAT(account_code, ' - ', account_name) AS label,
       account_type
FROM accounts
WHERE is_postable = TRUE
ORDER BY account_code;

-- @id: finance.q073
-- @engines: duckdb,postgres,sqlite
-- Account labels "code - name" with the || operator.
SELECT account_id,
       account_code || ' - ' || account_name AS label,
       account_type
FROM accounts
WHERE is_postable = TRUE
ORDER BY account_code;

-- @id: finance.q074
-- @engines: duckdb,postgres
-- Debits per entity and origin with subtotals and a grand total (ROLLUP).
SELECT j.entity_id,
       j.origin,
       COUNT(*)     AS line_count,
       SUM(l.debit) AS debits
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
GROUP BY ROLLUP (j.entity_id, j.origin)
ORDER BY j.entity_id NULLS LAST, j.origin NULLS LAST;

-- @id: finance.q075
-- @engines: mysql
-- Debits per entity and origin with subtotals and a grand total (WITH ROLLUP).
SELECT j.entity_id,
       j.origin,
       COUNT(*)     AS line_count,
       SUM(l.debit) AS debits
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
GROUP BY j.entity_id, j.origin WITH ROLLUP;

-- @id: finance.q076
-- @engines: duckdb,postgres
-- Latest fixing of every currency (DISTINCT ON).
SELECT DISTINCT ON (currency_code)
       currency_code, rate_date, usd_per_unit
FROM fx_rates
ORDER BY currency_code, rate_date DESC;

-- @id: finance.q077
-- @engines: duckdb,postgres,mysql
-- Invoices settled more than 30 days after they fell due.
SELECT i.invoice_no, i.due_on, MAX(p.paid_on) AS settled_on
FROM invoices i
JOIN payments p ON p.invoice_id = i.invoice_id
GROUP BY i.invoice_no, i.due_on
HAVING MAX(p.paid_on) > i.due_on + INTERVAL '30' DAY
ORDER BY i.due_on, i.invoice_no;

-- @id: finance.q078
-- @engines: duckdb,postgres
-- Median and 90th percentile invoice size per entity and direction.
SELECT entity_id,
       direction,
       COUNT(*) AS invoices,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY net_amount) AS median_net,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY net_amount) AS p90_net
FROM invoices
GROUP BY entity_id, direction
ORDER BY entity_id, direction;

-- @id: finance.q079
-- @engines: duckdb,postgres,mysql
-- Entries per year and quarter using EXTRACT.
SELECT EXTRACT(YEAR FROM posted_on)    AS posted_year,
       EXTRACT(QUARTER FROM posted_on) AS posted_quarter,
       COUNT(*) AS entries
FROM journal_entries
GROUP BY EXTRACT(YEAR FROM posted_on), EXTRACT(QUARTER FROM posted_on)
ORDER BY posted_year, posted_quarter;

-- @id: finance.q080
-- Trial balance of Acme Europe for Q4 2024: opening balance, movements in the
-- quarter and closing balance per account, only accounts with activity.
WITH tb_lines AS (
    SELECT l.account_id,
           j.posted_on,
           l.debit,
           l.credit
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    WHERE j.entity_id = 2
      AND j.currency_code = 'EUR'
),
opening AS (
    SELECT account_id, SUM(debit - credit) AS opening_balance
    FROM tb_lines
    WHERE posted_on < '2024-10-01'
    GROUP BY account_id
),
movement AS (
    SELECT account_id,
           SUM(debit)  AS period_debit,
           SUM(credit) AS period_credit
    FROM tb_lines
    WHERE posted_on BETWEEN '2024-10-01' AND '2024-12-31'
    GROUP BY account_id
),
combined AS (
    SELECT a.account_id,
           a.account_code,
           a.account_name,
           COALESCE(o.opening_balance, 0) AS opening_balance,
           COALESCE(m.period_debit, 0)    AS period_debit,
           COALESCE(m.period_credit, 0)   AS period_credit
    FROM accounts a
    LEFT JOIN opening o  ON o.account_id = a.account_id
    LEFT JOIN movement m ON m.account_id = a.account_id
    WHERE o.account_id IS NOT NULL OR m.account_id IS NOT NULL
)
SELECT account_code,
       account_name,
       ROUND(opening_balance, 2)                               AS opening_balance,
       period_debit,
       period_credit,
       ROUND(opening_balance + period_debit - period_credit, 2) AS closing_balance
FROM combined
UNION ALL
SELECT 'TOTAL', NULL,
       ROUND(SUM(opening_balance), 2),
       SUM(period_debit),
       SUM(period_credit),
       ROUND(SUM(opening_balance + period_debit - period_credit), 2)
FROM combined
ORDER BY account_code;

-- @id: finance.q081
-- Group balance sheet in USD at year-end 2024: every entity's base-currency
-- balances converted at the last fixing of 2024, summed by account type.
WITH last_fixing AS (
    SELECT r.currency_code, r.usd_per_unit
    FROM fx_rates r
    WHERE r.rate_date = (SELECT MAX(r2.rate_date)
                         FROM fx_rates r2
                         WHERE r2.currency_code = r.currency_code
                           AND r2.rate_date <= '2024-12-31')
),
balances AS (
    SELECT j.entity_id,
           e.base_currency,
           a.account_type,
           SUM(l.debit - l.credit) AS debit_balance
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN legal_entities e  ON e.entity_id = j.entity_id
    JOIN accounts a        ON a.account_id = l.account_id
    WHERE j.currency_code = e.base_currency
      AND j.posted_on <= '2024-12-31'
    GROUP BY j.entity_id, e.base_currency, a.account_type
),
converted AS (
    SELECT b.entity_id,
           b.account_type,
           b.debit_balance * CASE WHEN b.base_currency = 'USD' THEN 1
                                  ELSE lf.usd_per_unit END AS debit_balance_usd
    FROM balances b
    LEFT JOIN last_fixing lf ON lf.currency_code = b.base_currency
)
SELECT account_type,
       ROUND(SUM(CASE WHEN entity_id = 1 THEN debit_balance_usd ELSE 0 END), 2) AS holdings_usd,
       ROUND(SUM(CASE WHEN entity_id = 2 THEN debit_balance_usd ELSE 0 END), 2) AS europe_usd,
       ROUND(SUM(CASE WHEN entity_id = 3 THEN debit_balance_usd ELSE 0 END), 2) AS uk_usd,
       ROUND(SUM(CASE WHEN entity_id = 4 THEN debit_balance_usd ELSE 0 END), 2) AS japan_usd,
       ROUND(SUM(debit_balance_usd), 2) AS group_usd
FROM converted
GROUP BY account_type
ORDER BY account_type;

-- @id: finance.q082
-- Invoice-to-cash report per customer: volume, settlement, overdue exposure
-- at 2024-12-31 and the customer's rank by open amount within its currency.
WITH paid AS (
    SELECT invoice_id, SUM(amount) AS paid, MAX(paid_on) AS last_paid_on
    FROM payments
    GROUP BY invoice_id
),
inv AS (
    SELECT i.counterparty_id,
           i.currency_code,
           i.invoice_id,
           i.due_on,
           i.net_amount + i.tax_amount                     AS gross,
           COALESCE(p.paid, 0)                             AS paid,
           ROUND(i.net_amount + i.tax_amount - COALESCE(p.paid, 0), 2) AS open_amount
    FROM invoices i
    LEFT JOIN paid p ON p.invoice_id = i.invoice_id
    WHERE i.direction = 'ar'
),
per_customer AS (
    SELECT counterparty_id,
           currency_code,
           COUNT(*)                                           AS invoices,
           SUM(gross)                                         AS invoiced,
           SUM(paid)                                          AS received,
           SUM(CASE WHEN open_amount > 0 THEN open_amount ELSE 0 END) AS open_amount,
           SUM(CASE WHEN open_amount > 0 AND due_on < '2024-12-31' THEN 1 ELSE 0 END) AS overdue_invoices
    FROM inv
    GROUP BY counterparty_id, currency_code
)
SELECT c.counterparty_name,
       pc.currency_code,
       pc.invoices,
       pc.invoiced,
       pc.received,
       pc.open_amount,
       pc.overdue_invoices,
       c.credit_limit,
       RANK() OVER (PARTITION BY pc.currency_code ORDER BY pc.open_amount DESC) AS open_rank
FROM per_customer pc
JOIN counterparties c ON c.counterparty_id = pc.counterparty_id
ORDER BY pc.currency_code, open_rank, c.counterparty_name;

-- @id: finance.q083
-- Expense roll-up by top-two levels of the chart, per year, for Acme Holdings:
-- every posting is attributed to its ancestor at depth 1.
WITH RECURSIVE walk (account_id, ancestor_id, ancestor_depth) AS (
    SELECT a.account_id, a.account_id, 0
    FROM accounts a
    UNION ALL
    SELECT w.account_id, p.parent_account_id, w.ancestor_depth + 1
    FROM walk w
    JOIN accounts p ON p.account_id = w.ancestor_id
    WHERE p.parent_account_id IS NOT NULL
),
depth AS (
    SELECT account_id, MAX(ancestor_depth) AS depth
    FROM walk
    GROUP BY account_id
),
level_one AS (
    -- the ancestor sitting at depth 1 (or the account itself when it is at depth 0 or 1)
    SELECT w.account_id, w.ancestor_id
    FROM walk w
    JOIN depth d  ON d.account_id = w.account_id
    WHERE d.depth - w.ancestor_depth = CASE WHEN d.depth >= 1 THEN 1 ELSE 0 END
),
spend AS (
    SELECT l.account_id,
           p.fiscal_year,
           SUM(l.debit - l.credit) AS amount
    FROM ledger_lines l
    JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
    JOIN fiscal_periods p  ON p.fiscal_period_id = j.fiscal_period_id
    JOIN accounts a        ON a.account_id = l.account_id
    WHERE j.entity_id = 1 AND j.currency_code = 'USD'
      AND a.account_type = 'expense' AND j.origin <> 'closing'
    GROUP BY l.account_id, p.fiscal_year
)
SELECT g.account_code AS group_code,
       g.account_name AS group_name,
       SUM(CASE WHEN s.fiscal_year = 2022 THEN s.amount ELSE 0 END) AS spend_2022,
       SUM(CASE WHEN s.fiscal_year = 2023 THEN s.amount ELSE 0 END) AS spend_2023,
       SUM(CASE WHEN s.fiscal_year = 2024 THEN s.amount ELSE 0 END) AS spend_2024
FROM spend s
JOIN level_one lo ON lo.account_id = s.account_id
JOIN accounts g   ON g.account_id = lo.ancestor_id
GROUP BY g.account_code, g.account_name
ORDER BY g.account_code;

-- @id: finance.q084
-- Journal entries with a single line (they cannot balance unless the line is zero).
SELECT j.entry_no, j.origin, MIN(l.debit) AS debit, MIN(l.credit) AS credit
FROM journal_entries j
JOIN ledger_lines l ON l.journal_entry_id = j.journal_entry_id
GROUP BY j.entry_no, j.origin
HAVING COUNT(*) = 1
ORDER BY j.entry_no;

-- @id: finance.q085
-- Fixing of every active currency on the last business fixing of each year.
SELECT c.currency_code,
       (SELECT r.usd_per_unit FROM fx_rates r
         WHERE r.currency_code = c.currency_code AND r.rate_date = '2022-12-15') AS fixing_2022,
       (SELECT r.usd_per_unit FROM fx_rates r
         WHERE r.currency_code = c.currency_code AND r.rate_date = '2023-12-15') AS fixing_2023,
       (SELECT r.usd_per_unit FROM fx_rates r
         WHERE r.currency_code = c.currency_code AND r.rate_date = '2024-12-15') AS fixing_2024
FROM currencies c
WHERE c.is_active = TRUE
  AND c.currency_code <> 'USD'
ORDER BY c.currency_code;

-- @id: finance.q086
-- Unbudgeted spend: expense accounts with 2024 postings but no 2024 budget line.
SELECT a.account_code, a.account_name, SUM(l.debit - l.credit) AS spend_mixed_currency
FROM ledger_lines l
JOIN journal_entries j ON j.journal_entry_id = l.journal_entry_id
JOIN accounts a ON a.account_id = l.account_id
WHERE a.account_type = 'expense'
  AND j.posted_on BETWEEN '2024-01-01' AND '2024-12-31'
  AND j.origin <> 'closing'
  AND l.account_id NOT IN (
        SELECT b.account_id
        FROM budgets b
        JOIN fiscal_periods p ON p.fiscal_period_id = b.fiscal_period_id
        WHERE p.fiscal_year = 2024)
GROUP BY a.account_code, a.account_name
ORDER BY a.account_code;

-- @id: finance.q087
-- Distinct entity / invoice currency combinations, foreign ones flagged.
SELECT DISTINCT i.entity_id,
       i.currency_code,
       CASE WHEN i.currency_code = e.base_currency THEN 'base' ELSE 'foreign' END AS currency_kind
FROM invoices i
JOIN legal_entities e ON e.entity_id = i.entity_id
ORDER BY i.entity_id, i.currency_code;

-- @id: finance.q088
-- Entry numbers parsed apart: prefix, two-digit year and sequence gaps per prefix-year.
WITH parsed AS (
    SELECT SUBSTR(entry_no, 1, 2)                      AS prefix,
           SUBSTR(entry_no, 3, 2)                      AS yy,
           CAST(SUBSTR(entry_no, 6, 5) AS INTEGER)     AS seq_no
    FROM journal_entries
)
SELECT prefix,
       yy,
       COUNT(*)     AS entries,
       MIN(seq_no)  AS first_seq,
       MAX(seq_no)  AS last_seq,
       MAX(seq_no) - MIN(seq_no) + 1 - COUNT(*) AS missing_numbers
FROM parsed
GROUP BY prefix, yy
ORDER BY prefix, yy;
