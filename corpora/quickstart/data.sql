INSERT INTO customers VALUES
    (1, 'Ada', 'GB'), (2, 'Grace', 'US'), (3, 'Edsger', 'NL'), (4, 'Barbara', NULL);
INSERT INTO orders VALUES
    (10, 1, '2024-01-05', 120.00),
    (11, 1, '2024-02-11', 35.50),
    (12, 2, '2024-02-12', 99.99),
    (13, 3, '2024-03-01', 10.00),
    (14, 2, '2024-03-15', 250.25);
