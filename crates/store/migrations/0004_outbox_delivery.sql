-- When an unsent message may next be tried (delivery backs off after failures, and a sender
-- that claimed a message holds it until then).
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
CREATE INDEX outbox_unsent ON outbox (sent_at, next_attempt_at);
