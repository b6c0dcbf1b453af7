/**
 * Same city: the rule that answers "local" where the data has no regions but has cities (both
 * bundled datasets, and most CORDIS exports outside the EU's NUTS-coded organisations). Two
 * organisations are in the same city when their countries are equal and their city names are
 * equal after normalising what real data varies in: case, accents, punctuation, postal district
 * numbers and CEDEX ("PARIS 15", "Paris", "PARIS CEDEX 16"), German transliteration ("MUENCHEN",
 * "München"), "St." for "Saint" and "Sankt", and a short table of well-known exonyms per country
 * ("Munich", "Donostia" / "San Sebastián"). A city without a country has no key: the same name in
 * two countries (Cambridge GB and US) is never one city.
 *
 * Written here: slug libraries fold case and accents but drop postal numbers and CEDEX
 * inconsistently and know nothing of exonyms, and a gazetteer large enough to resolve city names
 * has no place in a browser bundle. The rules are mirrored, independently written, by
 * datasets/reference/scales.py.
 */

/** Exonyms and second official names, normalised, to the name they stand for, per country. */
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AT: { vienna: "wien" },
  BE: { brussels: "bruxelles", brussel: "bruxelles", antwerp: "antwerpen", ghent: "gent", louvain: "leuven", luik: "liege" },
  CH: { geneva: "geneve", genf: "geneve", basle: "basel", berne: "bern", lucerne: "luzern" },
  CZ: { prague: "praha" },
  DE: { munich: "munchen", cologne: "koln", nuremberg: "nurnberg", hanover: "hannover", brunswick: "braunschweig" },
  DK: { copenhagen: "kobenhavn" },
  ES: {
    donostia: "donostia san sebastian",
    "san sebastian": "donostia san sebastian",
    bilbo: "bilbao",
    vitoria: "vitoria gasteiz",
    gasteiz: "vitoria gasteiz",
    "la coruna": "a coruna",
    coruna: "a coruna",
    saragossa: "zaragoza",
    seville: "sevilla",
  },
  FI: { helsingfors: "helsinki", abo: "turku", esbo: "espoo" },
  GR: { athens: "athina", athinai: "athina", salonica: "thessaloniki" },
  IT: { milan: "milano", turin: "torino", rome: "roma", naples: "napoli", florence: "firenze", venice: "venezia", genoa: "genova", padua: "padova" },
  NL: { "the hague": "den haag", "s gravenhage": "den haag" },
  PL: { warsaw: "warszawa", cracow: "krakow" },
  PT: { lisbon: "lisboa", oporto: "porto" },
  RO: { bucharest: "bucuresti" },
  SE: { gothenburg: "goteborg" },
};

/** Letters that Unicode decomposition leaves whole. */
const LETTERS: Readonly<Record<string, string>> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ı: "i", þ: "th" };
const TOKENS: Readonly<Record<string, string>> = { st: "saint", ste: "sainte", sankt: "saint" };

/** A city name as compared: see the banner; "" when nothing is left. */
export function normaliseCity(city: string): string {
  const letters = city
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßøæœłđıþ]/g, (letter) => LETTERS[letter] as string);
  return letters
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((token) => token !== "" && token !== "cedex" && !/[0-9]/.test(token))
    .map((token) => token.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u"))
    .map((token) => TOKENS[token] ?? token)
    .join(" ");
}

/** The key two organisations share when they are in the same city; undefined without a city or a country. */
export function cityKey(city: unknown, country: unknown): string | undefined {
  if (typeof city !== "string" || typeof country !== "string" || country === "") return undefined;
  const name = normaliseCity(city);
  if (name === "") return undefined;
  return `${country}|${ALIASES[country]?.[name] ?? name}`;
}
