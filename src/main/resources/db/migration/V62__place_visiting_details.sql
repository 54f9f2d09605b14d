-- What a visitor needs besides the map: when a place is open and whom to ask (a place's public
-- telephone or office, not a person's own number).
ALTER TABLE place ADD COLUMN opening_hours VARCHAR(300);
ALTER TABLE place ADD COLUMN contact VARCHAR(200);
