/**
 * Search by name (or id): the first matches as a list under the box; choosing one opens its panel.
 * Case- and accent-insensitive substring matching over a prepared index of folded names.
 */
import { fill, h } from "./dom.ts";
import type { Network } from "./network.ts";

const RESULTS = 12;

const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

export function attachSearch(input: HTMLInputElement, results: HTMLElement, network: Network, choose: (node: string) => void): void {
  const { graph } = network;
  const entries = graph.mapNodes((node, attributes) => ({ node, name: String(attributes.name ?? node), folded: fold(`${attributes.name ?? ""} ${node}`) }));
  const pick = (node: string) => {
    fill(results);
    input.value = String(graph.getNodeAttribute(node, "name") ?? node);
    choose(node);
  };
  input.oninput = () => {
    const query = fold(input.value.trim());
    if (query === "") return fill(results);
    const found = entries.filter(({ folded }) => folded.includes(query)).slice(0, RESULTS);
    fill(
      results,
      ...(found.length === 0
        ? [h("li", { className: "none" }, "no organisation matches")]
        : found.map(({ node, name }) => h("li", {}, h("button", { type: "button", "data-node": node, onclick: () => pick(node) }, name)))),
    );
  };
  input.onkeydown = (event) => {
    const [first] = results.querySelectorAll<HTMLButtonElement>("button[data-node]");
    if (event.key === "Enter" && first !== undefined) pick(first.dataset["node"] as string);
  };
  input.value = "";
  fill(results);
}
