-- The latest label of each transaction (topic fraud-feedback): analysts' case resolutions,
-- chargebacks, imports. labelled_at is the event's own time, or else when Kafka recorded the event.
-- A label replaces the stored one only when it is strictly newer, so a replayed record, or an older
-- label arriving late, changes nothing. No Kafka origin is kept, as in the other sink tables.
CREATE TABLE labels (
    transaction_id text PRIMARY KEY,
    user_id        text,
    is_fraud       boolean     NOT NULL,
    source         text,
    labelled_at    timestamptz NOT NULL
);
-- Labels given since a point in time (training sets are built from recent labels).
CREATE INDEX labels_labelled_at ON labels (labelled_at);
