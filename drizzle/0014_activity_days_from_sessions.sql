-- Days of use before account_activity_days existed (docs/decisions/012): every session still held
-- gives its sign-in's day in Vietnam, so the dashboards' 7- and 30-day counts and the figures of a
-- report period that began before this migration keep what the session-based counts showed (a
-- floor), instead of dropping to the days of use recorded since. Idempotent (the key).
INSERT INTO "account_activity_days" ("day", "account_id", "kind", "school_id")
SELECT DISTINCT (s."created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, a."id", p."kind", p."school_id"
FROM "sessions" s JOIN "accounts" a ON a."id" = s."account_id" JOIN "persons" p ON p."id" = a."person_id"
ON CONFLICT ("day", "account_id") DO NOTHING;
