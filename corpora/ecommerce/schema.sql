-- E-commerce corpus: a web shop with a category tree, suppliers, products,
-- warehouses and stock, customers (with referrals), orders, order lines,
-- payments (refunds are negative amounts) and product reviews.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.

CREATE TABLE categories (
    id          INTEGER      NOT NULL PRIMARY KEY,
    parent_id   INTEGER      NULL,
    name        VARCHAR(60)  NOT NULL,
    slug        VARCHAR(60)  NOT NULL UNIQUE,
    is_visible  BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
);

CREATE TABLE suppliers (
    id            INTEGER       NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    country_code  VARCHAR(2)    NOT NULL,
    contact_email VARCHAR(120)  NULL,
    rating        DECIMAL(2, 1) NULL,
    CONSTRAINT ck_suppliers_rating CHECK (rating IS NULL OR (rating >= 0 AND rating <= 5))
);

CREATE TABLE products (
    id              INTEGER          NOT NULL PRIMARY KEY,
    sku             VARCHAR(20)      NOT NULL UNIQUE,
    name            VARCHAR(120)     NOT NULL,
    category_id     INTEGER          NOT NULL,
    supplier_id     INTEGER          NULL,
    list_price      DECIMAL(10, 2)   NOT NULL,
    unit_cost       DECIMAL(10, 2)   NULL,
    weight_kg       DOUBLE PRECISION NULL,
    is_active       BOOLEAN          NOT NULL,
    launched_on     DATE             NULL,
    discontinued_on DATE             NULL,
    CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id),
    CONSTRAINT fk_products_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id),
    CONSTRAINT ck_products_price CHECK (list_price >= 0),
    CONSTRAINT ck_products_dates CHECK (discontinued_on IS NULL OR launched_on IS NULL OR discontinued_on >= launched_on)
);

CREATE TABLE warehouses (
    id            INTEGER     NOT NULL PRIMARY KEY,
    code          VARCHAR(8)  NOT NULL UNIQUE,
    city          VARCHAR(60) NOT NULL,
    country_code  VARCHAR(2)  NOT NULL,
    opened_on     DATE        NOT NULL
);

CREATE TABLE inventory (
    warehouse_id  INTEGER NOT NULL,
    product_id    INTEGER NOT NULL,
    qty_on_hand   INTEGER NOT NULL,
    reorder_point INTEGER NOT NULL DEFAULT 10,
    PRIMARY KEY (warehouse_id, product_id),
    CONSTRAINT fk_inventory_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id),
    CONSTRAINT fk_inventory_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_inventory_qty CHECK (qty_on_hand >= 0 AND reorder_point >= 0)
);

CREATE TABLE customers (
    id               INTEGER      NOT NULL PRIMARY KEY,
    first_name       VARCHAR(60)  NOT NULL,
    last_name        VARCHAR(80)  NOT NULL,
    email            VARCHAR(120) NOT NULL UNIQUE,
    country_code     VARCHAR(2)   NOT NULL,
    city             VARCHAR(80)  NULL,
    signup_date      DATE         NOT NULL,
    birth_date       DATE         NULL,
    loyalty_tier     VARCHAR(10)  NOT NULL,
    marketing_opt_in BOOLEAN      NOT NULL,
    referred_by      INTEGER      NULL,
    CONSTRAINT fk_customers_referrer FOREIGN KEY (referred_by) REFERENCES customers (id),
    CONSTRAINT ck_customers_tier CHECK (loyalty_tier IN ('bronze', 'silver', 'gold', 'platinum'))
);

CREATE TABLE orders (
    id            INTEGER        NOT NULL PRIMARY KEY,
    customer_id   INTEGER        NOT NULL,
    ordered_at    TIMESTAMP      NOT NULL,
    status        VARCHAR(12)    NOT NULL,
    channel       VARCHAR(10)    NOT NULL,
    ship_country  VARCHAR(2)     NOT NULL,
    shipping_fee  DECIMAL(8, 2)  NOT NULL,
    discount_code VARCHAR(20)    NULL,
    shipped_at    TIMESTAMP      NULL,
    delivered_on  DATE           NULL,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned')),
    CONSTRAINT ck_orders_fee CHECK (shipping_fee >= 0)
);

CREATE TABLE order_items (
    order_id     INTEGER        NOT NULL,
    line_no      INTEGER        NOT NULL,
    product_id   INTEGER        NOT NULL,
    quantity     INTEGER        NOT NULL,
    unit_price   DECIMAL(10, 2) NOT NULL,
    discount_pct DECIMAL(5, 2)  NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_items_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_order_items_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_order_items_qty CHECK (quantity > 0),
    CONSTRAINT ck_order_items_discount CHECK (discount_pct >= 0 AND discount_pct <= 100)
);

CREATE TABLE payments (
    id           INTEGER        NOT NULL PRIMARY KEY,
    order_id     INTEGER        NOT NULL,
    paid_at      TIMESTAMP      NULL,
    amount       DECIMAL(10, 2) NOT NULL,
    method       VARCHAR(16)    NOT NULL,
    succeeded    BOOLEAN        NOT NULL,
    provider_ref VARCHAR(40)    NULL,
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_payments_method CHECK (method IN ('card', 'paypal', 'bank_transfer', 'gift_card', 'cod'))
);

CREATE TABLE reviews (
    id            INTEGER       NOT NULL PRIMARY KEY,
    product_id    INTEGER       NOT NULL,
    customer_id   INTEGER       NOT NULL,
    rating        INTEGER       NOT NULL,
    title         VARCHAR(120)  NULL,
    body          VARCHAR(1000) NULL,
    created_at    TIMESTAMP     NOT NULL,
    helpful_votes INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT fk_reviews_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_reviews_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT uq_reviews_product_customer UNIQUE (product_id, customer_id),
    CONSTRAINT ck_reviews_rating CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT ck_reviews_votes CHECK (helpful_votes >= 0)
);

CREATE INDEX ix_products_category ON products (category_id);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_ordered_at ON orders (ordered_at);
CREATE INDEX ix_order_items_product ON order_items (product_id);
CREATE INDEX ix_payments_order ON payments (order_id);
CREATE INDEX ix_reviews_customer ON reviews (customer_id);
