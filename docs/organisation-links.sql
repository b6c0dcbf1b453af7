-- linkscale's one-mode projection of participations onto organisation links, as portable SQL
-- (DuckDB, Spark SQL, Trino): the statements packages/cli/src/engine/projection-sql.ts runs, over
-- organisation ids rather than linkscale's node numbers. Tested on DuckDB by
-- packages/cli/test/distributed-sql.test.ts. See docs/past-one-machine.md.
--
-- Input: participation(project, org, year), one row per organisation and project (the checks
-- linkscale makes on each row are in past-one-machine.md). Output: organisation_link, one row per
-- pair of organisations sharing a project, as linkscale reads a link table.
-- Fractional counting (Newman 2001): replace 1.0 by 1.0 / (pr.size - 1) in weight.

CREATE TABLE project_summary AS
SELECT project, MIN(year) AS year, COUNT(*) AS size
FROM participation
GROUP BY project;

CREATE TABLE organisation_link AS
SELECT a.org AS source,
       b.org AS target,
       SUM(1.0) AS weight,
       COUNT(*) AS projectCount,
       MIN(pr.year) AS firstYear,
       MAX(pr.year) AS lastYear
FROM participation AS a
JOIN participation AS b ON a.project = b.project AND a.org < b.org
JOIN project_summary AS pr ON pr.project = a.project
GROUP BY a.org, b.org;
