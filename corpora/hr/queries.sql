-- Correct analytics queries over the hr corpus (schema.sql, data.sql).
-- Each query starts at its `-- @id:` line; `-- @engines:` restricts the
-- engines where a dialect makes the query impossible to write portably.
-- The data's "today" is 2024-12-31; active employees have no termination_date.

-- @id: hr.q001
-- Active headcount per department.
SELECT d.id, d.name, COUNT(e.id) AS headcount
FROM departments d
JOIN employees e ON e.department_id = d.id
WHERE e.termination_date IS NULL
GROUP BY d.id, d.name
ORDER BY headcount DESC, d.id;

-- @id: hr.q002
-- Every department including empty ones (LEFT JOIN keeps departments with no
-- active staff).
SELECT d.id,
       d.name,
       d.cost_center,
       COUNT(e.id) AS active_headcount
FROM departments d
LEFT JOIN employees e
       ON e.department_id = d.id
      AND e.termination_date IS NULL
GROUP BY d.id, d.name, d.cost_center
ORDER BY d.id;

-- @id: hr.q003
-- Current salary of every active employee next to the band of their job,
-- converted to USD; only those outside the band.
SELECT e.id,
       e.last_name,
       j.title,
       s.base_salary,
       s.currency,
       ROUND(s.base_salary * fx.usd_rate, 2) AS salary_usd,
       j.min_salary,
       j.max_salary,
       CASE WHEN s.base_salary * fx.usd_rate < j.min_salary THEN 'below band'
            ELSE 'above band' END AS band_position
FROM employees e
JOIN jobs j      ON j.id = e.job_id
JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
JOIN fx_rates fx ON fx.currency = s.currency
WHERE e.termination_date IS NULL
  AND (s.base_salary * fx.usd_rate < j.min_salary OR s.base_salary * fx.usd_rate > j.max_salary)
ORDER BY band_position, e.id;

-- @id: hr.q004
-- Average current salary in USD per job family.
SELECT j.job_family,
       COUNT(*) AS employees,
       ROUND(AVG(s.base_salary * fx.usd_rate), 0) AS avg_salary_usd,
       ROUND(MIN(s.base_salary * fx.usd_rate), 0) AS min_salary_usd,
       ROUND(MAX(s.base_salary * fx.usd_rate), 0) AS max_salary_usd
FROM employees e
JOIN jobs j      ON j.id = e.job_id
JOIN salaries s  ON s.employee_id = e.id
JOIN fx_rates fx ON fx.currency = s.currency
WHERE e.termination_date IS NULL
  AND s.effective_to IS NULL
GROUP BY j.job_family
ORDER BY avg_salary_usd DESC;

-- @id: hr.q005
-- Management chain of one employee, from the person up to the CEO.
WITH RECURSIVE chain AS (
    SELECT id, manager_id, first_name, last_name, job_id, 0 AS steps_up
    FROM employees
    WHERE id = 640
    UNION ALL
    SELECT m.id, m.manager_id, m.first_name, m.last_name, m.job_id, c.steps_up + 1
    FROM employees m
    JOIN chain c ON m.id = c.manager_id
)
SELECT c.steps_up, c.id, c.first_name, c.last_name, j.title
FROM chain c
JOIN jobs j ON j.id = c.job_id
ORDER BY c.steps_up;

-- @id: hr.q006
-- Everyone below the VP who runs Sales (employee 8's organisation), per depth.
WITH RECURSIVE org AS (
    SELECT id, 0 AS depth
    FROM employees
    WHERE id = (SELECT e.id
                FROM employees e
                JOIN jobs j ON j.id = e.job_id
                WHERE j.title = 'VP Sales')
    UNION ALL
    SELECT e.id, o.depth + 1
    FROM employees e
    JOIN org o ON e.manager_id = o.id
)
SELECT depth, COUNT(*) AS people
FROM org
GROUP BY depth
ORDER BY depth;

-- @id: hr.q007
-- Depth of every employee in the reporting tree, summarised per department.
WITH RECURSIVE tree AS (
    SELECT id, department_id, 0 AS depth
    FROM employees
    WHERE manager_id IS NULL
    UNION ALL
    SELECT e.id, e.department_id, t.depth + 1
    FROM employees e
    JOIN tree t ON e.manager_id = t.id
)
SELECT d.name AS department,
       COUNT(*) AS employees,
       MIN(t.depth) AS shallowest,
       MAX(t.depth) AS deepest,
       ROUND(AVG(t.depth), 2) AS avg_depth
FROM tree t
JOIN departments d ON d.id = t.department_id
GROUP BY d.id, d.name
ORDER BY deepest DESC, d.id;

-- @id: hr.q008
-- Span of control: managers with more than 8 active direct reports.
SELECT m.id, m.first_name, m.last_name, COUNT(*) AS direct_reports
FROM employees m
JOIN employees r ON r.manager_id = m.id
WHERE r.termination_date IS NULL
GROUP BY m.id, m.first_name, m.last_name
HAVING COUNT(*) > 8
ORDER BY direct_reports DESC, m.id;

-- @id: hr.q009
-- People managers (by job) who currently manage nobody.
SELECT e.id, e.first_name, e.last_name, j.title
FROM employees e
JOIN jobs j ON j.id = e.job_id
WHERE j.is_people_manager = TRUE
  AND e.termination_date IS NULL
  AND NOT EXISTS (SELECT 1
                  FROM employees r
                  WHERE r.manager_id = e.id
                    AND r.termination_date IS NULL)
ORDER BY e.id;

-- @id: hr.q010
-- Employees who earn more (in USD) than their own manager today.
SELECT e.id AS employee_id,
       m.id AS manager_id,
       ROUND(se.base_salary * fe.usd_rate, 0) AS employee_usd,
       ROUND(sm.base_salary * fm.usd_rate, 0) AS manager_usd
FROM employees e
JOIN employees m  ON m.id = e.manager_id
JOIN salaries se  ON se.employee_id = e.id AND se.effective_to IS NULL
JOIN salaries sm  ON sm.employee_id = m.id AND sm.effective_to IS NULL
JOIN fx_rates fe  ON fe.currency = se.currency
JOIN fx_rates fm  ON fm.currency = sm.currency
WHERE e.termination_date IS NULL
  AND m.termination_date IS NULL
  AND se.base_salary * fe.usd_rate > sm.base_salary * fm.usd_rate
ORDER BY se.base_salary * fe.usd_rate - sm.base_salary * fm.usd_rate DESC, e.id;

-- @id: hr.q011
-- Salary history with the change against the previous record (LAG).
SELECT employee_id,
       effective_from,
       base_salary,
       LAG(base_salary) OVER (PARTITION BY employee_id ORDER BY effective_from) AS previous_salary,
       ROUND(100.0 * (base_salary - LAG(base_salary) OVER (PARTITION BY employee_id ORDER BY effective_from))
             / LAG(base_salary) OVER (PARTITION BY employee_id ORDER BY effective_from), 2) AS raise_pct,
       change_reason
FROM salaries
WHERE employee_id BETWEEN 100 AND 140
ORDER BY employee_id, effective_from;

-- @id: hr.q012
-- The 15 largest single raises (percent) since 2023.
WITH changes AS (
    SELECT employee_id,
           effective_from,
           change_reason,
           base_salary,
           LAG(base_salary) OVER (PARTITION BY employee_id ORDER BY effective_from) AS prev_salary
    FROM salaries
)
SELECT employee_id,
       effective_from,
       change_reason,
       prev_salary,
       base_salary,
       ROUND(100.0 * (base_salary - prev_salary) / prev_salary, 2) AS raise_pct
FROM changes
WHERE prev_salary IS NOT NULL
  AND effective_from >= '2023-01-01'
ORDER BY raise_pct DESC, employee_id, effective_from
LIMIT 15;

-- @id: hr.q013
-- Running payroll (USD) of the Platform Engineering department in hiring order.
SELECT e.id,
       e.hire_date,
       ROUND(s.base_salary * fx.usd_rate, 2) AS salary_usd,
       ROUND(SUM(s.base_salary * fx.usd_rate) OVER (ORDER BY e.hire_date, e.id
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 2) AS running_payroll_usd
FROM employees e
JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
JOIN fx_rates fx ON fx.currency = s.currency
WHERE e.department_id = 3
  AND e.termination_date IS NULL
ORDER BY e.hire_date, e.id;

-- @id: hr.q014
-- Salary rank of each active employee inside their department (USD).
WITH current_pay AS (
    SELECT e.id, e.department_id, s.base_salary * fx.usd_rate AS salary_usd
    FROM employees e
    JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE e.termination_date IS NULL
)
SELECT department_id,
       id,
       ROUND(salary_usd, 0) AS salary_usd,
       RANK()       OVER (PARTITION BY department_id ORDER BY salary_usd DESC) AS salary_rank,
       DENSE_RANK() OVER (PARTITION BY department_id ORDER BY salary_usd DESC) AS dense_salary_rank
FROM current_pay
WHERE department_id IN (5, 13, 22)
ORDER BY department_id, salary_rank, id;

-- @id: hr.q015
-- Hires and leavers per calendar year side by side.
WITH events AS (
    SELECT SUBSTR(CAST(hire_date AS CHAR(10)), 1, 4) AS yr, 1 AS hired, 0 AS left_company
    FROM employees
    UNION ALL
    SELECT SUBSTR(CAST(termination_date AS CHAR(10)), 1, 4), 0, 1
    FROM employees
    WHERE termination_date IS NOT NULL
)
SELECT yr,
       SUM(hired) AS hires,
       SUM(left_company) AS leavers,
       SUM(hired) - SUM(left_company) AS net_change
FROM events
GROUP BY yr
ORDER BY yr;

-- @id: hr.q016
-- Attrition per top-level department and year: leavers divided by the
-- average of the headcount at the start and at the end of the year.
WITH RECURSIVE dept_root AS (
    SELECT id, id AS root_id
    FROM departments
    WHERE parent_id IS NULL
    UNION ALL
    SELECT d.id, r.root_id
    FROM departments d
    JOIN dept_root r ON d.parent_id = r.id
),
years AS (
    SELECT 2022 AS yr, DATE('2022-01-01') AS first_day, DATE('2022-12-31') AS last_day
    UNION ALL SELECT 2023, DATE('2023-01-01'), DATE('2023-12-31')
    UNION ALL SELECT 2024, DATE('2024-01-01'), DATE('2024-12-31')
),
staff AS (
    SELECT e.id, r.root_id, e.hire_date, e.termination_date
    FROM employees e
    JOIN dept_root r ON r.id = e.department_id
),
per_year AS (
    SELECT s.root_id,
           y.yr,
           SUM(CASE WHEN s.hire_date < y.first_day
                     AND (s.termination_date IS NULL OR s.termination_date >= y.first_day)
                    THEN 1 ELSE 0 END) AS headcount_start,
           SUM(CASE WHEN s.hire_date <= y.last_day
                     AND (s.termination_date IS NULL OR s.termination_date > y.last_day)
                    THEN 1 ELSE 0 END) AS headcount_end,
           SUM(CASE WHEN s.termination_date BETWEEN y.first_day AND y.last_day
                    THEN 1 ELSE 0 END) AS leavers
    FROM staff s
    CROSS JOIN years y
    GROUP BY s.root_id, y.yr
)
SELECT d.name AS top_department,
       p.yr,
       p.headcount_start,
       p.headcount_end,
       p.leavers,
       ROUND(100.0 * p.leavers / NULLIF((p.headcount_start + p.headcount_end) / 2.0, 0), 1) AS attrition_pct
FROM per_year p
JOIN departments d ON d.id = p.root_id
ORDER BY d.id, p.yr;

-- @id: hr.q017
-- @engines: duckdb,postgres
-- Tenure in days of active employees, by employment type (date subtraction).
SELECT employment_type,
       COUNT(*) AS employees,
       MIN(DATE '2024-12-31' - hire_date) AS shortest_days,
       MAX(DATE '2024-12-31' - hire_date) AS longest_days,
       ROUND(AVG(DATE '2024-12-31' - hire_date) / 365.25, 2) AS avg_years
FROM employees
WHERE termination_date IS NULL
GROUP BY employment_type
ORDER BY employment_type;

-- @id: hr.q018
-- @engines: mysql
-- Tenure in days of active employees, by employment type (DATEDIFF).
SELECT employment_type,
       COUNT(*) AS employees,
       MIN(DATEDIFF('2024-12-31', hire_date)) AS shortest_days,
       MAX(DATEDIFF('2024-12-31', hire_date)) AS longest_days,
       ROUND(AVG(DATEDIFF('2024-12-31', hire_date)) / 365.25, 2) AS avg_years
FROM employees
WHERE termination_date IS NULL
GROUP BY employment_type
ORDER BY employment_type;

-- @id: hr.q019
-- @engines: sqlite
-- Tenure in days of active employees, by employment type (julianday).
SELECT employment_type,
       COUNT(*) AS employees,
       CAST(MIN(julianday('2024-12-31') - julianday(hire_date)) AS INTEGER) AS shortest_days,
       CAST(MAX(julianday('2024-12-31') - julianday(hire_date)) AS INTEGER) AS longest_days,
       ROUND(AVG(julianday('2024-12-31') - julianday(hire_date)) / 365.25, 2) AS avg_years
FROM employees
WHERE termination_date IS NULL
GROUP BY employment_type
ORDER BY employment_type;

-- @id: hr.q020
-- Tenure bands by calendar years of service (year arithmetic on the ISO text).
WITH service AS (
    SELECT id,
           2024 - CAST(SUBSTR(CAST(hire_date AS CHAR(10)), 1, 4) AS INTEGER) AS service_years
    FROM employees
    WHERE termination_date IS NULL
)
SELECT CASE
           WHEN service_years < 1 THEN '0 - new this year'
           WHEN service_years < 3 THEN '1-2 years'
           WHEN service_years < 5 THEN '3-4 years'
           WHEN service_years < 10 THEN '5-9 years'
           ELSE '10+ years'
       END AS tenure_band,
       COUNT(*) AS employees
FROM service
GROUP BY CASE
             WHEN service_years < 1 THEN '0 - new this year'
             WHEN service_years < 3 THEN '1-2 years'
             WHEN service_years < 5 THEN '3-4 years'
             WHEN service_years < 10 THEN '5-9 years'
             ELSE '10+ years'
         END
ORDER BY MIN(service_years);

-- @id: hr.q021
-- Hires on calendar edge days: new year, leap day and last day of a month.
SELECT id, first_name, last_name, hire_date,
       CASE
           WHEN SUBSTR(CAST(hire_date AS CHAR(10)), 6, 5) = '01-01' THEN 'new year'
           WHEN SUBSTR(CAST(hire_date AS CHAR(10)), 6, 5) = '02-29' THEN 'leap day'
           ELSE 'month end'
       END AS edge
FROM employees
WHERE SUBSTR(CAST(hire_date AS CHAR(10)), 6, 5) IN ('01-01', '02-29', '01-31', '03-31', '06-30', '09-30', '12-31')
ORDER BY hire_date, id;

-- @id: hr.q022
-- Directory entries: initials, upper-case surname and e-mail user name.
select id,
       upper(substr(first_name, 1, 1)) as first_initial,
       upper(substr(last_name, 1, 1))  as last_initial,
       upper(last_name)                as surname,
       lower(replace(email, '@corp.test', '')) as login_name,
       length(email) as email_length
from employees
where department_id = 22
order by surname, id;

-- @id: hr.q023
-- Name to display: the preferred name when one is set (blank values and
-- stray spaces ignored), otherwise the first name.
SELECT id,
       first_name,
       preferred_name,
       COALESCE(NULLIF(TRIM(preferred_name), ''), first_name) AS display_first_name
FROM employees
WHERE preferred_name IS NOT NULL
ORDER BY id;

-- @id: hr.q024
-- Different people who share the same full name.
SELECT first_name, last_name, COUNT(*) AS people, MIN(id) AS first_id, MAX(id) AS last_id
FROM employees
GROUP BY first_name, last_name
HAVING COUNT(*) > 1
ORDER BY people DESC, MIN(id);

-- @id: hr.q025
-- Surnames with apostrophes and the longest surnames.
SELECT id, last_name, LENGTH(last_name) AS name_length
FROM employees
WHERE last_name LIKE '%''%'
   OR LENGTH(last_name) > 30
ORDER BY name_length DESC, id;

-- @id: hr.q026
-- Data quality: employees without any salary record.
SELECT e.id, e.first_name, e.last_name, e.employment_type, e.hire_date
FROM employees e
WHERE NOT EXISTS (SELECT 1 FROM salaries s WHERE s.employee_id = e.id)
ORDER BY e.id;

-- @id: hr.q027
-- Data quality: salary periods of the same employee that overlap.
SELECT a.employee_id,
       a.id AS record_a,
       b.id AS record_b,
       a.effective_from AS a_from,
       a.effective_to   AS a_to,
       b.effective_from AS b_from
FROM salaries a
JOIN salaries b
  ON b.employee_id = a.employee_id
 AND b.effective_from > a.effective_from
 AND b.effective_from <= COALESCE(a.effective_to, '9999-12-31')
ORDER BY a.employee_id, a.id;

-- @id: hr.q028
-- @engines: duckdb,postgres
-- Data quality: gaps between consecutive salary periods (date arithmetic).
WITH ordered AS (
    SELECT employee_id, id, effective_from, effective_to,
           LEAD(effective_from) OVER (PARTITION BY employee_id ORDER BY effective_from) AS next_from
    FROM salaries
)
SELECT employee_id, id, effective_to, next_from,
       next_from - effective_to - 1 AS gap_days
FROM ordered
WHERE next_from IS NOT NULL
  AND next_from - effective_to > 1
ORDER BY employee_id, id;

-- @id: hr.q029
-- @engines: mysql
-- Data quality: gaps between consecutive salary periods (DATEDIFF).
WITH ordered AS (
    SELECT employee_id, id, effective_from, effective_to,
           LEAD(effective_from) OVER (PARTITION BY employee_id ORDER BY effective_from) AS next_from
    FROM salaries
)
SELECT employee_id, id, effective_to, next_from,
       DATEDIFF(next_from, effective_to) - 1 AS gap_days
FROM ordered
WHERE next_from IS NOT NULL
  AND DATEDIFF(next_from, effective_to) > 1
ORDER BY employee_id, id;

-- @id: hr.q030
-- Over-allocated people: open assignments adding up to more than 100%.
SELECT pa.employee_id,
       COUNT(*) AS open_assignments,
       SUM(pa.allocation_pct) AS total_allocation_pct
FROM project_assignments pa
JOIN projects p ON p.id = pa.project_id
WHERE pa.released_on IS NULL
  AND p.status IN ('active', 'on_hold')
GROUP BY pa.employee_id
HAVING SUM(pa.allocation_pct) > 100
ORDER BY total_allocation_pct DESC, pa.employee_id;

-- @id: hr.q031
-- Projects whose lead is missing or no longer with the company.
SELECT p.code,
       p.name,
       p.status,
       p.lead_employee_id,
       CASE WHEN p.lead_employee_id IS NULL THEN 'no lead'
            ELSE 'lead has left' END AS problem
FROM projects p
LEFT JOIN employees e ON e.id = p.lead_employee_id
WHERE p.status NOT IN ('done', 'cancelled')
  AND (p.lead_employee_id IS NULL OR e.termination_date IS NOT NULL)
ORDER BY p.code;

-- @id: hr.q032
-- Project cost estimate: logged hours priced at each person's current hourly
-- rate (USD salary / 2080 hours), against the project budget.
WITH hourly_rate AS (
    SELECT s.employee_id,
           s.base_salary * fx.usd_rate / 2080.0 AS usd_per_hour
    FROM salaries s
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE s.id IN (SELECT MAX(s2.id) FROM salaries s2 GROUP BY s2.employee_id)
),
project_cost AS (
    SELECT pa.project_id,
           COUNT(*) AS team_size,
           SUM(pa.hours_logged) AS hours,
           SUM(pa.hours_logged * hr.usd_per_hour) AS labour_cost_usd
    FROM project_assignments pa
    JOIN hourly_rate hr ON hr.employee_id = pa.employee_id
    GROUP BY pa.project_id
)
SELECT p.code,
       p.status,
       pc.team_size,
       pc.hours,
       ROUND(pc.labour_cost_usd, 0) AS labour_cost_usd,
       p.budget,
       ROUND(100.0 * pc.labour_cost_usd / NULLIF(p.budget, 0), 1) AS budget_used_pct,
       CASE
           WHEN p.budget IS NULL THEN 'no budget'
           WHEN p.budget = 0 THEN 'zero budget'
           WHEN pc.labour_cost_usd > p.budget THEN 'over budget'
           WHEN pc.labour_cost_usd > 0.8 * p.budget THEN 'at risk'
           ELSE 'on track'
       END AS budget_health
FROM projects p
JOIN project_cost pc ON pc.project_id = p.id
ORDER BY budget_health, p.code;

-- @id: hr.q033
-- Active full-time staff who are on no project at all, per department.
SELECT d.name,
       COUNT(*) AS unassigned
FROM employees e
JOIN departments d ON d.id = e.department_id
WHERE e.termination_date IS NULL
  AND e.employment_type = 'full_time'
  AND e.id NOT IN (SELECT pa.employee_id FROM project_assignments pa)
GROUP BY d.id, d.name
ORDER BY unassigned DESC, d.id;

-- @id: hr.q034
-- Assignments of people to projects owned by another department.
SELECT p.code,
       pd.name AS project_department,
       ed.name AS employee_department,
       COUNT(*) AS people
FROM project_assignments pa
JOIN projects p     ON p.id = pa.project_id
JOIN employees e    ON e.id = pa.employee_id
JOIN departments pd ON pd.id = p.department_id
JOIN departments ed ON ed.id = e.department_id
WHERE e.department_id <> p.department_id
GROUP BY p.code, pd.name, ed.id, ed.name
HAVING COUNT(*) >= 2
ORDER BY p.code, people DESC, ed.id;

-- @id: hr.q035
-- People who both lead a project and manage people.
SELECT lead_employee_id AS employee_id
FROM projects
WHERE lead_employee_id IS NOT NULL
INTERSECT
SELECT manager_id
FROM employees
WHERE manager_id IS NOT NULL
ORDER BY employee_id;

-- @id: hr.q036
-- Managers of active staff who wrote no performance review in 2024.
SELECT DISTINCT manager_id
FROM employees
WHERE manager_id IS NOT NULL
  AND termination_date IS NULL
EXCEPT
SELECT reviewer_id
FROM performance_reviews
WHERE review_period LIKE '2024-%'
  AND reviewer_id IS NOT NULL
ORDER BY manager_id;

-- @id: hr.q037
-- One contact list of project leads and people managers, with their role.
SELECT e.id, e.email, 'project lead' AS contact_role
FROM employees e
WHERE e.id IN (SELECT lead_employee_id FROM projects WHERE status = 'active')
UNION
SELECT e.id, e.email, 'people manager'
FROM employees e
JOIN jobs j ON j.id = e.job_id
WHERE j.is_people_manager = TRUE
  AND e.termination_date IS NULL
  AND e.department_id IN (3, 4, 5)
ORDER BY contact_role, id;

-- @id: hr.q038
-- Average performance score per department and review period (pivot).
SELECT d.name AS department,
       ROUND(AVG(CASE WHEN pr.review_period = '2023-H2' THEN pr.score END), 2) AS h2_2023,
       ROUND(AVG(CASE WHEN pr.review_period = '2024-H1' THEN pr.score END), 2) AS h1_2024,
       ROUND(AVG(CASE WHEN pr.review_period = '2024-H2' THEN pr.score END), 2) AS h2_2024,
       COUNT(*) AS reviews
FROM performance_reviews pr
JOIN employees e   ON e.id = pr.employee_id
JOIN departments d ON d.id = e.department_id
GROUP BY d.id, d.name
HAVING COUNT(*) >= 10
ORDER BY d.id;

-- @id: hr.q039
-- Score trend per employee between consecutive reviews.
WITH scored AS (
    SELECT employee_id, review_period, score,
           LAG(score) OVER (PARTITION BY employee_id ORDER BY review_period) AS previous_score
    FROM performance_reviews
)
SELECT review_period,
       SUM(CASE WHEN score > previous_score THEN 1 ELSE 0 END) AS improved,
       SUM(CASE WHEN score = previous_score THEN 1 ELSE 0 END) AS unchanged,
       SUM(CASE WHEN score < previous_score THEN 1 ELSE 0 END) AS declined,
       SUM(CASE WHEN previous_score IS NULL THEN 1 ELSE 0 END) AS first_review
FROM scored
GROUP BY review_period
ORDER BY review_period;

-- @id: hr.q040
-- Pay for performance: did the 2024 merit cycle reward the 2023-H2 scores?
WITH raises_2024 AS (
    SELECT s.employee_id,
           s.change_reason,
           100.0 * (s.base_salary - prev.base_salary) / prev.base_salary AS raise_pct
    FROM salaries s
    JOIN salaries prev
      ON prev.employee_id = s.employee_id
     AND prev.effective_to IS NOT NULL
     AND prev.effective_from < s.effective_from
     AND NOT EXISTS (SELECT 1
                     FROM salaries mid
                     WHERE mid.employee_id = s.employee_id
                       AND mid.effective_from > prev.effective_from
                       AND mid.effective_from < s.effective_from)
    WHERE s.effective_from = '2024-04-01'
),
scores AS (
    SELECT employee_id, score
    FROM performance_reviews
    WHERE review_period = '2023-H2'
)
SELECT sc.score,
       COUNT(r.employee_id) AS reviewed_and_raised,
       ROUND(AVG(r.raise_pct), 2) AS avg_raise_pct,
       ROUND(MAX(r.raise_pct), 2) AS max_raise_pct,
       SUM(CASE WHEN r.change_reason = 'promotion' THEN 1 ELSE 0 END) AS promotions
FROM scores sc
LEFT JOIN raises_2024 r ON r.employee_id = sc.employee_id
GROUP BY sc.score
ORDER BY sc.score DESC;

-- @id: hr.q041
-- Reviewer leniency: each reviewer's average score against the overall mean.
SELECT pr.reviewer_id,
       COUNT(*) AS reviews_written,
       ROUND(AVG(pr.score), 2) AS avg_given,
       ROUND(AVG(pr.score) - (SELECT AVG(score) FROM performance_reviews), 2) AS vs_overall
FROM performance_reviews pr
WHERE pr.reviewer_id IS NOT NULL
GROUP BY pr.reviewer_id
HAVING COUNT(*) >= 6
ORDER BY vs_overall DESC, pr.reviewer_id;

-- @id: hr.q042
-- Reviews written by someone other than the employee's manager, or by nobody.
SELECT pr.id,
       pr.employee_id,
       e.manager_id,
       pr.reviewer_id,
       CASE WHEN pr.reviewer_id IS NULL THEN 'no reviewer'
            WHEN pr.reviewer_id = m.manager_id THEN 'skip-level'
            ELSE 'other' END AS reviewer_kind
FROM performance_reviews pr
JOIN employees e ON e.id = pr.employee_id
LEFT JOIN employees m ON m.id = e.manager_id
WHERE pr.reviewer_id IS NULL
   OR e.manager_id IS NULL
   OR pr.reviewer_id <> e.manager_id
ORDER BY pr.id;

-- @id: hr.q043
-- Leave taken per type in 2024: approved, rejected and still pending.
SELECT leave_type,
       COUNT(*) AS requests,
       SUM(CASE WHEN approved = TRUE THEN days ELSE 0 END) AS approved_days,
       SUM(CASE WHEN approved = FALSE THEN 1 ELSE 0 END) AS rejected,
       SUM(CASE WHEN approved IS NULL THEN 1 ELSE 0 END) AS pending
FROM leave_requests
WHERE start_date BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY leave_type
ORDER BY approved_days DESC, leave_type;

-- @id: hr.q044
-- Leave that spans a year boundary.
SELECT lr.id, lr.employee_id, lr.leave_type, lr.start_date, lr.end_date, lr.days
FROM leave_requests lr
WHERE SUBSTR(CAST(lr.start_date AS CHAR(10)), 1, 4) <> SUBSTR(CAST(lr.end_date AS CHAR(10)), 1, 4)
ORDER BY lr.start_date, lr.id;

-- @id: hr.q045
-- Remote and on-site staff per office.
SELECT l.city,
       l.region,
       SUM(CASE WHEN e.is_remote THEN 1 ELSE 0 END) AS remote,
       SUM(CASE WHEN e.is_remote THEN 0 ELSE 1 END) AS on_site,
       ROUND(100.0 * SUM(CASE WHEN e.is_remote THEN 1 ELSE 0 END) / COUNT(*), 1) AS remote_pct
FROM employees e
JOIN locations l ON l.id = e.location_id
WHERE e.termination_date IS NULL
GROUP BY l.id, l.city, l.region
ORDER BY l.id;

-- @id: hr.q046
-- Pay gap by job: average USD salary of women and men holding the same job,
-- only for jobs with at least three of each.
WITH current_pay AS (
    SELECT e.id, e.job_id, e.gender, s.base_salary * fx.usd_rate AS salary_usd
    FROM employees e
    JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE e.termination_date IS NULL
      AND e.employment_type = 'full_time'
),
by_gender AS (
    SELECT job_id,
           SUM(CASE WHEN gender = 'F' THEN 1 ELSE 0 END) AS women,
           SUM(CASE WHEN gender = 'M' THEN 1 ELSE 0 END) AS men,
           AVG(CASE WHEN gender = 'F' THEN salary_usd END) AS avg_women,
           AVG(CASE WHEN gender = 'M' THEN salary_usd END) AS avg_men,
           SUM(CASE WHEN gender IS NULL OR gender = 'X' THEN 1 ELSE 0 END) AS other_or_unknown
    FROM current_pay
    GROUP BY job_id
)
SELECT j.title,
       bg.women,
       bg.men,
       bg.other_or_unknown,
       ROUND(bg.avg_women, 2) AS avg_women_usd,
       ROUND(bg.avg_men, 2) AS avg_men_usd,
       ROUND(100.0 * (bg.avg_men - bg.avg_women) / bg.avg_men, 1) AS gap_pct
FROM by_gender bg
JOIN jobs j ON j.id = bg.job_id
WHERE bg.women >= 3 AND bg.men >= 3
ORDER BY gap_pct DESC, j.title;

-- @id: hr.q047
-- Compa-ratio: current USD salary divided by the midpoint of the job band.
SELECT e.id,
       j.title,
       j.grade,
       ROUND(s.base_salary * fx.usd_rate / ((j.min_salary + j.max_salary) / 2.0), 3) AS compa_ratio
FROM employees e
JOIN jobs j      ON j.id = e.job_id
JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
JOIN fx_rates fx ON fx.currency = s.currency
WHERE e.termination_date IS NULL
  AND j.grade >= 6
ORDER BY compa_ratio DESC, e.id;

-- @id: hr.q048
-- Salary quartiles (USD) of active full-time staff.
WITH pay AS (
    SELECT e.id, s.base_salary * fx.usd_rate AS salary_usd
    FROM employees e
    JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE e.termination_date IS NULL AND e.employment_type = 'full_time'
)
SELECT quartile,
       COUNT(*) AS employees,
       ROUND(MIN(salary_usd), 0) AS from_usd,
       ROUND(MAX(salary_usd), 0) AS to_usd
FROM (SELECT id, salary_usd, NTILE(4) OVER (ORDER BY salary_usd, id) AS quartile FROM pay) q
GROUP BY quartile
ORDER BY quartile;

-- @id: hr.q049
-- @engines: duckdb,postgres
-- Median current salary per currency (ordered-set aggregate).
SELECT s.currency,
       COUNT(*) AS employees,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.base_salary) AS median_salary
FROM salaries s
JOIN employees e ON e.id = s.employee_id
WHERE s.effective_to IS NULL AND e.termination_date IS NULL
GROUP BY s.currency
ORDER BY s.currency;

-- @id: hr.q050
-- @engines: mysql
-- Median current salary per currency (MariaDB only has the window form).
SELECT DISTINCT s.currency,
       COUNT(*) OVER (PARTITION BY s.currency) AS employees,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.base_salary) OVER (PARTITION BY s.currency) AS median_salary
FROM salaries s
JOIN employees e ON e.id = s.employee_id
WHERE s.effective_to IS NULL AND e.termination_date IS NULL
ORDER BY s.currency;

-- @id: hr.q051
-- Department budget rolled up the department tree (recursive closure).
WITH RECURSIVE closure (ancestor_id, descendant_id, distance) AS (
    SELECT id, id, 0 FROM departments
    UNION ALL
    SELECT c.ancestor_id, d.id, c.distance + 1
    FROM closure c
    JOIN departments d ON d.parent_id = c.descendant_id
)
SELECT a.id,
       a.name,
       COUNT(*) AS departments_in_subtree,
       MAX(c.distance) AS subtree_height,
       SUM(d.annual_budget) AS subtree_budget,
       SUM(CASE WHEN d.annual_budget IS NULL THEN 1 ELSE 0 END) AS unbudgeted
FROM closure c
JOIN departments a ON a.id = c.ancestor_id
JOIN departments d ON d.id = c.descendant_id
GROUP BY a.id, a.name
ORDER BY a.id;

-- @id: hr.q052
-- @engines: duckdb,postgres,sqlite
-- Department breadcrumb paths (|| concatenation).
WITH RECURSIVE dept_path AS (
    SELECT id, CAST(name AS VARCHAR(300)) AS path, 0 AS depth
    FROM departments
    WHERE parent_id IS NULL
    UNION ALL
    SELECT d.id, CAST(p.path || ' / ' || d.name AS VARCHAR(300)), p.depth + 1
    FROM departments d
    JOIN dept_path p ON d.parent_id = p.id
)
SELECT id, depth, path
FROM dept_path
ORDER BY path;

-- @id: hr.q053
-- @engines: mysql,postgres,duckdb
-- Department breadcrumb paths (CONCAT).
WITH RECURSIVE dept_path AS (
    SELECT id, CAST(name AS VARCHAR(300)) AS path, 0 AS depth
    FROM departments
    WHERE parent_id IS NULL
    UNION ALL
    SELECT d.id, CAST(CONCAT(p.path, ' / ', d.name) AS VARCHAR(300)), p.depth + 1
    FROM departments d
    JOIN dept_path p ON d.parent_id = p.id
)
SELECT id, depth, path
FROM dept_path
ORDER BY id;

-- @id: hr.q054
-- Skip-level view: employee, manager and the manager's manager.
SELECT e.id   AS employee_id,
       m.id   AS manager_id,
       mm.id  AS skip_level_id,
       jm.title  AS manager_title,
       jmm.title AS skip_level_title
FROM employees e
JOIN employees m   ON m.id = e.manager_id
JOIN employees mm  ON mm.id = m.manager_id
JOIN jobs jm       ON jm.id = m.job_id
JOIN jobs jmm      ON jmm.id = mm.job_id
WHERE e.department_id = 12
  AND e.termination_date IS NULL
ORDER BY mm.id, m.id, e.id;

-- @id: hr.q055
-- Reporting lines that cross departments (manager in another department).
SELECT ed.name AS employee_department,
       md.name AS manager_department,
       COUNT(*) AS reporting_lines
FROM employees e
JOIN employees m    ON m.id = e.manager_id
JOIN departments ed ON ed.id = e.department_id
JOIN departments md ON md.id = m.department_id
WHERE e.department_id <> m.department_id
GROUP BY ed.id, ed.name, md.id, md.name
ORDER BY reporting_lines DESC, ed.id, md.id;

-- @id: hr.q056
-- Reporting lines that cross offices, per region pair.
SELECT le.region AS employee_region,
       lm.region AS manager_region,
       COUNT(*) AS reporting_lines,
       SUM(CASE WHEN le.id = lm.id THEN 1 ELSE 0 END) AS same_office
FROM employees e
JOIN employees m  ON m.id = e.manager_id
JOIN locations le ON le.id = e.location_id
JOIN locations lm ON lm.id = m.location_id
WHERE e.termination_date IS NULL
GROUP BY le.region, lm.region
ORDER BY le.region, lm.region;

-- @id: hr.q057
-- Annual payroll cost per office in local currency and USD.
SELECT l.city,
       s.currency,
       COUNT(*) AS employees,
       SUM(s.base_salary) AS payroll_local,
       ROUND(SUM(s.base_salary * fx.usd_rate), 2) AS payroll_usd
FROM employees e
JOIN locations l ON l.id = e.location_id
JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
JOIN fx_rates fx ON fx.currency = s.currency
WHERE e.termination_date IS NULL
GROUP BY l.id, l.city, s.currency
ORDER BY payroll_usd DESC, l.id;

-- @id: hr.q058
-- Employment-type mix per department (pivot).
SELECT d.name,
       SUM(CASE WHEN e.employment_type = 'full_time'  THEN 1 ELSE 0 END) AS full_time,
       SUM(CASE WHEN e.employment_type = 'part_time'  THEN 1 ELSE 0 END) AS part_time,
       SUM(CASE WHEN e.employment_type = 'contractor' THEN 1 ELSE 0 END) AS contractors,
       SUM(CASE WHEN e.employment_type = 'intern'     THEN 1 ELSE 0 END) AS interns
FROM employees e
JOIN departments d ON d.id = e.department_id
WHERE e.termination_date IS NULL
GROUP BY d.id, d.name
ORDER BY d.id;

-- @id: hr.q059
-- Sales commission: NULL (no plan) is not the same as a 0% plan.
SELECT j.title,
       COUNT(*) AS people,
       SUM(CASE WHEN e.commission_pct IS NULL THEN 1 ELSE 0 END) AS no_plan,
       SUM(CASE WHEN e.commission_pct = 0 THEN 1 ELSE 0 END) AS zero_pct_plan,
       ROUND(AVG(e.commission_pct), 2) AS avg_pct_of_planned,
       ROUND(AVG(COALESCE(e.commission_pct, 0)), 2) AS avg_pct_all
FROM employees e
JOIN jobs j ON j.id = e.job_id
WHERE j.job_family = 'Sales'
GROUP BY j.id, j.title
ORDER BY j.id;

-- @id: hr.q060
-- Active accounts that have not logged in since October 2024 (or never).
SELECT e.id, e.email, e.last_login_at
FROM employees e
WHERE e.termination_date IS NULL
  AND (e.last_login_at IS NULL OR e.last_login_at < '2024-10-01')
ORDER BY e.id;

-- @id: hr.q061
-- Logins per hour of day (from the timestamp text).
SELECT SUBSTR(CAST(last_login_at AS CHAR(19)), 12, 2) AS login_hour,
       COUNT(*) AS logins
FROM employees
WHERE last_login_at IS NOT NULL
GROUP BY SUBSTR(CAST(last_login_at AS CHAR(19)), 12, 2)
ORDER BY login_hour;

-- @id: hr.q062
-- Data quality: leavers whose salary record is still open-ended, and leavers
-- who still hold open project assignments.
SELECT 'open salary record' AS issue, e.id AS employee_id, e.termination_date
FROM employees e
JOIN salaries s ON s.employee_id = e.id
WHERE e.termination_date IS NOT NULL
  AND s.effective_to IS NULL
UNION ALL
SELECT 'open assignment', e.id, e.termination_date
FROM employees e
JOIN project_assignments pa ON pa.employee_id = e.id
WHERE e.termination_date IS NOT NULL
  AND pa.released_on IS NULL
ORDER BY issue, employee_id;

-- @id: hr.q063
-- Starting salary trend: average USD salary on the hire record, per hiring
-- year and job family, with the change against the previous hiring year.
WITH hire_pay AS (
    SELECT j.job_family,
           CAST(SUBSTR(CAST(s.effective_from AS CHAR(10)), 1, 4) AS INTEGER) AS hire_yr,
           s.base_salary * fx.usd_rate AS salary_usd
    FROM salaries s
    JOIN employees e ON e.id = s.employee_id
    JOIN jobs j      ON j.id = e.job_id
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE s.change_reason = 'hire'
      AND e.employment_type = 'full_time'
),
per_year AS (
    SELECT job_family,
           hire_yr,
           COUNT(*) AS hires,
           AVG(salary_usd) AS avg_start_usd
    FROM hire_pay
    GROUP BY job_family, hire_yr
)
SELECT job_family,
       hire_yr,
       hires,
       ROUND(avg_start_usd, 0) AS avg_start_usd,
       ROUND(avg_start_usd - LAG(avg_start_usd) OVER (PARTITION BY job_family ORDER BY hire_yr), 0) AS change_usd
FROM per_year
ORDER BY job_family, hire_yr;

-- @id: hr.q064
-- Promotions per year and job family.
SELECT SUBSTR(CAST(s.effective_from AS CHAR(10)), 1, 4) AS yr,
       j.job_family,
       COUNT(*) AS promotions
FROM salaries s
JOIN employees e ON e.id = s.employee_id
JOIN jobs j ON j.id = e.job_id
WHERE s.change_reason = 'promotion'
GROUP BY SUBSTR(CAST(s.effective_from AS CHAR(10)), 1, 4), j.job_family
ORDER BY yr, promotions DESC, j.job_family;

-- @id: hr.q065
-- Headcount at each year end 2019-2024 (point-in-time counts).
WITH snapshots AS (
    SELECT DATE('2019-12-31') AS snapshot_day
    UNION ALL SELECT DATE('2020-12-31')
    UNION ALL SELECT DATE('2021-12-31')
    UNION ALL SELECT DATE('2022-12-31')
    UNION ALL SELECT DATE('2023-12-31')
    UNION ALL SELECT DATE('2024-12-31')
)
SELECT sn.snapshot_day,
       COUNT(e.id) AS headcount,
       SUM(CASE WHEN e.employment_type = 'contractor' THEN 1 ELSE 0 END) AS contractors
FROM snapshots sn
LEFT JOIN employees e
       ON e.hire_date <= sn.snapshot_day
      AND (e.termination_date IS NULL OR e.termination_date > sn.snapshot_day)
GROUP BY sn.snapshot_day
ORDER BY sn.snapshot_day;

-- @id: hr.q066
-- Salary in force on 2023-06-30 (as-of join) for a sample of employees.
SELECT e.id,
       s.effective_from,
       s.effective_to,
       s.base_salary,
       s.currency
FROM employees e
JOIN salaries s
  ON s.employee_id = e.id
 AND s.effective_from <= '2023-06-30'
 AND (s.effective_to IS NULL OR s.effective_to >= '2023-06-30')
WHERE e.id BETWEEN 200 AND 260
ORDER BY e.id, s.effective_from;

-- @id: hr.q067
-- Payroll growth: USD payroll in force on each 1 July, year over year.
WITH as_of AS (
    SELECT 2022 AS yr, DATE('2022-07-01') AS on_day
    UNION ALL SELECT 2023, DATE('2023-07-01')
    UNION ALL SELECT 2024, DATE('2024-07-01')
),
payroll AS (
    SELECT a.yr,
           COUNT(DISTINCT s.employee_id) AS paid_employees,
           SUM(s.base_salary * fx.usd_rate) AS payroll_usd
    FROM as_of a
    JOIN salaries s
      ON s.effective_from <= a.on_day
     AND (s.effective_to IS NULL OR s.effective_to >= a.on_day)
    JOIN fx_rates fx ON fx.currency = s.currency
    GROUP BY a.yr
)
SELECT cur.yr,
       cur.paid_employees,
       ROUND(cur.payroll_usd, 0) AS payroll_usd,
       ROUND(cur.payroll_usd / cur.paid_employees, 0) AS per_head_usd,
       ROUND(100.0 * (cur.payroll_usd - prev.payroll_usd) / prev.payroll_usd, 2) AS growth_pct
FROM payroll cur
LEFT JOIN payroll prev ON prev.yr = cur.yr - 1
ORDER BY cur.yr;

-- @id: hr.q068
-- Departments spending most of their budget on salaries (USD).
SELECT d.name,
       d.annual_budget,
       ROUND(SUM(s.base_salary * fx.usd_rate), 0) AS payroll_usd,
       ROUND(100.0 * SUM(s.base_salary * fx.usd_rate) / d.annual_budget, 1) AS budget_share_pct
FROM departments d
JOIN employees e ON e.department_id = d.id AND e.termination_date IS NULL
JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
JOIN fx_rates fx ON fx.currency = s.currency
WHERE d.annual_budget IS NOT NULL
GROUP BY d.id, d.name, d.annual_budget
ORDER BY budget_share_pct DESC, d.id;

-- @id: hr.q069
-- January birthdays of active staff (month cut from the ISO date text).
SELECT id, first_name, last_name, birth_date
FROM employees
WHERE SUBSTR(CAST(birth_date AS CHAR(10)), 6, 2) = '01'
  AND termination_date IS NULL
ORDER BY SUBSTR(CAST(birth_date AS CHAR(10)), 9, 2), id;

-- @id: hr.q070
-- Age at hire, in whole calendar years, bucketed by employment type.
WITH ages AS (
    SELECT employment_type,
           CAST(SUBSTR(CAST(hire_date AS CHAR(10)), 1, 4) AS INTEGER)
             - CAST(SUBSTR(CAST(birth_date AS CHAR(10)), 1, 4) AS INTEGER) AS age_at_hire
    FROM employees
    WHERE birth_date IS NOT NULL
)
SELECT employment_type,
       COUNT(*) AS employees,
       MIN(age_at_hire) AS youngest,
       MAX(age_at_hire) AS oldest,
       ROUND(AVG(age_at_hire), 1) AS avg_age
FROM ages
GROUP BY employment_type
ORDER BY employment_type;

-- @id: hr.q071
-- Histogram of team sizes (number of managers with N direct reports).
WITH spans AS (
    SELECT manager_id, COUNT(*) AS direct_reports
    FROM employees
    WHERE manager_id IS NOT NULL
    GROUP BY manager_id
)
SELECT direct_reports, COUNT(*) AS managers
FROM spans
GROUP BY direct_reports
ORDER BY direct_reports;

-- @id: hr.q072
-- Largest organisations: total people under each manager at any depth, with
-- active headcount and USD payroll of the subtree.
WITH RECURSIVE below (manager_id, employee_id, distance) AS (
    SELECT manager_id, id, 1
    FROM employees
    WHERE manager_id IS NOT NULL
    UNION ALL
    SELECT b.manager_id, e.id, b.distance + 1
    FROM below b
    JOIN employees e ON e.manager_id = b.employee_id
),
pay AS (
    SELECT s.employee_id, s.base_salary * fx.usd_rate AS salary_usd
    FROM salaries s
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE s.effective_to IS NULL
),
subtree AS (
    SELECT b.manager_id,
           COUNT(*) AS people_below,
           SUM(CASE WHEN e.termination_date IS NULL THEN 1 ELSE 0 END) AS active_below,
           MAX(b.distance) AS layers,
           SUM(CASE WHEN e.termination_date IS NULL THEN p.salary_usd ELSE 0 END) AS payroll_usd
    FROM below b
    JOIN employees e ON e.id = b.employee_id
    LEFT JOIN pay p  ON p.employee_id = b.employee_id
    GROUP BY b.manager_id
)
SELECT st.manager_id,
       m.first_name,
       m.last_name,
       j.title,
       st.people_below,
       st.active_below,
       st.layers,
       ROUND(st.payroll_usd, 2) AS payroll_usd
FROM subtree st
JOIN employees m ON m.id = st.manager_id
JOIN jobs j      ON j.id = m.job_id
WHERE st.people_below >= 20
ORDER BY st.people_below DESC, st.manager_id;

-- @id: hr.q073
-- Projects running on 2024-06-30.
SELECT p.code, p.name, p.status, p.start_date, p.end_date
FROM projects p
WHERE p.start_date <= '2024-06-30'
  AND (p.end_date IS NULL OR p.end_date >= '2024-06-30')
  AND p.status <> 'planned'
ORDER BY p.start_date, p.code;

-- @id: hr.q074
-- Team composition of active projects by job family (pivot).
SELECT p.code,
       SUM(CASE WHEN j.job_family = 'Engineering' THEN 1 ELSE 0 END) AS engineering,
       SUM(CASE WHEN j.job_family = 'Data' THEN 1 ELSE 0 END) AS data_people,
       SUM(CASE WHEN j.job_family IN ('Product', 'Design') THEN 1 ELSE 0 END) AS product_design,
       SUM(CASE WHEN j.job_family NOT IN ('Engineering', 'Data', 'Product', 'Design') THEN 1 ELSE 0 END) AS others,
       COUNT(*) AS team_size
FROM projects p
JOIN project_assignments pa ON pa.project_id = p.id
JOIN employees e ON e.id = pa.employee_id
JOIN jobs j ON j.id = e.job_id
WHERE p.status = 'active'
GROUP BY p.id, p.code
ORDER BY team_size DESC, p.code;

-- @id: hr.q075
-- @engines: duckdb,postgres
-- Hours logged per project and role with subtotals (ROLLUP).
SELECT p.code,
       pa.role_name,
       SUM(pa.hours_logged) AS hours,
       COUNT(*) AS people
FROM project_assignments pa
JOIN projects p ON p.id = pa.project_id
WHERE p.department_id = 3
GROUP BY ROLLUP (p.code, pa.role_name)
ORDER BY p.code NULLS LAST, pa.role_name NULLS LAST;

-- @id: hr.q076
-- @engines: mysql
-- Hours logged per project and role with subtotals (WITH ROLLUP).
SELECT p.code,
       pa.role_name,
       SUM(pa.hours_logged) AS hours,
       COUNT(*) AS people
FROM project_assignments pa
JOIN projects p ON p.id = pa.project_id
WHERE p.department_id = 3
GROUP BY p.code, pa.role_name WITH ROLLUP;

-- @id: hr.q077
-- @engines: duckdb,postgres
-- Headcount by region and by employment type in one result (GROUPING SETS).
SELECT l.region,
       e.employment_type,
       COUNT(*) AS headcount,
       GROUPING(l.region) AS all_regions,
       GROUPING(e.employment_type) AS all_types
FROM employees e
JOIN locations l ON l.id = e.location_id
WHERE e.termination_date IS NULL
GROUP BY GROUPING SETS ((l.region), (e.employment_type), ())
ORDER BY all_regions, all_types, l.region, e.employment_type;

-- @id: hr.q078
-- @engines: duckdb,postgres,sqlite
-- Review statistics with the FILTER clause.
SELECT review_period,
       COUNT(*) AS reviews,
       COUNT(*) FILTER (WHERE score >= 4) AS strong,
       COUNT(*) FILTER (WHERE score <= 2) AS weak,
       COUNT(*) FILTER (WHERE comments IS NOT NULL) AS with_comments
FROM performance_reviews
GROUP BY review_period
ORDER BY review_period;

-- @id: hr.q079
-- @engines: duckdb,postgres
-- Team rosters as ordered lists (STRING_AGG).
SELECT m.id AS manager_id,
       COUNT(*) AS reports,
       STRING_AGG(e.last_name, ', ' ORDER BY e.last_name, e.id) AS team
FROM employees m
JOIN employees e ON e.manager_id = m.id
WHERE m.department_id = 22
GROUP BY m.id
ORDER BY m.id;

-- @id: hr.q080
-- @engines: mysql
-- Team rosters as ordered lists (GROUP_CONCAT).
SELECT m.id AS manager_id,
       COUNT(*) AS reports,
       GROUP_CONCAT(e.last_name ORDER BY e.last_name, e.id SEPARATOR ', ') AS team
FROM employees m
JOIN employees e ON e.manager_id = m.id
WHERE m.department_id = 22
GROUP BY m.id
ORDER BY m.id;

-- @id: hr.q081
-- @engines: sqlite
-- Project codes per employee (group_concat).
SELECT pa.employee_id,
       COUNT(*) AS projects,
       group_concat(p.code, ';') AS project_codes
FROM project_assignments pa
JOIN projects p ON p.id = pa.project_id
GROUP BY pa.employee_id
HAVING COUNT(*) >= 4
ORDER BY pa.employee_id;

-- @id: hr.q082
-- @engines: duckdb,postgres,sqlite
-- Employees working from an office other than their department's
-- (IS DISTINCT FROM treats the NULL department location as a value).
SELECT e.id, e.department_id, d.location_id AS department_location, e.location_id
FROM employees e
JOIN departments d ON d.id = e.department_id
WHERE e.location_id IS DISTINCT FROM d.location_id
  AND e.termination_date IS NULL
ORDER BY e.id;

-- @id: hr.q083
-- @engines: mysql
-- Employees working from an office other than their department's
-- (NOT <=>, MariaDB's null-safe comparison).
SELECT e.id, e.department_id, d.location_id AS department_location, e.location_id
FROM employees e
JOIN departments d ON d.id = e.department_id
WHERE NOT (e.location_id <=> d.location_id)
  AND e.termination_date IS NULL
ORDER BY e.id;

-- @id: hr.q084
-- @engines: duckdb,postgres,sqlite
-- Last logins, most recent first, never-logged-in accounts first (NULLS FIRST).
SELECT id, email, last_login_at
FROM employees
WHERE termination_date IS NULL
  AND department_id = 21
ORDER BY last_login_at DESC NULLS FIRST, id;

-- @id: hr.q085
-- @engines: duckdb,postgres,mysql
-- Employees still in the 90-day probation window at the end of 2024.
SELECT id, first_name, last_name, hire_date
FROM employees
WHERE hire_date > DATE '2024-12-31' - INTERVAL '90' DAY
  AND termination_date IS NULL
ORDER BY hire_date, id;

-- @id: hr.q086
-- @engines: sqlite
-- Employees still in the 90-day probation window at the end of 2024.
SELECT id, first_name, last_name, hire_date
FROM employees
WHERE hire_date > date('2024-12-31', '-90 days')
  AND termination_date IS NULL
ORDER BY hire_date, id;

-- @id: hr.q087
-- @engines: duckdb,postgres,mysql
-- Full names for the phone book (CONCAT_WS skips a NULL preferred name).
SELECT id,
       CONCAT_WS(' ', first_name, last_name) AS full_name,
       CONCAT_WS(' ', NULLIF(TRIM(preferred_name), ''), last_name) AS preferred_full_name
FROM employees
WHERE department_id = 16
ORDER BY UPPER(last_name), id;

-- @id: hr.q088
-- Employee directory, page 4 (20 entries per page, by surname).
SELECT id, last_name, first_name, email
FROM employees
WHERE termination_date IS NULL
ORDER BY last_name, first_name, id
LIMIT 20 OFFSET 60;

-- @id: hr.q089
-- People in the same job and currency who are paid exactly the same.
SELECT e.job_id, s.currency, s.base_salary, COUNT(*) AS people
FROM salaries s
JOIN employees e ON e.id = s.employee_id
WHERE s.effective_to IS NULL
  AND e.termination_date IS NULL
GROUP BY e.job_id, s.currency, s.base_salary
HAVING COUNT(*) > 1
ORDER BY people DESC, e.job_id, s.currency, s.base_salary;

-- @id: hr.q090
-- The longest-serving active employee of every department (FIRST_VALUE).
SELECT DISTINCT
       department_id,
       FIRST_VALUE(id) OVER (PARTITION BY department_id ORDER BY hire_date, id) AS longest_serving_id,
       MIN(hire_date) OVER (PARTITION BY department_id) AS earliest_hire
FROM employees
WHERE termination_date IS NULL
ORDER BY department_id;

-- @id: hr.q091
-- The two most recent salary records of each employee in department 6.
SELECT employee_id, effective_from, base_salary, change_reason, recency
FROM (
    SELECT s.employee_id, s.effective_from, s.base_salary, s.change_reason,
           ROW_NUMBER() OVER (PARTITION BY s.employee_id ORDER BY s.effective_from DESC) AS recency
    FROM salaries s
    JOIN employees e ON e.id = s.employee_id
    WHERE e.department_id = 6
) latest
WHERE recency <= 2
ORDER BY employee_id, recency;

-- @id: hr.q092
-- Position in band: where the current salary sits between band minimum and
-- maximum, bucketed.
WITH positioned AS (
    SELECT e.id,
           j.job_family,
           (s.base_salary * fx.usd_rate - j.min_salary) * 1.0 / (j.max_salary - j.min_salary) AS band_penetration
    FROM employees e
    JOIN jobs j      ON j.id = e.job_id
    JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE e.termination_date IS NULL
)
SELECT job_family,
       SUM(CASE WHEN band_penetration < 0 THEN 1 ELSE 0 END) AS below_min,
       SUM(CASE WHEN band_penetration >= 0 AND band_penetration < 0.33 THEN 1 ELSE 0 END) AS lower_third,
       SUM(CASE WHEN band_penetration >= 0.33 AND band_penetration < 0.67 THEN 1 ELSE 0 END) AS middle_third,
       SUM(CASE WHEN band_penetration >= 0.67 AND band_penetration <= 1 THEN 1 ELSE 0 END) AS upper_third,
       SUM(CASE WHEN band_penetration > 1 THEN 1 ELSE 0 END) AS above_max
FROM positioned
GROUP BY job_family
ORDER BY job_family;

-- @id: hr.q093
-- Score distribution per review period.
SELECT review_period,
       SUM(CASE WHEN score = 1 THEN 1 ELSE 0 END) AS score_1,
       SUM(CASE WHEN score = 2 THEN 1 ELSE 0 END) AS score_2,
       SUM(CASE WHEN score = 3 THEN 1 ELSE 0 END) AS score_3,
       SUM(CASE WHEN score = 4 THEN 1 ELSE 0 END) AS score_4,
       SUM(CASE WHEN score = 5 THEN 1 ELSE 0 END) AS score_5
FROM performance_reviews
GROUP BY review_period
ORDER BY review_period;

-- @id: hr.q094
-- Employees eligible for a 2024-H2 review (hired before July, still here,
-- full or part time) who did not get one, per department.
SELECT d.name, COUNT(*) AS missing_reviews
FROM employees e
JOIN departments d ON d.id = e.department_id
WHERE e.hire_date < '2024-07-01'
  AND e.termination_date IS NULL
  AND e.employment_type IN ('full_time', 'part_time')
  AND NOT EXISTS (SELECT 1
                  FROM performance_reviews pr
                  WHERE pr.employee_id = e.id
                    AND pr.review_period = '2024-H2')
GROUP BY d.id, d.name
ORDER BY missing_reviews DESC, d.id;

-- @id: hr.q095
-- Vacation days used in 2024 per employee; the heaviest users.
SELECT lr.employee_id,
       COUNT(*) AS requests,
       SUM(lr.days) AS vacation_days
FROM leave_requests lr
WHERE lr.leave_type = 'vacation'
  AND lr.approved = TRUE
  AND lr.start_date >= '2024-01-01'
  AND lr.start_date <= '2024-12-31'
GROUP BY lr.employee_id
HAVING SUM(lr.days) >= 10
ORDER BY vacation_days DESC, lr.employee_id;

-- @id: hr.q096
-- Org chart of the executive team: the CEO's direct reports and their
-- direct-report counts.
SELECT m.id,
       m.first_name,
       m.last_name,
       j.title,
       (SELECT COUNT(*) FROM employees r WHERE r.manager_id = m.id) AS direct_reports,
       (SELECT COUNT(*) FROM employees r WHERE r.manager_id = m.id AND r.termination_date IS NULL) AS active_direct_reports
FROM employees m
JOIN jobs j ON j.id = m.job_id
WHERE m.manager_id = (SELECT id FROM employees WHERE manager_id IS NULL AND job_id = 1)
ORDER BY direct_reports DESC, m.id;

-- @id: hr.q097
-- Unmanaged workers: everyone without a manager except the CEO.
SELECT e.id, e.employment_type, e.department_id, j.title
FROM employees e
JOIN jobs j ON j.id = e.job_id
WHERE e.manager_id IS NULL
  AND j.title <> 'Chief Executive Officer'
ORDER BY e.id;

-- @id: hr.q098
-- Reports of a manager who has left the company.
SELECT r.id AS employee_id, r.manager_id, m.termination_date AS manager_left_on
FROM employees r
JOIN employees m ON m.id = r.manager_id
WHERE m.termination_date IS NOT NULL
  AND r.termination_date IS NULL
ORDER BY r.manager_id, r.id;

-- @id: hr.q099
-- Jobs in the catalogue that nobody holds, and jobs held only by leavers.
SELECT j.id, j.title, 'never held' AS finding
FROM jobs j
WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.job_id = j.id)
UNION ALL
SELECT j.id, j.title, 'only leavers'
FROM jobs j
WHERE EXISTS (SELECT 1 FROM employees e WHERE e.job_id = j.id)
  AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.job_id = j.id AND e.termination_date IS NULL)
ORDER BY finding, id;

-- @id: hr.q100
-- Interns and their mentors, with the mentor's grade.
SELECT i.id AS intern_id,
       i.hire_date,
       i.termination_date,
       m.id AS mentor_id,
       jm.title AS mentor_title,
       jm.grade AS mentor_grade
FROM employees i
JOIN employees m ON m.id = i.manager_id
JOIN jobs jm ON jm.id = m.job_id
WHERE i.employment_type = 'intern'
ORDER BY m.id, i.id;

-- @id: hr.q101
-- Department scorecard for 2024: headcount, hires, leavers, payroll in USD,
-- average review score, project load and open leave requests.
WITH headcount AS (
    SELECT department_id,
           SUM(CASE WHEN termination_date IS NULL THEN 1 ELSE 0 END) AS active,
           SUM(CASE WHEN hire_date >= '2024-01-01' THEN 1 ELSE 0 END) AS hires_2024,
           SUM(CASE WHEN termination_date >= '2024-01-01' THEN 1 ELSE 0 END) AS leavers_2024
    FROM employees
    GROUP BY department_id
),
payroll AS (
    SELECT e.department_id,
           SUM(s.base_salary * fx.usd_rate) AS payroll_usd
    FROM employees e
    JOIN salaries s  ON s.employee_id = e.id AND s.effective_to IS NULL
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE e.termination_date IS NULL
    GROUP BY e.department_id
),
review_scores AS (
    SELECT e.department_id,
           AVG(pr.score) AS avg_score,
           COUNT(*) AS reviews
    FROM performance_reviews pr
    JOIN employees e ON e.id = pr.employee_id
    WHERE pr.review_period IN ('2024-H1', '2024-H2')
    GROUP BY e.department_id
),
project_load AS (
    SELECT e.department_id,
           COUNT(DISTINCT pa.project_id) AS projects,
           SUM(pa.hours_logged) AS hours
    FROM project_assignments pa
    JOIN employees e ON e.id = pa.employee_id
    GROUP BY e.department_id
),
open_leave AS (
    SELECT e.department_id, COUNT(*) AS pending_requests
    FROM leave_requests lr
    JOIN employees e ON e.id = lr.employee_id
    WHERE lr.approved IS NULL
    GROUP BY e.department_id
)
SELECT d.id,
       d.name,
       COALESCE(h.active, 0)        AS active,
       COALESCE(h.hires_2024, 0)    AS hires_2024,
       COALESCE(h.leavers_2024, 0)  AS leavers_2024,
       ROUND(COALESCE(p.payroll_usd, 0), 0) AS payroll_usd,
       ROUND(r.avg_score, 2)        AS avg_review_score,
       COALESCE(r.reviews, 0)       AS reviews,
       COALESCE(pl.projects, 0)     AS projects_touched,
       COALESCE(pl.hours, 0)        AS project_hours,
       COALESCE(ol.pending_requests, 0) AS pending_leave
FROM departments d
LEFT JOIN headcount h      ON h.department_id = d.id
LEFT JOIN payroll p        ON p.department_id = d.id
LEFT JOIN review_scores r  ON r.department_id = d.id
LEFT JOIN project_load pl  ON pl.department_id = d.id
LEFT JOIN open_leave ol    ON ol.department_id = d.id
ORDER BY d.id;

-- @id: hr.q102
-- 2025 compensation review worksheet: current pay, band position, last
-- raise, latest score and a proposed merit percentage.
WITH current_pay AS (
    SELECT s.employee_id,
           s.base_salary,
           s.currency,
           s.base_salary * fx.usd_rate AS salary_usd,
           s.effective_from
    FROM salaries s
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE s.effective_to IS NULL
),
last_change AS (
    SELECT employee_id,
           MAX(effective_from) AS last_change_on
    FROM salaries
    WHERE change_reason IN ('merit', 'promotion', 'market')
    GROUP BY employee_id
),
latest_score AS (
    SELECT pr.employee_id, pr.score
    FROM performance_reviews pr
    WHERE pr.review_period = (SELECT MAX(p2.review_period)
                              FROM performance_reviews p2
                              WHERE p2.employee_id = pr.employee_id)
),
worksheet AS (
    SELECT e.id,
           e.department_id,
           j.title,
           cp.base_salary,
           cp.currency,
           (cp.salary_usd - j.min_salary) * 1.0 / (j.max_salary - j.min_salary) AS band_penetration,
           lc.last_change_on,
           ls.score
    FROM employees e
    JOIN jobs j         ON j.id = e.job_id
    JOIN current_pay cp ON cp.employee_id = e.id
    LEFT JOIN last_change lc  ON lc.employee_id = e.id
    LEFT JOIN latest_score ls ON ls.employee_id = e.id
    WHERE e.termination_date IS NULL
      AND e.employment_type = 'full_time'
      AND e.department_id IN (3, 4)
)
SELECT id,
       department_id,
       title,
       base_salary,
       currency,
       ROUND(band_penetration, 2) AS band_penetration,
       last_change_on,
       score,
       CASE
           WHEN score IS NULL THEN 2.0
           WHEN score >= 5 AND band_penetration < 0.5 THEN 6.0
           WHEN score >= 4 THEN 4.0
           WHEN score = 3 THEN 2.5
           ELSE 0.0
       END AS proposed_merit_pct
FROM worksheet
ORDER BY department_id, proposed_merit_pct DESC, id;

-- @id: hr.q103
-- Flight-risk report: active people with a low latest score, no raise since
-- 2023 and below-midpoint pay, together with their manager.
WITH latest_review AS (
    SELECT employee_id, score, review_period,
           ROW_NUMBER() OVER (PARTITION BY employee_id ORDER BY review_period DESC) AS rn
    FROM performance_reviews
),
raises AS (
    SELECT employee_id, MAX(effective_from) AS last_raise_on
    FROM salaries
    WHERE change_reason IN ('merit', 'promotion', 'market')
    GROUP BY employee_id
),
pay AS (
    SELECT s.employee_id,
           s.base_salary * fx.usd_rate AS salary_usd
    FROM salaries s
    JOIN fx_rates fx ON fx.currency = s.currency
    WHERE s.effective_to IS NULL
)
SELECT e.id,
       e.first_name,
       e.last_name,
       d.name AS department,
       lr.score AS latest_score,
       lr.review_period,
       r.last_raise_on,
       ROUND(p.salary_usd, 0) AS salary_usd,
       ROUND((j.min_salary + j.max_salary) / 2.0, 0) AS band_midpoint,
       m.id AS manager_id,
       m.last_name AS manager_last_name
FROM employees e
JOIN departments d ON d.id = e.department_id
JOIN jobs j        ON j.id = e.job_id
JOIN pay p         ON p.employee_id = e.id
LEFT JOIN latest_review lr ON lr.employee_id = e.id AND lr.rn = 1
LEFT JOIN raises r         ON r.employee_id = e.id
LEFT JOIN employees m      ON m.id = e.manager_id
WHERE e.termination_date IS NULL
  AND (r.last_raise_on IS NULL OR r.last_raise_on < '2024-01-01')
  AND p.salary_usd < (j.min_salary + j.max_salary) / 2.0
  AND (lr.score IS NULL OR lr.score <= 3)
  AND e.hire_date < '2023-01-01'
ORDER BY d.id, e.id;

-- @id: hr.q104
-- Project portfolio review: per department, projects by status, people
-- involved, hours and budget, with the share of the company's project hours.
WITH project_hours AS (
    SELECT pa.project_id,
           COUNT(*) AS people,
           SUM(pa.hours_logged) AS hours,
           SUM(CASE WHEN pa.released_on IS NULL THEN 1 ELSE 0 END) AS still_assigned
    FROM project_assignments pa
    GROUP BY pa.project_id
),
per_department AS (
    SELECT p.department_id,
           COUNT(*) AS projects,
           SUM(CASE WHEN p.status = 'active' THEN 1 ELSE 0 END) AS active,
           SUM(CASE WHEN p.status = 'done' THEN 1 ELSE 0 END) AS done,
           SUM(CASE WHEN p.status IN ('on_hold', 'cancelled') THEN 1 ELSE 0 END) AS stalled,
           SUM(COALESCE(ph.people, 0)) AS assignments,
           SUM(COALESCE(ph.still_assigned, 0)) AS open_assignments,
           SUM(COALESCE(ph.hours, 0)) AS hours,
           SUM(p.budget) AS budget
    FROM projects p
    LEFT JOIN project_hours ph ON ph.project_id = p.id
    GROUP BY p.department_id
)
SELECT d.name,
       pd.projects,
       pd.active,
       pd.done,
       pd.stalled,
       pd.assignments,
       pd.open_assignments,
       pd.hours,
       pd.budget,
       ROUND(100.0 * pd.hours / (SELECT SUM(hours_logged) FROM project_assignments), 1) AS hours_share_pct
FROM per_department pd
JOIN departments d ON d.id = pd.department_id
ORDER BY pd.hours DESC, d.id;

-- @id: hr.q105
-- Manager effectiveness: team attrition, average team score and team
-- salary growth for managers with at least five reports.
WITH team AS (
    SELECT manager_id,
           COUNT(*) AS team_size,
           SUM(CASE WHEN termination_date IS NOT NULL THEN 1 ELSE 0 END) AS team_leavers
    FROM employees
    WHERE manager_id IS NOT NULL
    GROUP BY manager_id
    HAVING COUNT(*) >= 5
),
team_scores AS (
    SELECT e.manager_id, AVG(pr.score) AS avg_team_score, COUNT(*) AS team_reviews
    FROM performance_reviews pr
    JOIN employees e ON e.id = pr.employee_id
    GROUP BY e.manager_id
),
growth AS (
    SELECT e.manager_id,
           SUM(CASE WHEN s.change_reason = 'promotion' THEN 1 ELSE 0 END) AS promotions,
           SUM(CASE WHEN s.change_reason = 'merit' THEN 1 ELSE 0 END) AS merit_raises
    FROM salaries s
    JOIN employees e ON e.id = s.employee_id
    GROUP BY e.manager_id
)
SELECT t.manager_id,
       m.last_name,
       t.team_size,
       t.team_leavers,
       ROUND(100.0 * t.team_leavers / t.team_size, 1) AS attrition_pct,
       ROUND(ts.avg_team_score, 2) AS avg_team_score,
       COALESCE(ts.team_reviews, 0) AS team_reviews,
       COALESCE(g.promotions, 0) AS promotions,
       COALESCE(g.merit_raises, 0) AS merit_raises,
       NTILE(4) OVER (ORDER BY t.team_leavers * 1.0 / t.team_size, t.manager_id) AS attrition_quartile
FROM team t
JOIN employees m ON m.id = t.manager_id
LEFT JOIN team_scores ts ON ts.manager_id = t.manager_id
LEFT JOIN growth g ON g.manager_id = t.manager_id
ORDER BY attrition_pct DESC, t.manager_id;

-- @id: hr.q106
-- Leave calendar summary: requests per month of start date, by type.
SELECT SUBSTR(CAST(start_date AS CHAR(10)), 1, 7) AS start_month,
       SUM(CASE WHEN leave_type = 'vacation' THEN 1 ELSE 0 END) AS vacation,
       SUM(CASE WHEN leave_type = 'sick' THEN 1 ELSE 0 END) AS sick,
       SUM(CASE WHEN leave_type NOT IN ('vacation', 'sick') THEN 1 ELSE 0 END) AS other,
       SUM(days) AS total_days
FROM leave_requests
WHERE start_date >= '2024-01-01'
GROUP BY SUBSTR(CAST(start_date AS CHAR(10)), 1, 7)
ORDER BY start_month;

-- @id: hr.q107
-- Leave requested at the last minute: submitted on or after the first day.
SELECT id, employee_id, leave_type, start_date, requested_at
FROM leave_requests
WHERE DATE(requested_at) >= start_date
ORDER BY start_date, id;

-- @id: hr.q108
-- Share of each job family in the active headcount (window over aggregate).
SELECT j.job_family,
       COUNT(*) AS headcount,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 2) AS share_pct,
       RANK() OVER (ORDER BY COUNT(*) DESC) AS size_rank
FROM employees e
JOIN jobs j ON j.id = e.job_id
WHERE e.termination_date IS NULL
GROUP BY j.job_family
ORDER BY size_rank, j.job_family;

-- @id: hr.q109
-- Hires per quarter in 2023-2024 with a cumulative count.
WITH hires AS (
    SELECT SUBSTR(CAST(hire_date AS CHAR(10)), 1, 4) AS yr,
           CASE
               WHEN SUBSTR(CAST(hire_date AS CHAR(10)), 6, 2) <= '03' THEN 1
               WHEN SUBSTR(CAST(hire_date AS CHAR(10)), 6, 2) <= '06' THEN 2
               WHEN SUBSTR(CAST(hire_date AS CHAR(10)), 6, 2) <= '09' THEN 3
               ELSE 4
           END AS qtr
    FROM employees
    WHERE hire_date >= '2023-01-01'
)
SELECT yr, qtr, COUNT(*) AS hires,
       SUM(COUNT(*)) OVER (ORDER BY yr, qtr) AS cumulative_hires
FROM hires
GROUP BY yr, qtr
ORDER BY yr, qtr;

-- @id: hr.q110
-- Employees paid in a currency other than their office's.
SELECT e.id, l.city, s.currency
FROM employees e
JOIN locations l ON l.id = e.location_id
JOIN salaries s ON s.employee_id = e.id AND s.effective_to IS NULL
WHERE s.currency NOT IN (SELECT s2.currency
                         FROM salaries s2
                         JOIN employees e2 ON e2.id = s2.employee_id
                         WHERE e2.location_id = e.location_id
                         GROUP BY s2.currency
                         HAVING COUNT(*) > 5)
ORDER BY e.id;

-- @id: hr.q111
-- Exchange rates that no salary uses.
SELECT fx.currency, fx.usd_rate
FROM fx_rates fx
LEFT JOIN salaries s ON s.currency = fx.currency
WHERE s.id IS NULL
ORDER BY fx.currency;

-- @id: hr.q112
-- Each salary change with the employee's manager at the time of the data
-- snapshot and the manager's own latest change date (correlated subquery).
SELECT s.employee_id,
       s.effective_from,
       s.change_reason,
       e.manager_id,
       (SELECT MAX(ms.effective_from)
        FROM salaries ms
        WHERE ms.employee_id = e.manager_id) AS manager_last_change
FROM salaries s
JOIN employees e ON e.id = s.employee_id
WHERE s.change_reason = 'promotion'
  AND s.effective_from >= '2024-01-01'
ORDER BY s.effective_from, s.employee_id;

-- @id: hr.q113
-- Percentage of each project's hours contributed by each role.
SELECT pa.project_id,
       pa.role_name,
       SUM(pa.hours_logged) AS hours,
       ROUND(100.0 * SUM(pa.hours_logged)
             / NULLIF(SUM(SUM(pa.hours_logged)) OVER (PARTITION BY pa.project_id), 0), 1) AS pct_of_project
FROM project_assignments pa
WHERE pa.project_id <= 10
GROUP BY pa.project_id, pa.role_name
ORDER BY pa.project_id, hours DESC, pa.role_name;

-- @id: hr.q114
-- Zero-allocation assignments (shadowing) and zero-hour assignments.
SELECT p.status,
       SUM(CASE WHEN pa.allocation_pct = 0 THEN 1 ELSE 0 END) AS zero_allocation,
       SUM(CASE WHEN pa.hours_logged = 0 THEN 1 ELSE 0 END) AS zero_hours,
       COUNT(*) AS assignments
FROM project_assignments pa
JOIN projects p ON p.id = pa.project_id
GROUP BY p.status
ORDER BY p.status;

-- @id: hr.q115
-- Longest project names and the projects without any budget.
SELECT code, name, LENGTH(name) AS name_length, budget
FROM projects
WHERE LENGTH(name) > 40 OR budget IS NULL OR budget = 0
ORDER BY name_length DESC, code;

-- @id: hr.q116
-- Managers hired after at least one of their current reports.
SELECT m.id AS manager_id,
       m.hire_date AS manager_hired,
       COUNT(*) AS earlier_reports,
       MIN(r.hire_date) AS earliest_report_hired
FROM employees m
JOIN employees r ON r.manager_id = m.id
WHERE r.hire_date < m.hire_date
  AND r.termination_date IS NULL
GROUP BY m.id, m.hire_date
ORDER BY earlier_reports DESC, m.id;

-- @id: hr.q117
-- Salary records by reason, with unknown reasons shown explicitly.
SELECT COALESCE(change_reason, '(not recorded)') AS reason,
       COUNT(*) AS records,
       COUNT(DISTINCT employee_id) AS employees,
       MIN(effective_from) AS first_seen,
       MAX(effective_from) AS last_seen
FROM salaries
GROUP BY COALESCE(change_reason, '(not recorded)')
ORDER BY records DESC, reason;

-- @id: hr.q118
-- A first look at the locations table.
SELECT * FROM locations ORDER BY id
LIMIT 5;

-- @id: hr.q119
-- @engines: duckdb,postgres,mysql
-- Salaries on a log scale (natural log), for a skew check.
SELECT id, employee_id, ROUND(LN(base_salary), 4) AS log_salary
FROM salaries
WHERE base_salary > 0
ORDER BY id
LIMIT 20;

-- @id: hr.q120
-- @engines: duckdb,postgres,mysql
-- The mailbox part of each active employee's email address.
SELECT id, REGEXP_REPLACE(email, '@.*$', '') AS mailbox
FROM employees
WHERE termination_date IS NULL
ORDER BY id;

-- @id: hr.q121
-- @engines: duckdb,sqlite,postgres
-- Employees whose id starts with 1 (ids matched as text).
SELECT id, last_name
FROM employees
WHERE CAST(id AS VARCHAR(10)) LIKE '1%'
ORDER BY id;

-- @id: hr.w001
-- Write statements (each runs in a transaction that is rolled back).
-- New office location: fresh primary key, CHECK on region, short VARCHAR values.
INSERT INTO locations (id, city, country_code, region, opened_on)
VALUES (9001, 'Lisbon', 'PT', 'EMEA', '2025-02-03');

-- @id: hr.w002
-- New sub-department: UNIQUE name and cost centre, FK to an existing parent department and location.
INSERT INTO departments (id, name, parent_id, location_id, cost_center, annual_budget, created_on)
VALUES (9001, 'Security Engineering', 2, 7, 'CC-9001', 3500000.00, '2025-01-15');

-- @id: hr.w003
-- New job: UNIQUE title, CHECK on grade and salary band, NOT NULL columns.
INSERT INTO jobs (id, title, job_family, grade, min_salary, max_salary, is_people_manager)
VALUES (9001, 'Security Engineer', 'Engineering', 4, 120000.00, 190000.00, FALSE);

-- @id: hr.w004
-- New hire: UNIQUE email, FKs to department, job, manager and location, CHECK on gender and employment type.
INSERT INTO employees (id, first_name, last_name, email, gender, birth_date, hire_date, department_id, job_id, manager_id, location_id, employment_type, is_remote)
VALUES (9001, 'Ada', 'Okafor', 'ada.okafor@corp.test', 'F', '1992-05-17', '2025-03-01', 3, 4, 57, 2, 'full_time', FALSE);

-- @id: hr.w005
-- Two salary rows for an existing employee: composite UNIQUE (employee_id, effective_from), FK to fx_rates, CHECK on amount and period.
INSERT INTO salaries (id, employee_id, effective_from, effective_to, base_salary, bonus_target_pct, currency, change_reason)
VALUES (9001, 158, '2024-12-30', '2025-06-30', 98000.00, 5.00, 'EUR', 'hire'),
       (9002, 158, '2025-07-01', NULL, 103000.00, 5.00, 'EUR', 'merit');

-- @id: hr.w006
-- Staff a project that has no assignments yet: composite primary key, CHECK on allocation.
INSERT INTO project_assignments (project_id, employee_id, role_name, assigned_on, released_on, allocation_pct, hours_logged)
VALUES (10, 57, 'lead', '2025-01-06', NULL, 50, 0),
       (10, 412, 'analyst', '2025-01-13', NULL, 25, 12.5);

-- @id: hr.w007
-- Leave request with a CHECK-constrained type and dates.
INSERT INTO leave_requests (id, employee_id, leave_type, start_date, end_date, days, approved, requested_at)
VALUES (9001, 412, 'training', '2025-04-07', '2025-04-08', 2.0, NULL, '2025-03-20 09:15:00');

-- @id: hr.w008
-- Change a UNIQUE column (email) to a new value, plus a nullable column.
UPDATE employees SET email = 'hiro.miller2@corp.test', preferred_name = 'Hiro M.' WHERE id = 158;

-- @id: hr.w009
-- Move an employee to another existing department and job (FK columns).
UPDATE employees SET department_id = 4, job_id = 5 WHERE id = 158;

-- @id: hr.w010
-- CHECK-constrained columns: commission percentage and employment type.
UPDATE employees SET commission_pct = 12.50, employment_type = 'part_time' WHERE id = 158;

-- @id: hr.w011
-- Activate a planned project with a new budget (CHECK on status).
UPDATE projects SET status = 'active', budget = 500000.00 WHERE id = 10;

-- @id: hr.w012
-- Widen a job's salary band (CHECK min_salary > 0 AND max_salary >= min_salary).
UPDATE jobs SET min_salary = 90000.00, max_salary = 160000.00 WHERE id = 3;

-- @id: hr.w013
-- Reset a department budget to the total of its projects' budgets (scalar subquery with an aggregate).
UPDATE departments SET annual_budget = (SELECT SUM(budget) FROM projects WHERE department_id = 6) WHERE id = 6;

-- @id: hr.w014
-- Re-score a performance review (CHECK score BETWEEN 1 AND 5).
UPDATE performance_reviews SET score = 3, comments = 'Adjusted after calibration' WHERE id = 200;

-- @id: hr.w015
-- Change an assignment's allocation and hours (CHECK allocation_pct BETWEEN 0 AND 100, hours_logged >= 0).
UPDATE project_assignments SET allocation_pct = 80, hours_logged = 1200.5 WHERE project_id = 1 AND employee_id = 5;

-- @id: hr.w016
-- Delete a department that no employee, project or sub-department references.
DELETE FROM departments WHERE id = 24;

-- @id: hr.w017
-- Delete a job title that no employee holds.
DELETE FROM jobs WHERE id = 82;

-- @id: hr.w018
-- Delete a planned project that has no assignments.
DELETE FROM projects WHERE id = 49;

-- @id: hr.w019
-- Delete rejected leave requests (child rows).
DELETE FROM leave_requests WHERE approved = FALSE;

-- @id: hr.w020
-- Delete released assignments that never logged any hours (child rows).
DELETE FROM project_assignments WHERE released_on IS NOT NULL AND hours_logged = 0;

-- @id: hr.w021
-- @engines: duckdb,sqlite,postgres
-- Create a table that already exists: IF NOT EXISTS makes it a no-op.
CREATE TABLE IF NOT EXISTS locations (id INTEGER NOT NULL PRIMARY KEY, city VARCHAR(60) NOT NULL, country_code VARCHAR(2) NOT NULL, region VARCHAR(10) NOT NULL, opened_on DATE NULL);

-- @id: hr.w022
-- @engines: duckdb,sqlite,postgres
-- New table with a foreign key to employees.
CREATE TABLE employee_notes (id INTEGER PRIMARY KEY, employee_id INTEGER, note VARCHAR(40), FOREIGN KEY (employee_id) REFERENCES employees (id));

-- @id: hr.w023
-- @engines: duckdb,sqlite,postgres
-- New table with a composite primary key.
CREATE TABLE employee_skills (employee_id INTEGER, skill_id INTEGER, skill_level VARCHAR(20), PRIMARY KEY (employee_id, skill_id));

-- @id: hr.w024
-- @engines: duckdb,sqlite,postgres
-- Drop a table that does not exist: IF EXISTS makes it a no-op.
DROP TABLE IF EXISTS contractor_archive;

-- @id: hr.w025
-- @engines: sqlite,postgres
-- Add a NOT NULL column with a default.
ALTER TABLE leave_requests ADD COLUMN carried_over_days INTEGER NOT NULL DEFAULT 0;

-- @id: hr.w026
-- @engines: sqlite,postgres
-- Drop a column that no index, constraint or foreign key uses.
ALTER TABLE employees DROP COLUMN preferred_name;

-- @id: hr.w027
-- @engines: duckdb,sqlite,postgres
-- Index a column that has none.
CREATE INDEX IF NOT EXISTS ix_leave_type ON leave_requests (leave_type);

-- @id: hr.w028
-- @engines: duckdb,sqlite,postgres
-- Drop an index that exists.
DROP INDEX ix_leave_employee;

-- @id: hr.w029
-- @engines: duckdb,sqlite,postgres
-- Re-create an index that already exists: IF NOT EXISTS makes it a no-op.
CREATE INDEX IF NOT EXISTS ix_employees_job ON employees (job_id);

-- @id: hr.w030
-- @engines: duckdb,sqlite,postgres
-- Raise one job's band ceiling to the highest ceiling of any job.
UPDATE jobs SET max_salary = (SELECT MAX(max_salary) FROM jobs) WHERE id = 3;
