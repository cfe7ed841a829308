-- Batch analytics (sentinel analytics): running aggregates of fraud-scores, written by one database
-- transaction per consumed batch together with the next offset of each partition it read, so a
-- batch is counted exactly once even when the consumer dies before committing to Kafka.

-- Volume, labels and alerts per bucket of a dimension. Dimensions: merchant_category, country,
-- hour_of_day (UTC hour of the event time, '00'..'23'), amount_bucket (fixed edges, see
-- analytics.AmountBuckets) and severity. Every decision counts in transactions and amount_sum;
-- decisions on already-blocked accounts (reason ACCOUNT_BLOCKED) are enforcement, not detection,
-- and count only in enforcement; the label and alert columns count the labelled detection
-- decisions (evaluated), as sentinel evaluate does. An alert is a score at or above the alert
-- threshold the analytics consumer runs with (analytics_settings.alert_threshold).
CREATE TABLE fraud_stats (
    dimension      text    NOT NULL,
    bucket         text    NOT NULL,
    transactions   bigint  NOT NULL,
    amount_sum     numeric NOT NULL,
    enforcement    bigint  NOT NULL,
    evaluated      bigint  NOT NULL,
    labelled_fraud bigint  NOT NULL,
    alerts         bigint  NOT NULL,
    true_alerts    bigint  NOT NULL,
    PRIMARY KEY (dimension, bucket)
);

-- How many labelled detection decisions had each (score, label, pattern). Scores are rounded to 6
-- decimals on the wire and take few distinct values, so this stays small and the report's ROC AUC
-- and confusion matrix at any threshold are exact. fraud_pattern is '' for legitimate transactions
-- and for frauds without a pattern label.
CREATE TABLE score_histogram (
    score         double precision NOT NULL,
    is_fraud      boolean          NOT NULL,
    fraud_pattern text             NOT NULL,
    decisions     bigint           NOT NULL,
    PRIMARY KEY (score, is_fraud, fraud_pattern)
);

-- Totals that belong to no bucket: decisions, enforcement_decisions, unlabelled_decisions,
-- undecodable_records (sent to persistence-dlq).
CREATE TABLE analytics_counters (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);

-- The next offset to read per partition: what the aggregates above already contain. The consumer
-- seeks here on assignment; Kafka's committed offsets only show the group's lag.
CREATE TABLE analytics_offsets (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- What the aggregates were built with; the consumer refuses to add to them with other settings.
CREATE TABLE analytics_settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
