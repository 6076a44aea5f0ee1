-- HR corpus: locations, a department tree, a job catalogue with salary bands,
-- employees with a self-referencing reporting line (manager_id -> employees.id),
-- salary history, projects and assignments, performance reviews, leave
-- requests and exchange rates for payroll reporting.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.

CREATE TABLE locations (
    id            INTEGER     NOT NULL PRIMARY KEY,
    city          VARCHAR(60) NOT NULL,
    country_code  VARCHAR(2)  NOT NULL,
    region        VARCHAR(10) NOT NULL,
    opened_on     DATE        NULL,
    CONSTRAINT ck_locations_region CHECK (region IN ('AMER', 'EMEA', 'APAC'))
);

CREATE TABLE fx_rates (
    currency  VARCHAR(3)     NOT NULL PRIMARY KEY,
    usd_rate  DECIMAL(12, 6) NOT NULL,
    CONSTRAINT ck_fx_rates_positive CHECK (usd_rate > 0)
);

CREATE TABLE departments (
    id            INTEGER        NOT NULL PRIMARY KEY,
    name          VARCHAR(80)    NOT NULL UNIQUE,
    parent_id     INTEGER        NULL,
    location_id   INTEGER        NULL,
    cost_center   VARCHAR(10)    NOT NULL UNIQUE,
    annual_budget DECIMAL(14, 2) NULL,
    created_on    DATE           NOT NULL,
    CONSTRAINT fk_departments_parent FOREIGN KEY (parent_id) REFERENCES departments (id),
    CONSTRAINT fk_departments_location FOREIGN KEY (location_id) REFERENCES locations (id)
);

CREATE TABLE jobs (
    id                INTEGER        NOT NULL PRIMARY KEY,
    title             VARCHAR(80)    NOT NULL UNIQUE,
    job_family        VARCHAR(30)    NOT NULL,
    grade             INTEGER        NOT NULL,
    min_salary        DECIMAL(10, 2) NOT NULL,
    max_salary        DECIMAL(10, 2) NOT NULL,
    is_people_manager BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT ck_jobs_grade CHECK (grade BETWEEN 1 AND 10),
    CONSTRAINT ck_jobs_band CHECK (min_salary > 0 AND max_salary >= min_salary)
);

CREATE TABLE employees (
    id               INTEGER       NOT NULL PRIMARY KEY,
    first_name       VARCHAR(60)   NOT NULL,
    last_name        VARCHAR(80)   NOT NULL,
    preferred_name   VARCHAR(60)   NULL,
    email            VARCHAR(120)  NOT NULL UNIQUE,
    gender           VARCHAR(1)    NULL,
    birth_date       DATE          NULL,
    hire_date        DATE          NOT NULL,
    termination_date DATE          NULL,
    department_id    INTEGER       NOT NULL,
    job_id           INTEGER       NOT NULL,
    manager_id       INTEGER       NULL,
    location_id      INTEGER       NOT NULL,
    employment_type  VARCHAR(12)   NOT NULL,
    is_remote        BOOLEAN       NOT NULL DEFAULT FALSE,
    commission_pct   DECIMAL(4, 2) NULL,
    last_login_at    TIMESTAMP     NULL,
    CONSTRAINT fk_employees_department FOREIGN KEY (department_id) REFERENCES departments (id),
    CONSTRAINT fk_employees_job FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT fk_employees_manager FOREIGN KEY (manager_id) REFERENCES employees (id),
    CONSTRAINT fk_employees_location FOREIGN KEY (location_id) REFERENCES locations (id),
    CONSTRAINT ck_employees_gender CHECK (gender IN ('F', 'M', 'X')),
    CONSTRAINT ck_employees_type CHECK (employment_type IN ('full_time', 'part_time', 'contractor', 'intern')),
    CONSTRAINT ck_employees_dates CHECK (termination_date IS NULL OR termination_date >= hire_date),
    CONSTRAINT ck_employees_commission CHECK (commission_pct IS NULL OR (commission_pct >= 0 AND commission_pct < 50)),
    CONSTRAINT ck_employees_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id)
);

CREATE TABLE salaries (
    id               INTEGER        NOT NULL PRIMARY KEY,
    employee_id      INTEGER        NOT NULL,
    effective_from   DATE           NOT NULL,
    effective_to     DATE           NULL,
    base_salary      DECIMAL(10, 2) NOT NULL,
    bonus_target_pct DECIMAL(5, 2)  NULL,
    currency         VARCHAR(3)     NOT NULL,
    change_reason    VARCHAR(20)    NULL,
    CONSTRAINT fk_salaries_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT fk_salaries_currency FOREIGN KEY (currency) REFERENCES fx_rates (currency),
    CONSTRAINT uq_salaries_employee_from UNIQUE (employee_id, effective_from),
    CONSTRAINT ck_salaries_amount CHECK (base_salary > 0),
    CONSTRAINT ck_salaries_period CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE projects (
    id               INTEGER        NOT NULL PRIMARY KEY,
    code             VARCHAR(12)    NOT NULL UNIQUE,
    name             VARCHAR(120)   NOT NULL,
    department_id    INTEGER        NOT NULL,
    lead_employee_id INTEGER        NULL,
    start_date       DATE           NOT NULL,
    end_date         DATE           NULL,
    budget           DECIMAL(12, 2) NULL,
    status           VARCHAR(10)    NOT NULL,
    CONSTRAINT fk_projects_department FOREIGN KEY (department_id) REFERENCES departments (id),
    CONSTRAINT fk_projects_lead FOREIGN KEY (lead_employee_id) REFERENCES employees (id),
    CONSTRAINT ck_projects_status CHECK (status IN ('planned', 'active', 'on_hold', 'done', 'cancelled')),
    CONSTRAINT ck_projects_dates CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE project_assignments (
    project_id     INTEGER       NOT NULL,
    employee_id    INTEGER       NOT NULL,
    role_name      VARCHAR(40)   NOT NULL,
    assigned_on    DATE          NOT NULL,
    released_on    DATE          NULL,
    allocation_pct INTEGER       NOT NULL,
    hours_logged   DECIMAL(8, 1) NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, employee_id),
    CONSTRAINT fk_assignments_project FOREIGN KEY (project_id) REFERENCES projects (id),
    CONSTRAINT fk_assignments_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT ck_assignments_allocation CHECK (allocation_pct BETWEEN 0 AND 100),
    CONSTRAINT ck_assignments_hours CHECK (hours_logged >= 0)
);

CREATE TABLE performance_reviews (
    id            INTEGER      NOT NULL PRIMARY KEY,
    employee_id   INTEGER      NOT NULL,
    reviewer_id   INTEGER      NULL,
    review_period VARCHAR(7)   NOT NULL,
    score         INTEGER      NOT NULL,
    reviewed_on   DATE         NOT NULL,
    comments      VARCHAR(500) NULL,
    CONSTRAINT fk_reviews_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_id) REFERENCES employees (id),
    CONSTRAINT uq_reviews_employee_period UNIQUE (employee_id, review_period),
    CONSTRAINT ck_reviews_score CHECK (score BETWEEN 1 AND 5)
);

CREATE TABLE leave_requests (
    id           INTEGER      NOT NULL PRIMARY KEY,
    employee_id  INTEGER      NOT NULL,
    leave_type   VARCHAR(12)  NOT NULL,
    start_date   DATE         NOT NULL,
    end_date     DATE         NOT NULL,
    days         DECIMAL(4, 1) NOT NULL,
    approved     BOOLEAN      NULL,
    requested_at TIMESTAMP    NOT NULL,
    CONSTRAINT fk_leave_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT ck_leave_type CHECK (leave_type IN ('vacation', 'sick', 'parental', 'unpaid', 'training')),
    CONSTRAINT ck_leave_dates CHECK (end_date >= start_date),
    CONSTRAINT ck_leave_days CHECK (days >= 0)
);

CREATE INDEX ix_employees_manager ON employees (manager_id);
CREATE INDEX ix_employees_department ON employees (department_id);
CREATE INDEX ix_employees_job ON employees (job_id);
CREATE INDEX ix_salaries_employee ON salaries (employee_id);
CREATE INDEX ix_assignments_employee ON project_assignments (employee_id);
CREATE INDEX ix_reviews_reviewer ON performance_reviews (reviewer_id);
CREATE INDEX ix_leave_employee ON leave_requests (employee_id);
