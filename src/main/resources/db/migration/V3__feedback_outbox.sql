-- Label events for fraud-feedback are written here in the same transaction as the case resolution
-- (a transactional outbox), then published; a resolution can therefore never be stored without its
-- event eventually reaching Kafka, even if Kafka is down at that moment.
CREATE TABLE feedback_outbox (
    feedback_id  text PRIMARY KEY,
    case_id      bigint      NOT NULL REFERENCES review_cases (case_id),
    user_id      text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX feedback_outbox_unpublished ON feedback_outbox (created_at) WHERE published_at IS NULL;
