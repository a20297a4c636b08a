-- Keeps persons.search_name = lower(unaccent(full name)) so "nguyen van an" finds "Nguyễn Văn An".
CREATE OR REPLACE FUNCTION sen_person_search_name() RETURNS trigger AS $$
BEGIN
  NEW.search_name := lower(unaccent(concat_ws(' ', NEW.family_name, NULLIF(NEW.middle_name, ''), NEW.given_name)));
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER persons_search_name BEFORE INSERT OR UPDATE OF family_name, middle_name, given_name ON persons
  FOR EACH ROW EXECUTE FUNCTION sen_person_search_name();
--> statement-breakpoint
CREATE INDEX persons_search_trgm_idx ON persons USING gin (search_name gin_trgm_ops);
