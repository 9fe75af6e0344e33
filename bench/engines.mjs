// Fuse.js and MiniSearch set up the way a site would (question weighted highest), on the
// documents the widget indexes: question, keywords, answer text, link text, category.
import Fuse from "fuse.js";
import MiniSearch from "minisearch";

/** Answer markup to plain text: `[text](url)` -> text. */
const plain = (markup) => markup.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/^- /gm, "");

export const documents = (faq) =>
  faq.questions.map((q, i) => ({
    id: q.id ?? `q${i}`,
    question: q.question,
    keywords: (q.keywords || []).join(", "),
    answer: plain(q.answer),
    links: (q.links || []).map((l) => l.text).join(" · "),
    category: q.category || "",
  }));

const weights = { question: 3, keywords: 2, answer: 1, links: 0.7, category: 0.5 };
const fields = Object.keys(weights);

export const engines = {
  "Fuse.js 7.5.0 (defaults, weighted keys)": (docs) => {
    const fuse = new Fuse(docs, { keys: fields.map((name) => ({ name, weight: weights[name] })) });
    return (q) => fuse.search(q).map((r) => r.item.id);
  },
  "Fuse.js 7.5.0 (weighted keys, ignoreLocation)": (docs) => {
    const fuse = new Fuse(docs, {
      keys: fields.map((name) => ({ name, weight: weights[name] })),
      ignoreLocation: true,
    });
    return (q) => fuse.search(q).map((r) => r.item.id);
  },
  "MiniSearch 7.2.0 (defaults, boosted question)": (docs) => {
    const mini = new MiniSearch({ fields, searchOptions: { boost: weights } });
    mini.addAll(docs);
    return (q) => mini.search(q).map((r) => r.id);
  },
  "MiniSearch 7.2.0 (boosted, prefix + fuzzy 0.2)": (docs) => {
    const mini = new MiniSearch({ fields, searchOptions: { boost: weights, prefix: true, fuzzy: 0.2 } });
    mini.addAll(docs);
    return (q) => mini.search(q).map((r) => r.id);
  },
};
