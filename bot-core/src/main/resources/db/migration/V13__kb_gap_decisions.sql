-- Knowledge base v2: what a content author decided about an unanswered question. OPEN until then;
-- PHRASING (added to an entry's questions), OUT_OF_SCOPE (joined the calibration additions) or
-- NEEDS_ENTRY (listed separately until someone writes the entry).
alter table kb_gap add column status varchar(16) default 'OPEN' not null;
alter table kb_gap add column decided_entry varchar(64);
alter table kb_gap add column decided_at timestamp with time zone;
create index kb_gap_status on kb_gap (status, created_at);
