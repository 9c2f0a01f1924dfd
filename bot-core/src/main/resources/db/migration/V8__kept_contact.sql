-- A person who deleted their data while a safeguarding case (an escalation) was still open keeps
-- only this row (channel and openid, nothing else) so the counselor can still reach them; it is set
-- when that happened and the row is deleted once the case is closed (at close, or by the nightly
-- purge). Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE person ADD COLUMN contact_kept_at TIMESTAMP WITH TIME ZONE;
