-- Finance ledger: legal entities keep double-entry books. Journal entries hold
-- ledger lines (debit/credit) against a chart of accounts with parent accounts;
-- invoices and payments feed the ledger, fx_rates convert to USD for group
-- reporting, budgets give monthly targets.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.

CREATE TABLE currencies (
    currency_code  VARCHAR(3)  NOT NULL,
    currency_name  VARCHAR(40) NOT NULL,
    minor_units    INTEGER     NOT NULL,
    is_active      BOOLEAN     NOT NULL,
    PRIMARY KEY (currency_code),
    CHECK (minor_units BETWEEN 0 AND 4)
);

CREATE TABLE legal_entities (
    entity_id       INTEGER      NOT NULL,
    entity_name     VARCHAR(100) NOT NULL,
    country_code    VARCHAR(2)   NOT NULL,
    base_currency   VARCHAR(3)   NOT NULL,
    incorporated_on DATE         NOT NULL,
    PRIMARY KEY (entity_id),
    UNIQUE (entity_name),
    FOREIGN KEY (base_currency) REFERENCES currencies (currency_code)
);

CREATE TABLE accounts (
    account_id        INTEGER      NOT NULL,
    account_code      VARCHAR(10)  NOT NULL,
    account_name      VARCHAR(100) NOT NULL,
    account_type      VARCHAR(10)  NOT NULL,
    normal_side       VARCHAR(6)   NOT NULL,
    parent_account_id INTEGER      NULL,
    is_postable       BOOLEAN      NOT NULL,
    opened_on         DATE         NOT NULL,
    closed_on         DATE         NULL,
    PRIMARY KEY (account_id),
    UNIQUE (account_code),
    FOREIGN KEY (parent_account_id) REFERENCES accounts (account_id),
    CHECK (account_type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
    CHECK (normal_side IN ('debit', 'credit'))
);

CREATE TABLE cost_centers (
    cost_center_id INTEGER     NOT NULL,
    cc_code        VARCHAR(10) NOT NULL,
    cc_name        VARCHAR(60) NOT NULL,
    entity_id      INTEGER     NOT NULL,
    manager_name   VARCHAR(80) NULL,
    PRIMARY KEY (cost_center_id),
    UNIQUE (cc_code),
    FOREIGN KEY (entity_id) REFERENCES legal_entities (entity_id)
);

CREATE TABLE fiscal_periods (
    fiscal_period_id INTEGER NOT NULL,
    fiscal_year      INTEGER NOT NULL,
    fiscal_month     INTEGER NOT NULL,
    starts_on        DATE    NOT NULL,
    ends_on          DATE    NOT NULL,
    is_closed        BOOLEAN NOT NULL,
    PRIMARY KEY (fiscal_period_id),
    UNIQUE (fiscal_year, fiscal_month),
    CHECK (fiscal_month BETWEEN 1 AND 12),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE fx_rates (
    fx_rate_id    INTEGER        NOT NULL,
    currency_code VARCHAR(3)     NOT NULL,
    rate_date     DATE           NOT NULL,
    usd_per_unit  DECIMAL(18, 8) NOT NULL,
    PRIMARY KEY (fx_rate_id),
    UNIQUE (currency_code, rate_date),
    FOREIGN KEY (currency_code) REFERENCES currencies (currency_code),
    CHECK (usd_per_unit > 0)
);

CREATE TABLE counterparties (
    counterparty_id   INTEGER        NOT NULL,
    counterparty_name VARCHAR(120)   NOT NULL,
    kind              VARCHAR(10)    NOT NULL,
    country_code      VARCHAR(2)     NULL,
    tax_id            VARCHAR(30)    NULL,
    credit_limit      DECIMAL(14, 2) NULL,
    PRIMARY KEY (counterparty_id),
    CHECK (kind IN ('customer', 'supplier', 'both'))
);

CREATE TABLE journal_entries (
    journal_entry_id  INTEGER      NOT NULL,
    entry_no          VARCHAR(20)  NOT NULL,
    entity_id         INTEGER      NOT NULL,
    fiscal_period_id  INTEGER      NOT NULL,
    posted_on         DATE         NOT NULL,
    currency_code     VARCHAR(3)   NOT NULL,
    origin            VARCHAR(10)  NOT NULL,
    description       VARCHAR(200) NULL,
    created_by        VARCHAR(40)  NOT NULL,
    created_at        TIMESTAMP    NOT NULL,
    approved_at       TIMESTAMP    NULL,
    reverses_entry_id INTEGER      NULL,
    PRIMARY KEY (journal_entry_id),
    UNIQUE (entry_no),
    FOREIGN KEY (entity_id) REFERENCES legal_entities (entity_id),
    FOREIGN KEY (fiscal_period_id) REFERENCES fiscal_periods (fiscal_period_id),
    FOREIGN KEY (currency_code) REFERENCES currencies (currency_code),
    FOREIGN KEY (reverses_entry_id) REFERENCES journal_entries (journal_entry_id),
    CHECK (origin IN ('opening', 'manual', 'ar', 'ap', 'cash', 'payroll', 'depr', 'fx', 'closing'))
);

CREATE TABLE ledger_lines (
    ledger_line_id   INTEGER        NOT NULL,
    journal_entry_id INTEGER        NOT NULL,
    line_no          INTEGER        NOT NULL,
    account_id       INTEGER        NOT NULL,
    cost_center_id   INTEGER        NULL,
    debit            DECIMAL(18, 2) NOT NULL,
    credit           DECIMAL(18, 2) NOT NULL,
    memo             VARCHAR(200)   NULL,
    PRIMARY KEY (ledger_line_id),
    UNIQUE (journal_entry_id, line_no),
    FOREIGN KEY (journal_entry_id) REFERENCES journal_entries (journal_entry_id),
    FOREIGN KEY (account_id) REFERENCES accounts (account_id),
    FOREIGN KEY (cost_center_id) REFERENCES cost_centers (cost_center_id),
    CHECK (debit = 0 OR credit = 0)
);

CREATE TABLE invoices (
    invoice_id       INTEGER        NOT NULL,
    invoice_no       VARCHAR(20)    NOT NULL,
    direction        VARCHAR(2)     NOT NULL,
    counterparty_id  INTEGER        NOT NULL,
    entity_id        INTEGER        NOT NULL,
    currency_code    VARCHAR(3)     NOT NULL,
    issued_on        DATE           NOT NULL,
    due_on           DATE           NOT NULL,
    net_amount       DECIMAL(14, 2) NOT NULL,
    tax_amount       DECIMAL(14, 2) NOT NULL,
    external_ref     VARCHAR(30)    NULL,
    journal_entry_id INTEGER        NULL,
    PRIMARY KEY (invoice_id),
    UNIQUE (invoice_no),
    FOREIGN KEY (counterparty_id) REFERENCES counterparties (counterparty_id),
    FOREIGN KEY (entity_id) REFERENCES legal_entities (entity_id),
    FOREIGN KEY (currency_code) REFERENCES currencies (currency_code),
    FOREIGN KEY (journal_entry_id) REFERENCES journal_entries (journal_entry_id),
    CHECK (direction IN ('ar', 'ap')),
    CHECK (due_on >= issued_on)
);

CREATE TABLE payments (
    payment_id       INTEGER        NOT NULL,
    invoice_id       INTEGER        NOT NULL,
    paid_on          DATE           NOT NULL,
    amount           DECIMAL(14, 2) NOT NULL,
    pay_method       VARCHAR(12)    NOT NULL,
    journal_entry_id INTEGER        NULL,
    PRIMARY KEY (payment_id),
    FOREIGN KEY (invoice_id) REFERENCES invoices (invoice_id),
    FOREIGN KEY (journal_entry_id) REFERENCES journal_entries (journal_entry_id),
    CHECK (pay_method IN ('wire', 'sepa', 'card', 'check', 'netting'))
);

CREATE TABLE budgets (
    budget_id        INTEGER        NOT NULL,
    entity_id        INTEGER        NOT NULL,
    account_id       INTEGER        NOT NULL,
    cost_center_id   INTEGER        NULL,
    fiscal_period_id INTEGER        NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (budget_id),
    UNIQUE (entity_id, account_id, cost_center_id, fiscal_period_id),
    FOREIGN KEY (entity_id) REFERENCES legal_entities (entity_id),
    FOREIGN KEY (account_id) REFERENCES accounts (account_id),
    FOREIGN KEY (cost_center_id) REFERENCES cost_centers (cost_center_id),
    FOREIGN KEY (fiscal_period_id) REFERENCES fiscal_periods (fiscal_period_id)
);

CREATE INDEX idx_ledger_lines_account ON ledger_lines (account_id);
CREATE INDEX idx_journal_entries_posted ON journal_entries (posted_on);
CREATE INDEX idx_journal_entries_period ON journal_entries (fiscal_period_id);
CREATE INDEX idx_invoices_counterparty ON invoices (counterparty_id);
CREATE INDEX idx_payments_invoice ON payments (invoice_id);
