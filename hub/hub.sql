-- hub.sql -- the PostgreSQL hub of several borne kiosks (docs/sync.md).
-- Run by `borne-admin hub init URL` as the hub's owner, in one
-- transaction; running it again changes nothing, and a newer file
-- migrates an older hub (borne.meta.version).
--
-- Kiosks never touch a table: they call borne.handshake, borne.push,
-- borne.pull and borne.new_incarnation, SECURITY DEFINER functions with
-- search_path pinned, which check that the calling role is the one the
-- kiosk was registered with (borne.add_kiosk). Every change applied gets
-- the next hub sequence from one counter row, updated under its lock
-- until the pushing transaction commits: sequences commit in order, so a
-- kiosk pulling "after N" never skips a row.

CREATE SCHEMA IF NOT EXISTS borne;
REVOKE ALL ON SCHEMA borne FROM PUBLIC;
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'borne_kiosk') THEN
		CREATE ROLE borne_kiosk NOLOGIN;
	END IF;
END $$;
GRANT USAGE ON SCHEMA borne TO borne_kiosk;

-- version: of this schema; seq: the last hub sequence given.
CREATE TABLE IF NOT EXISTS borne.meta (
	id      int PRIMARY KEY CHECK (id = 1),
	version int NOT NULL,
	seq     bigint NOT NULL DEFAULT 0);
INSERT INTO borne.meta(id, version) VALUES (1, 1) ON CONFLICT DO NOTHING;

-- One row per kiosk: its database's uuid, its role, the incarnation it
-- pushes under and the last change taken from it (and that change's
-- clock, to tell a lost acknowledgement from a restored backup).
CREATE TABLE IF NOT EXISTS borne.kiosks (
	kiosk_uuid  uuid PRIMARY KEY,
	role        name NOT NULL UNIQUE,
	incarnation int NOT NULL DEFAULT 1,
	last_seq    bigint NOT NULL DEFAULT 0,
	last_hlc    text NOT NULL DEFAULT '',
	revoked     boolean NOT NULL DEFAULT false,
	added       timestamptz NOT NULL DEFAULT now(),
	seen        timestamptz);

-- Every change received, applied or not, once: what makes a batch sent
-- twice change nothing.
CREATE TABLE IF NOT EXISTS borne.received (
	kiosk_uuid  uuid NOT NULL,
	incarnation int NOT NULL,
	kiosk_seq   bigint NOT NULL,
	hlc         text NOT NULL,
	tbl         text NOT NULL,
	row_uuid    text NOT NULL,
	outcome     text NOT NULL CHECK (outcome IN ('applied','rejected','ignored')),
	hub_seq     bigint,
	PRIMARY KEY (kiosk_uuid, incarnation, kiosk_seq));
CREATE INDEX IF NOT EXISTS received_row ON borne.received(row_uuid)
	WHERE outcome = 'rejected';

-- The log the kiosks pull, in hub order.
CREATE TABLE IF NOT EXISTS borne.changes (
	hub_seq        bigint PRIMARY KEY,
	kiosk_uuid     uuid NOT NULL,
	incarnation    int NOT NULL,
	kiosk_seq      bigint NOT NULL,
	tbl            text NOT NULL,
	row_uuid       text NOT NULL,
	op             text NOT NULL,
	payload        jsonb NOT NULL,
	hlc            text NOT NULL,
	wall_ms        bigint,
	wall_trusted   boolean,
	boot_id        text,
	schema_version int NOT NULL,
	taken          timestamptz NOT NULL DEFAULT now());

-- The rows as they stand, for the reports, with their origin kiosk.
CREATE TABLE IF NOT EXISTS borne.rows (
	tbl          text NOT NULL,
	row_uuid     text NOT NULL,
	payload      jsonb NOT NULL,
	origin_kiosk uuid NOT NULL,
	hub_seq      bigint NOT NULL,
	hlc          text NOT NULL,
	PRIMARY KEY (tbl, row_uuid));
CREATE INDEX IF NOT EXISTS rows_badge_uid ON borne.rows ((payload->>'uid'))
	WHERE tbl = 'badges';
CREATE INDEX IF NOT EXISTS rows_member ON borne.rows ((payload->>'member_uuid'));

CREATE TABLE IF NOT EXISTS borne.forgotten (
	member_uuid text PRIMARY KEY,
	at          timestamptz NOT NULL DEFAULT now());

-- What lost a conflict, and why.
CREATE TABLE IF NOT EXISTS borne.audit (
	id         bigserial PRIMARY KEY,
	at         timestamptz NOT NULL DEFAULT now(),
	kiosk_uuid uuid NOT NULL,
	action     text NOT NULL,
	tbl        text NOT NULL,
	row_uuid   text NOT NULL,
	detail     jsonb);

-- The caller must be the kiosk's own role, not revoked.
CREATE OR REPLACE FUNCTION borne.caller(p_kiosk uuid, p_lock boolean)
RETURNS borne.kiosks LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	k borne.kiosks;
BEGIN
	IF p_lock THEN
		SELECT * INTO k FROM borne.kiosks WHERE kiosk_uuid = p_kiosk FOR UPDATE;
	ELSE
		SELECT * INTO k FROM borne.kiosks WHERE kiosk_uuid = p_kiosk;
	END IF;
	IF NOT FOUND OR k.revoked OR k.role <> session_user THEN
		RAISE EXCEPTION 'borne: role % may not act as kiosk %',
			session_user, p_kiosk USING ERRCODE = '42501';
	END IF;
	RETURN k;
END $$;

CREATE OR REPLACE FUNCTION borne.handshake(p_kiosk uuid,
	OUT incarnation int, OUT last_seq bigint, OUT last_hlc text,
	OUT hub_seq bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	k borne.kiosks;
BEGIN
	k := borne.caller(p_kiosk, false);
	incarnation := k.incarnation;
	last_seq := k.last_seq;
	last_hlc := k.last_hlc;
	SELECT m.seq INTO hub_seq FROM borne.meta m;
	UPDATE borne.kiosks SET seen = now() WHERE kiosk_uuid = p_kiosk;
END $$;

-- A kiosk restored from a backup: its change numbers start again after
-- p_base (what its backup knew the hub had) under a new incarnation.
CREATE OR REPLACE FUNCTION borne.new_incarnation(p_kiosk uuid, p_base bigint)
RETURNS int LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	k borne.kiosks;
BEGIN
	k := borne.caller(p_kiosk, true);
	UPDATE borne.kiosks SET incarnation = k.incarnation + 1,
		last_seq = p_base, last_hlc = ''
		WHERE kiosk_uuid = p_kiosk;
	INSERT INTO borne.audit(kiosk_uuid, action, tbl, row_uuid, detail)
		VALUES (p_kiosk, 'restored', 'kiosks', p_kiosk::text,
			jsonb_build_object('old_incarnation', k.incarnation,
				'old_last_seq', k.last_seq, 'base', p_base));
	RETURN k.incarnation + 1;
END $$;

CREATE OR REPLACE FUNCTION borne.next_seq() RETURNS bigint
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
	UPDATE borne.meta SET seq = seq + 1 WHERE id = 1 RETURNING seq;
$$;

-- One change, in hub order. Returns its outcome.
CREATE OR REPLACE FUNCTION borne.apply(p_kiosk uuid, p_inc int, c jsonb)
RETURNS text LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	v_tbl  text := c->>'tbl';
	v_op   text := c->>'op';
	v_row  text := c->>'row_uuid';
	v_pay  jsonb := c->'payload';
	v_mem  text;
	v_old  borne.rows;
	v_out  text := 'applied';
	v_seq  bigint;
	v_places int;
BEGIN
	v_mem := COALESCE(v_pay->>'member_uuid', v_pay->>'target_uuid',
		CASE WHEN v_tbl = 'members' THEN v_row END);
	IF v_op = 'scrubbed' THEN
		v_out := 'ignored';
	ELSIF v_op = 'forget' THEN
		-- Final: the member's name, badges and the badge on their visits
		-- go, here and from the log; later rows about them are cut.
		INSERT INTO borne.forgotten(member_uuid) VALUES (v_row)
			ON CONFLICT DO NOTHING;
		DELETE FROM borne.rows WHERE tbl = 'badges'
			AND payload->>'member_uuid' = v_row;
		UPDATE borne.rows SET payload = payload || jsonb_build_object(
			'name', '', 'forgotten', 1, 'active', 0)
			WHERE tbl = 'members' AND row_uuid = v_row;
		UPDATE borne.rows SET payload = payload || '{"badge": ""}'
			WHERE tbl = 'visits' AND payload->>'member_uuid' = v_row;
		UPDATE borne.changes SET payload = jsonb_build_object('uuid', row_uuid),
			op = 'scrubbed'
			WHERE op <> 'forget' AND ((tbl = 'members' AND row_uuid = v_row)
				OR (tbl IN ('badges', 'visits')
					AND payload->>'member_uuid' = v_row)
				OR (tbl = 'audit' AND payload->>'target_uuid' = v_row));
	ELSIF v_mem IS NOT NULL AND EXISTS
		(SELECT 1 FROM borne.forgotten WHERE member_uuid = v_mem) THEN
		-- An old row of a forgotten member: the hours stay, not the person.
		IF v_tbl = 'visits' THEN
			v_pay := v_pay || '{"badge": ""}';
		ELSIF v_tbl = 'audit' THEN
			v_pay := v_pay || '{"detail": null}';
		ELSE
			v_out := 'ignored';
		END IF;
	ELSIF v_tbl = 'badges' AND v_op <> 'delete' AND (
		EXISTS (SELECT 1 FROM borne.received r WHERE r.row_uuid = v_row
			AND r.outcome = 'rejected')
		OR EXISTS (SELECT 1 FROM borne.rows r WHERE r.tbl = 'badges'
			AND r.payload->>'uid' = v_pay->>'uid' AND r.row_uuid <> v_row
			AND (r.payload->>'active')::int = 1)) THEN
		-- The uid is someone else's first, in hub order.
		v_out := 'rejected';
		INSERT INTO borne.audit(kiosk_uuid, action, tbl, row_uuid, detail)
			VALUES (p_kiosk, 'badge_taken', v_tbl, v_row, v_pay);
	ELSIF v_tbl = 'mission_takes' AND v_op = 'insert'
		AND v_pay->>'released_utc' IS NULL THEN
		-- Places cannot be held offline: the earliest takes in hub order
		-- keep them; a later one is applied released, and marked refused
		-- so its kiosk tells the member.
		SELECT (r.payload->>'places')::int INTO v_places FROM borne.rows r
			WHERE r.tbl = 'missions' AND r.row_uuid = v_pay->>'mission_uuid';
		IF v_places IS NOT NULL AND v_places <= (SELECT count(*)
			FROM borne.rows r WHERE r.tbl = 'mission_takes'
			AND r.payload->>'mission_uuid' = v_pay->>'mission_uuid'
			AND r.payload->>'released_utc' IS NULL AND r.row_uuid <> v_row) THEN
			v_pay := v_pay || jsonb_build_object('released_utc',
				v_pay->'taken_utc', 'refused', 1);
			INSERT INTO borne.audit(kiosk_uuid, action, tbl, row_uuid, detail)
				VALUES (p_kiosk, 'take_refused', v_tbl, v_row, v_pay);
		END IF;
	END IF;

	IF v_out = 'applied' THEN
		v_seq := borne.next_seq();
		IF v_op = 'delete' THEN
			DELETE FROM borne.rows WHERE tbl = v_tbl AND row_uuid = v_row;
		ELSIF v_op <> 'forget' THEN
			SELECT * INTO v_old FROM borne.rows
				WHERE tbl = v_tbl AND row_uuid = v_row FOR UPDATE;
			-- Last write in hub order wins; the loser is kept here.
			IF FOUND AND v_old.origin_kiosk <> p_kiosk
				AND v_tbl IN ('members', 'badges')
				AND v_old.payload <> v_pay THEN
				INSERT INTO borne.audit(kiosk_uuid, action, tbl, row_uuid, detail)
					VALUES (v_old.origin_kiosk, 'overwritten', v_tbl, v_row,
						v_old.payload);
			END IF;
			INSERT INTO borne.rows(tbl, row_uuid, payload, origin_kiosk,
				hub_seq, hlc)
				VALUES (v_tbl, v_row, v_pay, p_kiosk, v_seq, c->>'hlc')
				ON CONFLICT (tbl, row_uuid) DO UPDATE SET
					payload = excluded.payload,
					origin_kiosk = excluded.origin_kiosk,
					hub_seq = excluded.hub_seq, hlc = excluded.hlc;
		END IF;
		INSERT INTO borne.changes(hub_seq, kiosk_uuid, incarnation, kiosk_seq,
			tbl, row_uuid, op, payload, hlc, wall_ms, wall_trusted, boot_id,
			schema_version)
			VALUES (v_seq, p_kiosk, p_inc, (c->>'seq')::bigint, v_tbl, v_row,
				v_op, v_pay, c->>'hlc', (c->>'wall_ms')::bigint,
				(c->>'wall_trusted')::int = 1, c->>'boot_id',
				(c->>'schema_version')::int);
	END IF;
	INSERT INTO borne.received(kiosk_uuid, incarnation, kiosk_seq, hlc, tbl,
		row_uuid, outcome, hub_seq)
		VALUES (p_kiosk, p_inc, (c->>'seq')::bigint, c->>'hlc', v_tbl, v_row,
			v_out, v_seq);
	RETURN v_out;
END $$;

-- A batch of changes, in the kiosk's order, all or nothing. A change
-- already taken is skipped (it must be the same one: the same clock);
-- a gap is refused. Returns the last change taken.
CREATE OR REPLACE FUNCTION borne.push(p_kiosk uuid, p_inc int, p_changes jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	k borne.kiosks;
	c jsonb;
	s bigint;
BEGIN
	k := borne.caller(p_kiosk, true);
	-- One push at a time, from here to its commit: each rule (the first
	-- badge, the earliest takes) sees every push committed before it.
	PERFORM 1 FROM borne.meta WHERE id = 1 FOR UPDATE;
	IF p_inc <> k.incarnation THEN
		RAISE EXCEPTION 'borne: incarnation % is not the hub''s %',
			p_inc, k.incarnation USING ERRCODE = 'BR001';
	END IF;
	FOR c IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
		s := (c->>'seq')::bigint;
		IF s <= k.last_seq THEN
			IF EXISTS (SELECT 1 FROM borne.received r
				WHERE r.kiosk_uuid = p_kiosk AND r.incarnation = p_inc
				AND r.kiosk_seq = s AND r.hlc <> c->>'hlc') THEN
				RAISE EXCEPTION 'borne: change % is not the one taken before',
					s USING ERRCODE = 'BR002';
			END IF;
			CONTINUE;
		END IF;
		IF s <> k.last_seq + 1 THEN
			RAISE EXCEPTION 'borne: change % after % leaves a gap',
				s, k.last_seq USING ERRCODE = 'BR003';
		END IF;
		PERFORM borne.apply(p_kiosk, p_inc, c);
		k.last_seq := s;
		k.last_hlc := c->>'hlc';
	END LOOP;
	UPDATE borne.kiosks SET last_seq = k.last_seq, last_hlc = k.last_hlc,
		seen = now() WHERE kiosk_uuid = p_kiosk;
	RETURN k.last_seq;
END $$;

-- The log after p_after, in hub order, p_limit at most.
CREATE OR REPLACE FUNCTION borne.pull(p_kiosk uuid, p_after bigint, p_limit int)
RETURNS TABLE (hub_seq bigint, tbl text, row_uuid text, op text,
	payload jsonb, hlc text, schema_version int)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	PERFORM borne.caller(p_kiosk, false);
	RETURN QUERY SELECT c.hub_seq, c.tbl, c.row_uuid, c.op, c.payload, c.hlc,
		c.schema_version FROM borne.changes c
		WHERE c.hub_seq > p_after ORDER BY c.hub_seq LIMIT p_limit;
END $$;

-- Administration, by the hub's owner only (never granted).
CREATE OR REPLACE FUNCTION borne.add_kiosk(p_kiosk uuid, p_role name,
	p_password text) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	-- A database copied to make a second kiosk has the first one's uuid:
	-- it would push under its numbers. It must not take its place.
	IF EXISTS (SELECT 1 FROM borne.kiosks WHERE kiosk_uuid = p_kiosk
		AND role <> p_role AND NOT revoked) THEN
		RAISE EXCEPTION 'borne: kiosk % is already on the hub as another role '
			'(a copied database? revoke that role first)', p_kiosk
			USING ERRCODE = '23505';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
		IF p_password IS NULL THEN
			EXECUTE format('CREATE ROLE %I LOGIN IN ROLE borne_kiosk', p_role);
		ELSE
			EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE borne_kiosk',
				p_role, p_password);
		END IF;
	ELSE
		EXECUTE format('ALTER ROLE %I LOGIN', p_role);
		EXECUTE format('GRANT borne_kiosk TO %I', p_role);
	END IF;
	INSERT INTO borne.kiosks(kiosk_uuid, role) VALUES (p_kiosk, p_role)
		ON CONFLICT (kiosk_uuid) DO UPDATE SET role = excluded.role,
			revoked = false;
END $$;

CREATE OR REPLACE FUNCTION borne.revoke_kiosk(p_role name) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	UPDATE borne.kiosks SET revoked = true WHERE role = p_role;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'borne: no kiosk %', p_role USING ERRCODE = '42704';
	END IF;
	EXECUTE format('REVOKE borne_kiosk FROM %I', p_role);
	EXECUTE format('ALTER ROLE %I NOLOGIN', p_role);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA borne FROM PUBLIC;
GRANT EXECUTE ON FUNCTION borne.handshake(uuid), borne.push(uuid, int, jsonb),
	borne.pull(uuid, bigint, int), borne.new_incarnation(uuid, bigint)
	TO borne_kiosk;
REVOKE ALL ON ALL TABLES IN SCHEMA borne FROM PUBLIC;

-- Reports, for coordinators and the back office (the hub's owner, or a
-- role they grant SELECT to): hours per site, member and month.
CREATE OR REPLACE VIEW borne.hours AS
	SELECT payload->>'kiosk_id' AS site,
		payload->>'member_uuid' AS member_uuid,
		to_char(to_timestamp((payload->>'in_utc')::bigint) AT TIME ZONE
			'Europe/Paris', 'YYYY-MM') AS month,
		round(sum((payload->>'out_utc')::bigint
			- (payload->>'in_utc')::bigint) / 3600.0, 2) AS hours,
		count(*) AS visits
	FROM borne.rows WHERE tbl = 'visits' AND payload->>'out_utc' IS NOT NULL
	GROUP BY 1, 2, 3;
CREATE OR REPLACE VIEW borne.missions_by_status AS
	SELECT payload->>'status' AS status, count(*) AS missions
	FROM borne.rows WHERE tbl = 'missions' GROUP BY 1;

-- ---- Reports for coordinators (issue 14, second slice) ------------------
-- One row per visit, then hours per site, per member and per month, plain
-- to read in psql. The site is the visit's kiosk_id (the config's
-- kiosk_id of the kiosk where the member tapped). A visit's hours are
-- out - in, as the kiosks' own reports count them (an open visit: 0);
-- days are local dates in Europe/Paris, like the kiosks' reports.
CREATE OR REPLACE VIEW borne.visit_hours AS
	SELECT COALESCE(NULLIF(payload->>'kiosk_id', ''), '(?)') AS site,
		payload->>'member_uuid' AS member_uuid,
		(to_timestamp((payload->>'in_utc')::bigint)
			AT TIME ZONE 'Europe/Paris')::date AS day,
		GREATEST(COALESCE((payload->>'out_utc')::bigint
			- (payload->>'in_utc')::bigint, 0), 0) AS seconds
	FROM borne.rows WHERE tbl = 'visits';
CREATE OR REPLACE VIEW borne.hours_by_site AS
	SELECT site, count(DISTINCT member_uuid) AS members,
		count(*) AS visits, round(sum(seconds) / 3600.0, 2) AS hours,
		min(day) AS first_day, max(day) AS last_day
	FROM borne.visit_hours GROUP BY site;
CREATE OR REPLACE VIEW borne.hours_by_member AS
	SELECT v.member_uuid,
		COALESCE(NULLIF(m.payload->>'name', ''), U&'(oubli\00E9)') AS name,
		string_agg(DISTINCT v.site, ', ') AS sites,
		count(DISTINCT v.day) AS days, count(*) AS visits,
		round(sum(v.seconds) / 3600.0, 2) AS hours
	FROM borne.visit_hours v LEFT JOIN borne.rows m
		ON m.tbl = 'members' AND m.row_uuid = v.member_uuid
	GROUP BY v.member_uuid, m.payload->>'name';
CREATE OR REPLACE VIEW borne.hours_by_month AS
	SELECT to_char(day, 'YYYY-MM') AS month, site,
		count(DISTINCT member_uuid) AS members, count(*) AS visits,
		round(sum(seconds) / 3600.0, 2) AS hours
	FROM borne.visit_hours GROUP BY 1, 2;

-- A coordinator's role reads these views and nothing else: no table, no
-- function (views run with their owner's rights, so the reader needs
-- none on borne.rows). Made by borne.add_reader (`borne-admin hub
-- add-reader NAME`), by the hub's owner only.
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'borne_reader') THEN
		CREATE ROLE borne_reader NOLOGIN;
	END IF;
END $$;
GRANT USAGE ON SCHEMA borne TO borne_reader;
REVOKE ALL ON ALL TABLES IN SCHEMA borne FROM PUBLIC;
GRANT SELECT ON borne.hours, borne.missions_by_status, borne.visit_hours,
	borne.hours_by_site, borne.hours_by_member, borne.hours_by_month
	TO borne_reader;

CREATE OR REPLACE FUNCTION borne.add_reader(p_role name, p_password text)
RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM borne.kiosks WHERE role = p_role) OR EXISTS
		(SELECT 1 FROM pg_auth_members a
		JOIN pg_roles r ON r.oid = a.member AND r.rolname = p_role
		JOIN pg_roles g ON g.oid = a.roleid AND g.rolname = 'borne_kiosk') THEN
		RAISE EXCEPTION 'borne: % is a kiosk''s role, not a reader', p_role
			USING ERRCODE = '42710';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
		IF p_password IS NULL THEN
			EXECUTE format('CREATE ROLE %I LOGIN IN ROLE borne_reader', p_role);
		ELSE
			EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE borne_reader',
				p_role, p_password);
		END IF;
	ELSE
		EXECUTE format('GRANT borne_reader TO %I', p_role);
		IF p_password IS NOT NULL THEN
			EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_role,
				p_password);
		ELSE
			EXECUTE format('ALTER ROLE %I LOGIN', p_role);
		END IF;
	END IF;
	-- A reader's session cannot write, whatever it is granted later.
	EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on',
		p_role);
END $$;
REVOKE ALL ON FUNCTION borne.add_reader(name, text) FROM PUBLIC;
