/**
 * What a writer throws when a graph holds something its format has no way to write (a quote in a
 * Pajek label, a control character in XML). Readers never throw on bad data: they return it as
 * rejected items. A writer has nothing to return but the text, and a text that reads back as
 * something else would be worse than no text.
 */
import { LinkscaleError } from "@linkscale/core";

export class UnwritableGraphError extends LinkscaleError {
  override name = "UnwritableGraphError";
}
