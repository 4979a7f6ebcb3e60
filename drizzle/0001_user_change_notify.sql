-- Tells every server instance listening on openstall_user_changed that a user's session fields
-- (role, status, name, email) changed or the user is gone, on commit, whoever made the change:
-- the app, a script or an operator in psql. The payload is the user's id; '*' after a TRUNCATE.
CREATE FUNCTION "notify_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		PERFORM pg_notify('openstall_user_changed', '*');
	ELSE
		PERFORM pg_notify('openstall_user_changed', OLD."id"::text);
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "user_changed_notify" AFTER UPDATE OR DELETE ON "user"
	FOR EACH ROW
	EXECUTE FUNCTION "notify_user_changed"();
--> statement-breakpoint
CREATE TRIGGER "user_truncated_notify" AFTER TRUNCATE ON "user"
	FOR EACH STATEMENT
	EXECUTE FUNCTION "notify_user_changed"();
