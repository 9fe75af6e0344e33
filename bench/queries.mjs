// The benchmark workload, shared by every benchmark: the relevance set's queries, typed one
// character at a time (each prefix is one search, as a search-as-you-type box runs it).
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
/** The relevance set of `lang` (tests/relevance/queries.<lang>.json; English: queries.json). */
export const relevanceOf = (lang = "en") =>
  JSON.parse(readFileSync(new URL(`tests/relevance/queries${lang === "en" ? "" : `.${lang}`}.json`, root), "utf8")).queries;
export const relevance = relevanceOf();
export const keystrokes = relevance.flatMap(({ q }) => Array.from(q, (_, i) => q.slice(0, i + 1)));
export const loadFaq = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));
