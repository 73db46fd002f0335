-- Lists of requests are read latest change first, a page at a time.
CREATE INDEX hub_requests_updated ON hub_requests (updated_at, id);
