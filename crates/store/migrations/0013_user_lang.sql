-- The language each person reads the platform's letters in (NULL: never chosen; the site's
-- default applies).
ALTER TABLE users ADD COLUMN lang TEXT;
