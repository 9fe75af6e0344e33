// The relevance set (tests/relevance/queries.json) through Fuse.js and MiniSearch on the bundled
// FAQ: top-1 and top-3 accuracy, as tests/relevance.rs reports for our engine.
//   node bench/relevance-js.mjs
import { documents, engines } from "./engines.mjs";
import { loadFaq, relevance } from "./queries.mjs";

const docs = documents(loadFaq("faq.json"));
const pct = (n) => `${Math.round((n * 1000) / relevance.length) / 10}%`;
console.log(`relevance set: ${relevance.length} queries on the bundled faq.json`);
for (const [name, make] of Object.entries(engines)) {
  const search = make(docs);
  let top1 = 0;
  let top3 = 0;
  const misses = [];
  for (const { q, expect } of relevance) {
    const ids = search(q).slice(0, 3);
    top1 += ids[0] === expect ? 1 : 0;
    top3 += ids.includes(expect) ? 1 : 0;
    if (ids[0] !== expect) misses.push(`${JSON.stringify(q)} -> ${ids[0] ?? "(nothing)"}`);
  }
  console.log(`${name}: top-1 ${top1}/${relevance.length} = ${pct(top1)}, top-3 ${top3}/${relevance.length} = ${pct(top3)}`);
  if (process.argv.includes("--misses")) for (const m of misses) console.log(`  miss: ${m}`);
}
