// Writes a deterministic generated FAQ for the benchmarks: target/bench/faq-10k.json (10,000
// questions by default; `node bench/gen-faq.mjs 20000` for another size). The words are the bundled
// FAQ's own plus ~20,000 made-up ones, drawn with a Zipf-like skew, so the vocabulary, posting
// lengths and typo neighbourhoods look like a big real FAQ rather than repeated copies.
// `node bench/gen-faq.mjs 10000 es` (or ar, fr): the same from faq.<lang>.json's words, made-up
// words from that script's letters, question starts in that language: target/bench/faq-10k.es.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const count = Number(process.argv[2] || 10000);
const lang = process.argv[3] || "en";
const root = new URL("..", import.meta.url);
const bundled = JSON.parse(readFileSync(new URL(lang === "en" ? "faq.json" : `faq.${lang}.json`, root), "utf8"));
// Per language: syllables for made-up words, their endings, and how questions start.
const LANGUAGES = {
  en: {
    syllables: "ka ri to me lo sa ne vi ru da po fe li mo ta ge bu ni ro se ha zu ki la pe do mi te vo ra",
    endings: ["s", "ed", "ing", "er", "tion"],
    starts: ["How do I", "Can I", "What is", "Why does", "Where can I", "Is it possible to", "Who can", "When will"],
  },
  es: {
    syllables: "ka ri to me lo sa ne vi ru da po fe li mo ta ge bu ni ro se ña zu ci la pe do mí te vó ra",
    endings: ["s", "es", "ción", "ado", "ería"],
    starts: ["¿Cómo puedo", "¿Puedo", "¿Qué es", "¿Por qué", "¿Dónde puedo", "¿Es posible", "¿Quién puede", "¿Cuándo"],
  },
  fr: {
    syllables: "ka ri to me lo sa ne vi ru da po fé li mo ta ge bu ni ro se ha zu ki la pe do mi tè vo ra",
    endings: ["s", "é", "ées", "ment", "tion"],
    starts: ["Comment puis-je", "Puis-je", "Qu’est-ce que", "Pourquoi", "Où puis-je", "Est-il possible de", "Qui peut", "Quand"],
  },
  ar: {
    syllables: "كا ري تو مي لو سا ني في رو دا بو في لي مو تا جي بو ني رو سي ها زو كي لا بي دو مي تي فو را",
    endings: ["ات", "ون", "ين", "ة", "ية"],
    starts: ["كيف", "هل يمكنني", "ما هو", "لماذا", "أين يمكنني", "هل من الممكن", "من يستطيع", "متى"],
  },
}[lang];
if (!LANGUAGES) throw new Error(`no word list for ${lang}: en, es, fr or ar`);

let seed = 0x5eed;
const random = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
// Zipf-ish: small indices much more often.
const skewed = (list) => list[Math.floor(list.length * random() ** 2.5)];

const realText = bundled.questions
  .flatMap((q) => [q.question, q.answer, ...(q.keywords || [])])
  .join(" ");
const real = [...new Set(realText.toLowerCase().match(lang === "en" ? /[a-z]{2,}/g : /\p{L}{2,}/gu))];
const syllables = LANGUAGES.syllables.split(" ");
const made = new Set();
while (made.size < 20000) {
  let w = "";
  const n = 2 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) w += pick(syllables);
  if (random() < 0.3) w += pick(LANGUAGES.endings);
  made.add(w);
}
const vocabulary = [...real, ...made];
// Shuffle once so the skew does not favour one source.
for (let i = vocabulary.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [vocabulary[i], vocabulary[j]] = [vocabulary[j], vocabulary[i]];
}
const words = (n) => Array.from({ length: n }, () => skewed(vocabulary)).join(" ");
const starts = LANGUAGES.starts;
const categories = Array.from({ length: 30 }, () => words(2));

const questions = [];
for (let i = 0; i < count; i++) {
  const q = {
    id: `g${i}`,
    question: `${pick(starts)} ${words(4 + Math.floor(random() * 8))}${lang === "ar" ? "؟" : "?"}`,
    answer: `${words(20 + Math.floor(random() * 40))}.\n\n${words(10 + Math.floor(random() * 30))}.`,
    category: pick(categories),
    keywords: Array.from({ length: 2 + Math.floor(random() * 4) }, () => words(1 + Math.floor(random() * 2))),
  };
  if (random() < 0.4) q.links = [{ text: words(3 + Math.floor(random() * 4)), href: `https://example.org/${i}` }];
  questions.push(q);
}
const faq = { title: `Generated FAQ (${count} questions)`, lang, questions };
mkdirSync(new URL("target/bench/", root), { recursive: true });
const out = new URL(`target/bench/faq-${count >= 1000 ? `${count / 1000}k` : count}${lang === "en" ? "" : `.${lang}`}.json`, root);
writeFileSync(out, JSON.stringify(faq));
console.log(`wrote ${out.pathname}: ${count} questions, ${vocabulary.length} words to draw from`);
