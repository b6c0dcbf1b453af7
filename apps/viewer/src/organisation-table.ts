/**
 * The organisations shown, as a table, to find the central ones and the brokers: each centrality
 * the viewer computes with its rank and percentile (over the whole network, ranking.ts), Gould &
 * Fernandez's brokerage roles and the gatekeepers, both over the groups the nodes are coloured by
 * (type, country, region, cluster or community), all from @linkscale/core in the page. Sorted by
 * any column (a click on its head, again to reverse), searched by name or id, and exported as CSV:
 * the rows shown, in the order shown, every row rather than the first ROWS_SHOWN drawn.
 *
 * An organisation without a value of the grouping has no brokerage role (the roles need the
 * groups of all three organisations of a path): its cells say so, never 0.
 */
import { brokerage, gatekeepers, type RoleCounts } from "@linkscale/core";
import { stringify } from "csv-stringify/browser/esm/sync";
import { fill, formatCount, h } from "./dom.ts";
import type { Visibility } from "./filters.ts";
import type { Network } from "./network.ts";
import { standings, type Standing } from "./ranking.ts";

/** Rows drawn at once: the rest are a search or a sort away, and all are in the CSV. */
export const ROWS_SHOWN = 500;

/** Gould & Fernandez's roles, as the table names them (on undirected links b_IO equals b_OI). */
const ROLE_COLUMNS = [
  ["w_I", "coordinator", "brokers within its own group"],
  ["w_O", "itinerant", "brokers between two members of another group"],
  ["b_OI", "gatekeeper", "lets an outsider in to its group (on undirected links, as often as it represents its group outward)"],
  ["b_O", "liaison", "brokers between two other groups"],
  ["t", "brokerage", "all its brokerage paths"],
] as const;

interface Row {
  id: string;
  name: string;
  type: string;
  country: string;
  measures: Record<string, { value: number; standing: Standing } | undefined>;
  roles: RoleCounts | undefined;
  /** The group whose outward links it carries a core share of, if any. */
  gatekeeperOf: string | undefined;
}

interface Column {
  id: string;
  title: string;
  help: string;
  numeric: boolean;
  /** The value sorted by: a number, a text, or null (no value: always last). */
  sortValue(row: Row): number | string | null;
  cell(row: Row): Node | string;
}

export interface OrganisationTable {
  element: HTMLElement;
  /** Draws the rows the filters show, with the roles over this grouping. */
  update(visibility: Visibility, groupBy: string): void;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : "");
const formatValue = (value: number) => (Number.isInteger(value) ? formatCount(value) : value.toPrecision(4));

export function organisationTable(network: Network, open: (node: string) => void, download: (csv: string) => void): OrganisationTable {
  let sortBy = "degree";
  let descending = true;
  let query = "";
  let rows: Row[] = [];
  let groupLabel = "";
  const byGrouping = new Map<string, Row[]>();

  const search = h("input", { type: "search", placeholder: "name or id", "aria-label": "search the table", "data-testid": "table-search" });
  const note = h("p", { className: "note", "data-testid": "table-note" });
  const head = h("thead");
  const body = h("tbody");
  const exportButton = h("button", { type: "button", "data-testid": "table-export" }, "rows as CSV");
  const element = h(
    "section",
    { id: "table", "data-testid": "table" },
    h("div", { className: "table-bar" }, search, exportButton, note),
    h("div", { className: "table-scroll" }, h("table", {}, head, body)),
  );

  const columns = (): Column[] => [
    { id: "name", title: "organisation", help: "its name (its id where it has none)", numeric: false, sortValue: (row) => row.name.toLowerCase(), cell: (row) => row.name },
    { id: "type", title: "type", help: "organisation type", numeric: false, sortValue: (row) => row.type || null, cell: (row) => row.type },
    { id: "country", title: "country", help: "country code", numeric: false, sortValue: (row) => row.country || null, cell: (row) => row.country },
    ...network.centralities.map((measure) => ({
      id: measure,
      title: measure === "betweenness" && network.betweennessSampled ? "betweenness (est.)" : measure,
      help: `${measure}: value, rank and percentile over the whole network`,
      numeric: true,
      sortValue: (row: Row) => row.measures[measure]?.value ?? null,
      cell: (row: Row) => {
        const measured = row.measures[measure];
        if (measured === undefined) return "n/a";
        const { rank, percentile } = measured.standing;
        return h("span", {}, formatValue(measured.value), h("span", { className: "standing" }, ` #${formatCount(rank)} · p${Math.floor(percentile)}`));
      },
    })),
    ...ROLE_COLUMNS.map(([role, title, help]) => ({
      id: role,
      title,
      help: `${help}; over ${groupLabel}`,
      numeric: true,
      sortValue: (row: Row) => row.roles?.[role] ?? null,
      cell: (row: Row) => (row.roles === undefined ? h("span", { className: "na", title: `no ${groupLabel}` }, "n/a") : formatCount(row.roles[role])),
    })),
    {
      id: "gatekeeperOf",
      title: "gatekeeper of",
      help: `one of the fewest members of its ${groupLabel} carrying half of the group's outward link weight`,
      numeric: false,
      sortValue: (row) => row.gatekeeperOf ?? null,
      cell: (row) => row.gatekeeperOf ?? "",
    },
  ];

  const sorted = (shown: Row[]): Row[] => {
    const column = columns().find(({ id }) => id === sortBy) as Column;
    const direction = descending ? -1 : 1;
    return [...shown].sort((a, b) => {
      const [x, y] = [column.sortValue(a), column.sortValue(b)];
      if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
      const order = x < y ? -1 : x > y ? 1 : 0;
      return order * direction || a.id.localeCompare(b.id);
    });
  };

  const matching = () => {
    const wanted = query.trim().toLowerCase();
    return sorted(wanted === "" ? rows : rows.filter((row) => row.name.toLowerCase().includes(wanted) || row.id.toLowerCase().includes(wanted)));
  };

  const draw = () => {
    const all = columns();
    fill(
      head,
      h(
        "tr",
        {},
        ...all.map((column) =>
          h(
            "th",
            {
              scope: "col",
              title: column.help,
              className: column.numeric ? "numeric" : "",
              "data-testid": `table-sort-${column.id}`,
              "aria-sort": column.id === sortBy ? (descending ? "descending" : "ascending") : "none",
              onclick: () => {
                descending = column.id === sortBy ? !descending : column.numeric;
                sortBy = column.id;
                draw();
              },
            },
            column.title,
            column.id === sortBy ? (descending ? " ▾" : " ▴") : "",
          ),
        ),
      ),
    );
    const shown = matching();
    fill(
      body,
      ...shown.slice(0, ROWS_SHOWN).map((row) =>
        h(
          "tr",
          { "data-id": row.id, onclick: () => open(row.id) },
          ...all.map((column) => h("td", { className: column.numeric ? "numeric" : "" }, column.cell(row))),
        ),
      ),
    );
    const more = shown.length > ROWS_SHOWN ? `; the first ${formatCount(ROWS_SHOWN)} drawn (all in the CSV)` : "";
    const sampled = network.betweennessSampled ? "; betweenness estimated from seeded pivots" : "";
    fill(note, `${formatCount(shown.length)} of ${formatCount(rows.length)} organisations shown${more}. Ranks and percentiles over all ${formatCount(network.graph.order)}${sampled}; roles over ${groupLabel}.`);
    element.dataset["rows"] = String(shown.length);
  };

  search.addEventListener("input", () => {
    query = search.value;
    draw();
  });
  exportButton.addEventListener("click", () => {
    const header = ["id", "name", "type", "country", ...network.centralities.flatMap((m) => [m, `${m}_rank`, `${m}_percentile`]), ...ROLE_COLUMNS.map(([, title]) => title), "gatekeeper_of"];
    const records = matching().map((row) => [
      row.id,
      row.name,
      row.type,
      row.country,
      ...network.centralities.flatMap((m): Array<number | string> => {
        const measured = row.measures[m];
        return measured === undefined ? ["", "", ""] : [measured.value, measured.standing.rank, measured.standing.percentile];
      }),
      ...ROLE_COLUMNS.map(([role]) => row.roles?.[role] ?? ""),
      row.gatekeeperOf ?? "",
    ]);
    download(stringify([header, ...records], { record_delimiter: "\n" }));
  });

  return {
    element,
    update(visibility, groupBy) {
      groupLabel = `organisations' ${groupBy}`;
      const all = byGrouping.get(groupBy) ?? rowsOf(network, groupBy);
      byGrouping.set(groupBy, all);
      rows = all.filter((row) => visibility.node(row.id));
      draw();
    },
  };
}

/** Every organisation's row, with the roles and gatekeepers over `groupBy`. */
function rowsOf(network: Network, groupBy: string): Row[] {
  const { graph } = network;
  if (groupBy === "community") network.communities();
  const measures = network.centralities.map((measure) => {
    const values = network.centrality(measure);
    return [measure, values, values === undefined ? undefined : standings(values)] as const;
  });
  const { raw } = brokerage(graph, { groupBy });
  const gatekeeperOf = new Map<string, string>();
  for (const [group, { core }] of Object.entries(gatekeepers(graph, { groupBy }))) for (const member of core) gatekeeperOf.set(member, group);
  return graph.mapNodes((id, attributes) => {
    const row: Row = {
      id,
      name: text(attributes.name) || id,
      type: text(attributes.type),
      country: text(attributes.country),
      measures: {},
      roles: raw[id],
      gatekeeperOf: gatekeeperOf.get(id),
    };
    for (const [measure, values, standing] of measures) {
      const value = values?.[id];
      const where = standing?.get(id);
      row.measures[measure] = value === undefined || where === undefined ? undefined : { value, standing: where };
    }
    return row;
  });
}
