-- Console sessions shared by every instance (Spring Session JDBC's own layout; created here
-- rather than by its auto-initialiser so that Flyway owns the whole schema on H2 and PostgreSQL).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Where a staff role came from: CONFIG (xinqiao.people.admin-openids), INVITE (a staff code),
-- SEED (the simulator's personas). Only CONFIG admins lose the role when their openid leaves
-- the configuration; an admin who redeemed an invitation keeps it until revoked.
alter table person add column role_source varchar(16);
update person set role_source = 'INVITE' where role <> 'PARENT';
update person set role_source = 'CONFIG'
 where role = 'ADMIN'
   and id not in (select used_by from staff_invite where used_by is not null and role = 'ADMIN');
