-- The score histogram again, per model in force and per score (sentinel analytics): how many
-- labelled detection decisions each model group had with each (score, label, pattern), once scored
-- by the final score ('score') and once by the rules' own score ('rules_score'), so the report sets
-- each model beside the rules on exactly the decisions it scored, as sentinel evaluate does.
-- model_version is the group: the model's version, or 'rules only' for decisions made while no
-- model was in force. Written in the same transaction as score_histogram and the stored offsets
-- (analytics_offsets), so it is counted exactly once as they are.
-- Known limitation: batches counted before this migration are in score_histogram only; the report
-- says so when the groups add up to fewer decisions than the histogram.
CREATE TABLE model_score_histogram (
    model_version text             NOT NULL,
    scorer        text             NOT NULL CHECK (scorer IN ('score', 'rules_score')),
    score         double precision NOT NULL,
    is_fraud      boolean          NOT NULL,
    fraud_pattern text             NOT NULL,
    decisions     bigint           NOT NULL,
    PRIMARY KEY (model_version, scorer, score, is_fraud, fraud_pattern)
);
