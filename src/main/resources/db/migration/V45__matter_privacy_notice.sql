-- The version of the personal-information notice (个人信息处理告知) the raiser was shown on the page
-- they raised a matter from; NULL for matters raised through the API, an import or before notices.
ALTER TABLE matter ADD COLUMN privacy_notice_version VARCHAR(20);
