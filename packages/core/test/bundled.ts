/**
 * The bundled semiconductor-ev network for reference tests, read without @linkscale/io (the core
 * does not depend on it): organisations with country, city and coordinates, projected with the core.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { Counting } from "../src/projection/project.ts";
import { projectParticipations } from "../src/projection/project.ts";

export const SEMICONDUCTOR_EV = fileURLToPath(new URL("../../../datasets/semiconductor-ev/", import.meta.url));

function table(path: string): Array<Record<string, string>> {
  return parse(readFileSync(path, "utf8"), { columns: true }) as Array<Record<string, string>>;
}

export function semiconductorEv(counting: Counting = "full") {
  const organisations = table(SEMICONDUCTOR_EV + "organisations.csv").map(({ id, country, city, lat, lon }) => ({
    id: id as string,
    ...(country ? { country } : {}),
    ...(city ? { city } : {}),
    ...(lat && lon ? { lat: Number(lat), lon: Number(lon) } : {}),
  }));
  const participations = table(SEMICONDUCTOR_EV + "participations.csv").map(({ project, org, year }) => ({
    project: project as string,
    org: org as string,
    ...(year ? { year: Number(year) } : {}),
  }));
  return projectParticipations(participations, organisations, { counting });
}

/** A reference file beside the dataset: datasets/semiconductor-ev/reference/<name>. */
export function reference<T>(name: string): T {
  const bytes = readFileSync(SEMICONDUCTOR_EV + "reference/" + name);
  return JSON.parse((name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8")) as T;
}
