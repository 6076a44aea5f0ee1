-- Social network corpus: members, follows, interest groups, posts, comments,
-- likes, hashtags, direct messages and moderation reports.
-- Portable DDL: runs unchanged on DuckDB, SQLite, PostgreSQL and MariaDB.

CREATE TABLE countries (
    country_code  VARCHAR(2)   NOT NULL PRIMARY KEY,
    country_name  VARCHAR(60)  NOT NULL UNIQUE,
    continent     VARCHAR(20)  NOT NULL
);

CREATE TABLE members (
    member_id      INTEGER      NOT NULL PRIMARY KEY,
    handle         VARCHAR(30)  NOT NULL UNIQUE,
    display_name   VARCHAR(80)  NOT NULL,
    email          VARCHAR(120) NULL UNIQUE,
    country_code   VARCHAR(2)   NULL REFERENCES countries (country_code),
    birth_date     DATE         NULL,
    joined_at      TIMESTAMP    NOT NULL,
    last_login_at  TIMESTAMP    NULL,
    is_verified    BOOLEAN      NOT NULL,
    is_active      BOOLEAN      NOT NULL,
    bio            VARCHAR(600) NULL,
    referred_by    INTEGER      NULL REFERENCES members (member_id),
    CHECK (referred_by IS NULL OR referred_by <> member_id)
);

CREATE TABLE follows (
    follower_id  INTEGER   NOT NULL REFERENCES members (member_id),
    followee_id  INTEGER   NOT NULL REFERENCES members (member_id),
    followed_at  TIMESTAMP NOT NULL,
    is_muted     BOOLEAN   NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);

CREATE TABLE interest_groups (
    group_id     INTEGER      NOT NULL PRIMARY KEY,
    group_name   VARCHAR(80)  NOT NULL UNIQUE,
    category     VARCHAR(30)  NOT NULL,
    created_by   INTEGER      NOT NULL REFERENCES members (member_id),
    created_at   TIMESTAMP    NOT NULL,
    is_private   BOOLEAN      NOT NULL,
    description  VARCHAR(400) NULL
);

CREATE TABLE group_memberships (
    group_id   INTEGER     NOT NULL REFERENCES interest_groups (group_id),
    member_id  INTEGER     NOT NULL REFERENCES members (member_id),
    role_name  VARCHAR(12) NOT NULL CHECK (role_name IN ('owner', 'moderator', 'member')),
    joined_at  TIMESTAMP   NOT NULL,
    left_at    TIMESTAMP   NULL,
    PRIMARY KEY (group_id, member_id),
    CHECK (left_at IS NULL OR left_at > joined_at)
);

CREATE TABLE posts (
    post_id     INTEGER       NOT NULL PRIMARY KEY,
    author_id   INTEGER       NOT NULL REFERENCES members (member_id),
    group_id    INTEGER       NULL REFERENCES interest_groups (group_id),
    title       VARCHAR(200)  NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    edited_at   TIMESTAMP     NULL,
    visibility  VARCHAR(10)   NOT NULL CHECK (visibility IN ('public', 'friends', 'private')),
    is_pinned   BOOLEAN       NOT NULL,
    view_count  INTEGER       NOT NULL CHECK (view_count >= 0)
);

CREATE TABLE hashtags (
    tag_id  INTEGER     NOT NULL PRIMARY KEY,
    tag     VARCHAR(40) NOT NULL UNIQUE
);

CREATE TABLE post_hashtags (
    post_id  INTEGER NOT NULL REFERENCES posts (post_id),
    tag_id   INTEGER NOT NULL REFERENCES hashtags (tag_id),
    PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE comments (
    comment_id         INTEGER       NOT NULL PRIMARY KEY,
    post_id            INTEGER       NOT NULL REFERENCES posts (post_id),
    author_id          INTEGER       NOT NULL REFERENCES members (member_id),
    parent_comment_id  INTEGER       NULL REFERENCES comments (comment_id),
    body               VARCHAR(1000) NOT NULL,
    created_at         TIMESTAMP     NOT NULL,
    is_deleted         BOOLEAN       NOT NULL
);

CREATE TABLE post_likes (
    member_id  INTEGER     NOT NULL REFERENCES members (member_id),
    post_id    INTEGER     NOT NULL REFERENCES posts (post_id),
    reaction   VARCHAR(10) NOT NULL CHECK (reaction IN ('like', 'love', 'haha', 'wow', 'sad', 'angry')),
    liked_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (member_id, post_id)
);

CREATE TABLE messages (
    message_id    INTEGER       NOT NULL PRIMARY KEY,
    sender_id     INTEGER       NOT NULL REFERENCES members (member_id),
    recipient_id  INTEGER       NOT NULL REFERENCES members (member_id),
    sent_at       TIMESTAMP     NOT NULL,
    read_at       TIMESTAMP     NULL,
    body          VARCHAR(2000) NOT NULL,
    CHECK (sender_id <> recipient_id)
);

CREATE TABLE content_reports (
    report_id    INTEGER      NOT NULL PRIMARY KEY,
    post_id      INTEGER      NOT NULL REFERENCES posts (post_id),
    reporter_id  INTEGER      NOT NULL REFERENCES members (member_id),
    reason       VARCHAR(20)  NOT NULL CHECK (reason IN ('spam', 'abuse', 'misinformation', 'copyright', 'other')),
    details      VARCHAR(500) NULL,
    reported_at  TIMESTAMP    NOT NULL,
    resolved_at  TIMESTAMP    NULL,
    outcome      VARCHAR(12)  NULL CHECK (outcome IN ('removed', 'dismissed', 'warned')),
    UNIQUE (post_id, reporter_id)
);

CREATE INDEX idx_posts_author ON posts (author_id);
CREATE INDEX idx_posts_created ON posts (created_at);
CREATE INDEX idx_comments_post ON comments (post_id);
CREATE INDEX idx_follows_followee ON follows (followee_id);
CREATE INDEX idx_likes_post ON post_likes (post_id);
CREATE INDEX idx_messages_recipient ON messages (recipient_id);
