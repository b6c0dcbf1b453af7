/** The datasets the viewer's build carries, the first opened by default, and where they are listed. */
export const BUNDLED_DATASETS = ["semiconductor-ev", "h2020-health"] as const;
export const DATA_INDEX = "data/index.json";

/** data/index.json: the datasets the app can open, each a list of files it fetches. */
export interface DataIndex {
  datasets: Array<{ name: string; files: Array<{ name: string; url: string }> }>;
}
