-- A tiny shop: the bundled example for `sqlforge exec` and the main job.
CREATE TABLE customers (
    id      INTEGER PRIMARY KEY,
    name    VARCHAR(40) NOT NULL,
    country VARCHAR(2)
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    placed_on   DATE NOT NULL,
    amount      DECIMAL(10, 2) NOT NULL
);
