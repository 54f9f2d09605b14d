-- 匿名反映: an appeal raised without an account carries a tracking code (查询码) that its raiser
-- follows it with; only the code's hash is kept, and one code finds one appeal.
CREATE TABLE matter_tracking (
    matter_id  BIGINT                   NOT NULL PRIMARY KEY REFERENCES matter (id),
    code_hash  VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT matter_tracking_code_uk UNIQUE (code_hash)
);
