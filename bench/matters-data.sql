-- The benchmark's data set, generated in PostgreSQL (run by bench/matters.sh after Flyway has
-- created the schema and the app has created the organisations dept-001 … dept-200):
-- 1,000,000 matters over four series and the series-less residents' appeals, in every type and
-- status, and exactly 2,500,000 handling cases spread unevenly over the 200 departments, with due
-- dates around today so that there are overdue and due-soon cases. Deterministic (setseed).
-- Every generated record is marked example = TRUE: it is made up.
--
-- The size is a setting: psql -v matters=50000 makes 50,000 matters, 125,000 cases (2.5 per
-- matter) and one raiser per 20 matters (raiser-0 … raiser-2499), the same shape at a twentieth;
-- without it, 1,000,000 matters, 2,500,000 cases and 50,000 raisers.
--
-- The generated records are numbered after the highest id present, so that the data set also loads
-- beside the demo city (bench/search.sh), whose matters and cases come first; on an empty schema
-- (bench/matters.sh) they are numbered from 1. What is recounted at the end (the tallies) counts
-- every matter, the demo city's too, as the app would.
\set ON_ERROR_STOP on
\if :{?matters}
\else
\set matters 1000000
\endif
SELECT setseed(0.20230228);
SELECT COALESCE(max(id), 0) AS matter_base FROM matter \gset
SELECT COALESCE(max(id), 0) AS case_base FROM handling_case \gset

-- Matters. Series by i % 20: breakfast problems 10 %, npc-16 suggestions 30 %, cppcc-10 proposals
-- 15 %, review opinions 5 %, residents' appeals without a series 40 %.
-- Status: registered 2 %, rejected 3 %, assigned 2 %, in progress 8 %, re-handling 0.5 %,
-- answered 3 %, closed 81.5 %. Open matters were raised in the last 150 days, the others up to
-- three years ago.
CREATE TEMP TABLE gen AS
SELECT i,
       CASE WHEN i % 20 < 2 THEN 'breakfast' WHEN i % 20 < 8 THEN 'npc-16' WHEN i % 20 < 11 THEN 'cppcc-10'
            WHEN i % 20 < 12 THEN 'review-16' END AS series_slug,
       CASE WHEN i % 20 < 2 THEN 'PROBLEM' WHEN i % 20 < 8 THEN 'SUGGESTION' WHEN i % 20 < 11 THEN 'PROPOSAL'
            WHEN i % 20 < 12 THEN 'REVIEW_OPINION' ELSE 'APPEAL' END AS type,
       CASE WHEN r < 0.02 THEN 'REGISTERED' WHEN r < 0.05 THEN 'REJECTED' WHEN r < 0.07 THEN 'ASSIGNED'
            WHEN r < 0.15 THEN 'IN_PROGRESS' WHEN r < 0.155 THEN 'REHANDLING' WHEN r < 0.185 THEN 'ANSWERED'
            ELSE 'CLOSED' END AS status,
       random() AS r2, random() AS r3, random() AS r4
FROM (SELECT i, random() AS r FROM generate_series(1, :matters) i) s;

-- The public copies of the title, the content and the answer, which the app keeps beside each text
-- (MatterRepository), have the contact details removed as shared.Redactor removes them: the example
-- phone numbers are all there is to remove.
INSERT INTO matter (id, type, title, content, category, district, raiser, series_slug, channel, status, accepted,
                    rejection_reason, urgent, key_matter, supervising_leader, confidential, follow_up, rehandled,
                    rating, example, raised_at, assigned_at, answered_at, closed_at, public_title, public_content)
SELECT id, type, title, content,
       (ARRAY['城乡建设','交通运输','营商环境','教育','医疗卫生','社会保障','生态环境','农业农村'])[1 + (i / 7) % 8],
       (ARRAY['天元区','芦淞区','荷塘区','石峰区','渌口区','醴陵市','攸县','茶陵县','炎陵县'])[1 + (i / 3) % 9],
       'raiser-' || (i % GREATEST(:matters / 20, 1)), series_slug,
       CASE WHEN type = 'PROBLEM' THEN 'MEETING' WHEN series_slug IS NOT NULL THEN 'SESSION'
            WHEN r3 < 0.6 THEN 'HOTLINE' WHEN r3 < 0.9 THEN 'WEB' ELSE 'LETTER' END,
       status,
       CASE WHEN type <> 'PROPOSAL' THEN NULL WHEN status = 'REJECTED' THEN FALSE
            WHEN status = 'REGISTERED' THEN NULL ELSE TRUE END,
       CASE WHEN status = 'REJECTED' THEN '不属于受理范围（示例）' END,
       r2 < 0.03, r2 > 0.99, CASE WHEN r2 > 0.99 THEN '市政协副主席（示例）' END, r3 > 0.98,
       status = 'CLOSED' AND r4 < 0.10,
       status = 'REHANDLING' OR (status = 'CLOSED' AND r4 > 0.95),
       CASE WHEN status = 'REHANDLING' THEN 'UNSATISFIED' WHEN status <> 'CLOSED' THEN NULL
            WHEN r4 > 0.95 THEN 'UNSATISFIED' WHEN r4 > 0.80 THEN 'BASICALLY_SATISFIED' ELSE 'SATISFIED' END,
       TRUE, raised_at,
       CASE WHEN status NOT IN ('REGISTERED','REJECTED') THEN raised_at + interval '2 days' END,
       CASE WHEN status IN ('ANSWERED','REHANDLING','CLOSED') THEN LEAST(now(), raised_at + interval '40 days') END,
       CASE WHEN status = 'CLOSED' THEN LEAST(now(), raised_at + interval '55 days') END,
       title, replace(content, '13800000000', '[已隐去]')
FROM (SELECT g.*, :matter_base + i AS id,
             (CASE type WHEN 'PROBLEM' THEN '企业诉求：' WHEN 'SUGGESTION' THEN '关于加强' WHEN 'PROPOSAL' THEN '关于推进'
                        WHEN 'REVIEW_OPINION' THEN '审议意见：' ELSE '群众诉求：' END)
                 || (ARRAY['老旧小区改造','停车难','营商环境','学校周边交通','农村供水','企业用地','医保报销','公交线路'])[1 + i % 8]
                 || '（示例 ' || (:matter_base + i) || '）' AS title,
             repeat('示例内容：群众反映的问题、诉求的理由和具体建议，联系人 13800000000。', 4) AS content,
             now() - CASE WHEN status IN ('CLOSED','REJECTED') THEN interval '60 days' + r2 * interval '1035 days'
                          ELSE r3 * interval '150 days' END AS raised_at
      FROM gen g) x;
SELECT setval(pg_get_serial_sequence('matter', 'id'), (SELECT max(id) FROM matter));

-- Cases: every matter that was assigned gets two or three (the lead and one or two co-handlers),
-- 2,500,000 in all (2.5 per matter); departments are drawn with a skew (dept-001 gets about 7 % of all cases,
-- dept-200 about 0.25 %), as a city's busiest bureau gets far more than a small office.
CREATE TEMP TABLE am AS
SELECT row_number() OVER (ORDER BY random()) AS rank, id, status, assigned_at, answered_at, closed_at
FROM matter WHERE status NOT IN ('REGISTERED','REJECTED') AND id > :matter_base;
CREATE UNIQUE INDEX ON am (rank);
ANALYZE am;

CREATE TEMP TABLE gc AS
SELECT j, am.id AS matter_id, am.status AS mstatus, am.assigned_at, am.answered_at,
       CASE WHEN (j - 1) < n.n THEN 'LEAD' ELSE 'CO' END AS role,
       'dept-' || lpad((1 + floor(200 * power(random(), 2)))::int::text, 3, '0') AS org_code,
       random() AS r1, random() AS r2, random() AS r3
FROM (SELECT count(*) AS n FROM am) n,
     generate_series(1, :matters * 5 / 2) j
JOIN am ON am.rank = ((j - 1) % (SELECT count(*) FROM am)) + 1;

CREATE TEMP TABLE gc2 AS
SELECT gc.*,
       CASE mstatus
           WHEN 'ASSIGNED' THEN 'ASSIGNED'
           WHEN 'IN_PROGRESS' THEN CASE WHEN role = 'LEAD' THEN CASE WHEN r1 < 0.85 THEN 'SIGNED' ELSE 'ASSIGNED' END
                                        WHEN r1 < 0.01 THEN 'RETURNED' WHEN r1 < 0.45 THEN 'SIGNED'
                                        WHEN r1 < 0.9 THEN 'OPINION_SENT' ELSE 'ASSIGNED' END
           WHEN 'REHANDLING' THEN CASE WHEN role = 'LEAD' THEN 'REHANDLING' ELSE 'OPINION_SENT' END
           WHEN 'ANSWERED' THEN CASE WHEN role = 'LEAD' THEN 'ANSWERED' ELSE 'OPINION_SENT' END
           ELSE CASE WHEN role = 'CO' AND r1 < 0.01 THEN 'RETURNED' ELSE 'CLOSED' END
       END AS status,
       CASE WHEN mstatus IN ('ASSIGNED','IN_PROGRESS','REHANDLING')
            THEN current_date + (floor(r2 * 110)::int - 30)
            ELSE (assigned_at + interval '90 days')::date END AS due_date
FROM gc;

INSERT INTO handling_case (id, matter_id, org_code, role, status, assigned_at, assigned_on, due_date, signed_at,
                           answered_at, category, answer, signed_off_by, opinion, contacted, extension_until,
                           extension_reason, return_reason, replaced_by, public_answer)
SELECT :case_base + j, matter_id, org_code, role, status, assigned_at, LEAST(assigned_at::date, due_date - 20), due_date,
       CASE WHEN status NOT IN ('ASSIGNED','RETURNED') THEN assigned_at + interval '1 day' END,
       CASE WHEN role = 'LEAD' AND status IN ('ANSWERED','REHANDLING','CLOSED') THEN answered_at END,
       CASE WHEN role = 'LEAD' AND status IN ('ANSWERED','REHANDLING','CLOSED')
            THEN CASE WHEN r3 < 0.6 THEN 'A' WHEN r3 < 0.9 THEN 'B' ELSE 'C' END END,
       answer,
       CASE WHEN role = 'LEAD' AND status IN ('ANSWERED','REHANDLING','CLOSED') THEN '局长（示例）' END,
       CASE WHEN role = 'CO' AND status IN ('OPINION_SENT','CLOSED') THEN '协办意见（示例）：同意主办单位意见。' END,
       role = 'LEAD' AND r3 < 0.7,
       CASE WHEN role = 'LEAD' AND status IN ('ASSIGNED','SIGNED') AND r1 > 0.995 THEN due_date + 30 END,
       CASE WHEN role = 'LEAD' AND status IN ('ASSIGNED','SIGNED') AND r1 > 0.995 THEN '需协调多部门（示例）' END,
       CASE WHEN status = 'RETURNED' THEN '不属于本单位职责（示例）' END,
       CASE WHEN status = 'RETURNED' AND mstatus = 'CLOSED' THEN :case_base + j END,
       replace(answer, '0731-12345678', '[已隐去]')
FROM (SELECT gc2.*, CASE WHEN role = 'LEAD' AND status IN ('ANSWERED','REHANDLING','CLOSED')
                         THEN '答复（示例）：经研究，已会同有关部门落实，联系电话 0731-12345678。' END AS answer
      FROM gc2) g;
SELECT setval(pg_get_serial_sequence('handling_case', 'id'), (SELECT max(id) FROM handling_case));
DROP TABLE gen, am, gc, gc2;

-- The ballot behind each rating (evaluation), as the app writes one when a raiser rates: every load of
-- a matter reads its ballots, and an empty table would be planned as one.
INSERT INTO evaluation (matter_id, rater, rating, comment, round_no, at)
SELECT id, raiser, rating, NULL, 1, COALESCE(closed_at, answered_at, raised_at)
FROM matter WHERE rating IS NOT NULL AND id > :matter_base;

-- The tallies, which the app keeps exact on every change it makes: recounted here, since this
-- script writes matters and cases past the app, as the app stripes them (Tallies: each count read as
-- the sum of its stripes, chosen by the matter's id: MOD(matter_id, 32) per series and status,
-- MOD(matter_id, 8) per date).
DELETE FROM matter_tally;
DELETE FROM matter_due_tally;
DELETE FROM case_due_tally;
INSERT INTO matter_tally (series_slug, status, stripe, matters, cases)
SELECT COALESCE(m.series_slug, ''), m.status, MOD(m.id, 32), COUNT(*), COALESCE(SUM(c.n), 0)
FROM matter m
LEFT JOIN (SELECT matter_id, COUNT(*) AS n FROM handling_case WHERE status <> 'RETURNED' GROUP BY matter_id) c
       ON c.matter_id = m.id
GROUP BY COALESCE(m.series_slug, ''), m.status, MOD(m.id, 32);
INSERT INTO matter_due_tally (series_slug, due_date, stripe, matters)
SELECT COALESCE(m.series_slug, ''), d.due, MOD(m.id, 8), COUNT(*)
FROM matter m
JOIN (SELECT matter_id, MIN(due_date) AS due FROM handling_case
      WHERE status IN ('ASSIGNED','SIGNED','REHANDLING') GROUP BY matter_id) d ON d.matter_id = m.id
WHERE m.status NOT IN ('CLOSED','REJECTED')
GROUP BY COALESCE(m.series_slug, ''), d.due, MOD(m.id, 8);
INSERT INTO case_due_tally (org_code, due_date, stripe, cases)
SELECT org_code, due_date, MOD(matter_id, 8), COUNT(*) FROM handling_case
WHERE status IN ('ASSIGNED','SIGNED','REHANDLING')
GROUP BY org_code, due_date, MOD(matter_id, 8);
