-- Consent withdrawal (撤回同意), separate from deletion: consented_at is cleared (the person is back
-- in the not-consented state) and this records when they withdrew, so reminders and offers of things
-- they booked earlier skip them and the notice greets them as someone who withdrew. Their data stays;
-- 同意 again clears it. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE person ADD COLUMN consent_withdrawn_at TIMESTAMP WITH TIME ZONE;
