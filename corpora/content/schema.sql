-- Content platform: authors write articles in sections, articles carry tags
-- (many-to-many through article_tags), readers view, comment and subscribe.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.

CREATE TABLE authors (
    author_id     INTEGER      NOT NULL,
    handle        VARCHAR(40)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    email         VARCHAR(120) NULL,
    country_code  VARCHAR(2)   NULL,
    joined_on     DATE         NOT NULL,
    is_staff      BOOLEAN      NOT NULL,
    bio           VARCHAR(500) NULL,
    PRIMARY KEY (author_id),
    UNIQUE (handle),
    UNIQUE (email)
);

CREATE TABLE editors (
    editor_id     INTEGER      NOT NULL,
    author_id     INTEGER      NULL,
    full_name     VARCHAR(100) NOT NULL,
    seniority     VARCHAR(10)  NOT NULL,
    hired_on      DATE         NOT NULL,
    left_on       DATE         NULL,
    PRIMARY KEY (editor_id),
    FOREIGN KEY (author_id) REFERENCES authors (author_id),
    CHECK (seniority IN ('junior', 'senior', 'chief')),
    CHECK (left_on IS NULL OR left_on >= hired_on)
);

CREATE TABLE sections (
    section_id        INTEGER     NOT NULL,
    section_name      VARCHAR(60) NOT NULL,
    parent_section_id INTEGER     NULL,
    sort_weight       INTEGER     NOT NULL,
    PRIMARY KEY (section_id),
    UNIQUE (section_name),
    FOREIGN KEY (parent_section_id) REFERENCES sections (section_id)
);

CREATE TABLE tags (
    tag_id        INTEGER     NOT NULL,
    tag_name      VARCHAR(50) NOT NULL,
    category      VARCHAR(30) NULL,
    created_on    DATE        NOT NULL,
    PRIMARY KEY (tag_id),
    UNIQUE (tag_name)
);

CREATE TABLE readers (
    reader_id     INTEGER      NOT NULL,
    email         VARCHAR(120) NOT NULL,
    nickname      VARCHAR(40)  NULL,
    country_code  VARCHAR(2)   NULL,
    signed_up_at  TIMESTAMP    NOT NULL,
    birth_year    INTEGER      NULL,
    PRIMARY KEY (reader_id),
    UNIQUE (email),
    CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2015)
);

CREATE TABLE articles (
    article_id      INTEGER          NOT NULL,
    author_id       INTEGER          NOT NULL,
    editor_id       INTEGER          NULL,
    section_id      INTEGER          NOT NULL,
    title           VARCHAR(300)     NOT NULL,
    slug            VARCHAR(120)     NOT NULL,
    state           VARCHAR(10)      NOT NULL,
    language_code   VARCHAR(5)       NOT NULL,
    word_count      INTEGER          NOT NULL,
    reading_minutes DOUBLE PRECISION NULL,
    is_premium      BOOLEAN          NOT NULL,
    price           DECIMAL(8, 2)    NULL,
    created_at      TIMESTAMP        NOT NULL,
    published_at    TIMESTAMP        NULL,
    updated_at      TIMESTAMP        NULL,
    PRIMARY KEY (article_id),
    UNIQUE (slug),
    FOREIGN KEY (author_id) REFERENCES authors (author_id),
    FOREIGN KEY (editor_id) REFERENCES editors (editor_id),
    FOREIGN KEY (section_id) REFERENCES sections (section_id),
    CHECK (state IN ('draft', 'review', 'published', 'archived')),
    CHECK (word_count >= 0),
    CHECK (price IS NULL OR price >= 0)
);

CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL,
    tag_id      INTEGER NOT NULL,
    is_primary  BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, tag_id),
    FOREIGN KEY (article_id) REFERENCES articles (article_id),
    FOREIGN KEY (tag_id) REFERENCES tags (tag_id)
);

CREATE TABLE article_views (
    view_id         INTEGER          NOT NULL,
    article_id      INTEGER          NOT NULL,
    reader_id       INTEGER          NULL,
    viewed_at       TIMESTAMP        NOT NULL,
    seconds_on_page DOUBLE PRECISION NULL,
    device          VARCHAR(10)      NOT NULL,
    referrer        VARCHAR(40)      NULL,
    PRIMARY KEY (view_id),
    FOREIGN KEY (article_id) REFERENCES articles (article_id),
    FOREIGN KEY (reader_id) REFERENCES readers (reader_id),
    CHECK (device IN ('desktop', 'mobile', 'tablet', 'app'))
);

CREATE TABLE subscriptions (
    subscription_id INTEGER       NOT NULL,
    reader_id       INTEGER       NOT NULL,
    author_id       INTEGER       NULL,
    plan_code       VARCHAR(10)   NOT NULL,
    monthly_fee     DECIMAL(8, 2) NOT NULL,
    started_on      DATE          NOT NULL,
    ended_on        DATE          NULL,
    auto_renew      BOOLEAN       NOT NULL,
    PRIMARY KEY (subscription_id),
    FOREIGN KEY (reader_id) REFERENCES readers (reader_id),
    FOREIGN KEY (author_id) REFERENCES authors (author_id),
    CHECK (plan_code IN ('free', 'monthly', 'annual', 'patron')),
    CHECK (monthly_fee >= 0),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);

CREATE TABLE comments (
    comment_id        INTEGER      NOT NULL,
    article_id        INTEGER      NOT NULL,
    reader_id         INTEGER      NOT NULL,
    parent_comment_id INTEGER      NULL,
    posted_at         TIMESTAMP    NOT NULL,
    body              VARCHAR(1000) NOT NULL,
    upvotes           INTEGER      NOT NULL,
    is_flagged        BOOLEAN      NOT NULL,
    PRIMARY KEY (comment_id),
    FOREIGN KEY (article_id) REFERENCES articles (article_id),
    FOREIGN KEY (reader_id) REFERENCES readers (reader_id),
    FOREIGN KEY (parent_comment_id) REFERENCES comments (comment_id)
);

CREATE INDEX idx_articles_author ON articles (author_id);
CREATE INDEX idx_article_tags_tag ON article_tags (tag_id);
CREATE INDEX idx_article_views_article ON article_views (article_id);
CREATE INDEX idx_article_views_reader ON article_views (reader_id);
CREATE INDEX idx_comments_article ON comments (article_id);
CREATE INDEX idx_subscriptions_reader ON subscriptions (reader_id);
