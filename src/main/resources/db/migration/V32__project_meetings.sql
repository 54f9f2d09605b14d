-- The meetings (a dispatch meeting, 调度会) that discussed a project. Meetings are referred to by id
-- without a foreign key: the meetings module owns them.
CREATE TABLE project_meeting (
    project_id BIGINT                   NOT NULL REFERENCES project (id),
    meeting_id BIGINT                   NOT NULL,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, meeting_id)
);
CREATE INDEX project_meeting_meeting_idx ON project_meeting (meeting_id);
