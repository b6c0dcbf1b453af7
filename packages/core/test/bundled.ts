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
import type { Organisation } from "../src/model/organisation.ts";

export const SEMICONDUCTOR_EV = fileURLToPath(new URL("../../../datasets/semiconductor-ev/", import.meta.url));

function table(path: string): Array<Record<string, string>> {
  return parse(readFileSync(path, "utf8"), { columns: true }) as Array<Record<string, string>>;
}

/** A bundled dataset's folder: datasets/<name>/. */
export const datasetFolder = (name: string) => fileURLToPath(new URL(`../../../datasets/${name}/`, import.meta.url));

/** A bundled dataset projected with the core: organisations with what they have of name, type, country, city and coordinates. */
export function bundledDataset(name: string, counting: Counting = "full") {
  return datasetIn(datasetFolder(name), counting);
}

/** organisations.csv and participations.csv in `folder` (ending in "/"), as a bundled dataset is read. */
export function datasetIn(folder: string, counting: Counting = "full") {
  const { organisations, participations } = tablesIn(folder);
  return projectParticipations(participations, organisations, { counting });
}

/** The organisations (with what they have of name, type, country, city and coordinates) and participations in `folder`. */
export function tablesIn(folder: string) {
  const organisations = table(folder + "organisations.csv").map(({ id, name: label, type, country, city, lat, lon }) => ({
    id: id as string,
    ...(label ? { name: label } : {}),
    ...(type ? { type } : {}),
    ...(country ? { country } : {}),
    ...(city ? { city } : {}),
    ...(lat && lon ? { lat: Number(lat), lon: Number(lon) } : {}),
  }));
  const participations = table(folder + "participations.csv").map(({ project, org, year }) => ({
    project: project as string,
    org: org as string,
    ...(year ? { year: Number(year) } : {}),
  }));
  // Types and country codes as the files give them: the bundled data holds only valid ones.
  return { organisations: organisations as Organisation[], participations };
}

export function semiconductorEv(counting: Counting = "full") {
  return bundledDataset("semiconductor-ev", counting);
}

/** A reference file beside the dataset: datasets/semiconductor-ev/reference/<name>. */
export function reference<T>(name: string): T {
  const bytes = readFileSync(SEMICONDUCTOR_EV + "reference/" + name);
  return JSON.parse((name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8")) as T;
}
