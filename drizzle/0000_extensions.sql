-- unaccent + pg_trgm serve diacritics-insensitive search (both are trusted extensions on PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
