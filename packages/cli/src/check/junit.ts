/**
 * JUnit XML for CI systems: one test case per expected metric, a failure per drift. Written by
 * hand: the format needs a dozen lines, and no XML library is worth a dependency for it.
 */
import { describeDrift, type MetricCheck } from "./compare.ts";

export const JUNIT_SUITE = "linkscale check";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** True when `text` is a JUnit file `check` wrote: it opens with our declaration and our suite, not merely holding its name. */
export function isLinkscaleJunit(text: string): boolean {
  return text.startsWith(`${DECLARATION}\n<testsuites name="${JUNIT_SUITE}" `);
}

export function junitXml(checks: readonly MetricCheck[], expectedFile: string): string {
  const failures = checks.filter((check) => check.drifts.length > 0).length;
  const cases = checks.map((check) => {
    const open = `    <testcase classname="${escape(expectedFile)}" name="${escape(check.metric)}">`;
    if (check.drifts.length === 0) return `${open}</testcase>`;
    const message = `${check.drifts.length} of ${check.checked} values drifted`;
    const body = check.drifts.map(describeDrift).join("\n");
    return `${open}\n      <failure message="${escape(message)}">${escape(body)}</failure>\n    </testcase>`;
  });
  return [
    DECLARATION,
    `<testsuites name="${JUNIT_SUITE}" tests="${checks.length}" failures="${failures}">`,
    `  <testsuite name="${JUNIT_SUITE}" tests="${checks.length}" failures="${failures}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
