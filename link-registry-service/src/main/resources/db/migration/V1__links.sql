CREATE TABLE link (
    id      uuid PRIMARY KEY,
    code    text NOT NULL UNIQUE
);
