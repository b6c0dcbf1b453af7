/**
 * Vega-Lite specs drawn as SVG strings, in this process: vega runs headless
 * (`renderer: "none"`, no canvas, no DOM), and its loader refuses every URL: the specs carry
 * their data inline, so a chart that asked for anything would be a bug. Warnings (a spec vega
 * had to guess at) are returned, not thrown: worth seeing, not worth losing an analysis over.
 */
import type { Loader } from "vega";
import type { TopLevelSpec } from "vega-lite";

const refuse = (): Promise<never> => Promise.reject(new Error("linkscale/report-html: charts load nothing; data must be inline"));
const offline: Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

export async function renderSvgs(specs: readonly TopLevelSpec[]): Promise<{ svgs: string[]; warnings: string[] }> {
  // Loaded here, not at the top: half a second every command would wait for, though only report.html draws.
  const [{ logger, parse, View, Warn }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const svgs: string[] = [];
  const warnings: string[] = [];
  for (const [index, spec] of specs.entries()) {
    // vega hands the handler its arguments object, not an array.
    const log = logger(Warn, undefined, (_method, _level, input: ArrayLike<unknown>) => {
      warnings.push(`chart ${index}: ${Array.from(input, String).join(" ")}`);
    });
    const view = new View(parse(compile(spec, { logger: log }).spec), { renderer: "none", loader: offline, logger: log });
    svgs.push(await view.toSVG());
    view.finalize();
  }
  return { svgs, warnings };
}
