-- One-off announcement cards (e.g. an event) sent through the push's mass send: the run row in
-- push_run counts against the monthly mass-send limit like any other; the card's content lives
-- here so a retry builds the same draft.
create table push_announcement (
    run_id   bigint        primary key references push_run (id) on delete cascade,
    title    varchar(64)   not null,
    digest   varchar(120)  not null,
    html     varchar(8000) not null
);
