export { isActiveIn, timeSlice } from "./slice.ts";
export type { YearWindow } from "./slice.ts";
