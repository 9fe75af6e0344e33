// The published JSON Schema (faq.schema.json, printed by `faq-widget schema`) checked with ajv,
// a JSON Schema 2020-12 validator of the kind editors use: it accepts the bundled faq.json,
// rejects broken variants, and its link-address pattern agrees with the widget's own check
// (markup::check_href, run through `faq-widget check`) on hundreds of addresses.
// Run: node --test tests/schema/schema.test.mjs  (scripts/test.sh does)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";

const root = new URL("../../", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("faq.schema.json", root), "utf8"));
const bundled = JSON.parse(readFileSync(new URL("faq.json", root), "utf8"));

// strict: unknown keywords or formats in the schema are errors, not silently ignored.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(schema);
const validLink = ajv.compile({ $ref: `${schema.$id ?? ""}#/$defs/link`, $defs: schema.$defs });

const copy = () => structuredClone(bundled);
const explain = () => JSON.stringify(validate.errors, null, 1);

test("the schema is valid JSON Schema 2020-12 and accepts the bundled faq.json", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(bundled.$schema, "faq.schema.json");
  assert.ok(validate(bundled), explain());
});

// Each variant: a name, an edit of the bundled FAQ, and whether the schema must accept it.
const variants = [
  ["no title", (f) => delete f.title, false],
  ["blank title", (f) => (f.title = "   "), false],
  ["title is a number", (f) => (f.title = 3), false],
  ["no questions", (f) => delete f.questions, false],
  ["empty questions", (f) => (f.questions = []), false],
  ["questions is an object", (f) => (f.questions = {}), false],
  ["questions is null", (f) => (f.questions = null), false],
  ["a question without answer", (f) => delete f.questions[2].answer, false],
  ["an empty answer", (f) => (f.questions[0].answer = ""), false],
  ["a question that is a number", (f) => (f.questions[1].question = 42), false],
  ["a question that is a string", (f) => (f.questions[1] = "Why?"), false],
  ["a javascript: link", (f) => (f.questions[0].links = [{ text: "x", href: "javascript:alert(1)" }]), false],
  ["a data: link", (f) => (f.contact.href = "data:text/html,<b>hi</b>"), false],
  ["a link with a space", (f) => (f.contact.href = "https://example.org/a b"), false],
  ["http: with nothing after", (f) => (f.contact.href = "http:"), false],
  ["a link without text", (f) => delete f.contact.text, false],
  ["a misspelt field", (f) => (f.questions[0].answr = "typo"), false],
  ["an unknown top-level field", (f) => (f.colour = "blue"), false],
  ["an id with spaces inside", (f) => (f.questions[0].id = "bad id!"), false],
  ["an id of 81 characters", (f) => (f.questions[0].id = "x".repeat(81)), false],
  ["a keyword that is a number", (f) => (f.questions[0].keywords = [1]), false],
  ["revision -1", (f) => (f.cookie_notice.revision = -1), false],
  ["revision 1.5", (f) => (f.cookie_notice.revision = 1.5), false],
  ["revision as text", (f) => (f.cookie_notice.revision = "2"), false],
  ["revision above 2^32-1", (f) => (f.cookie_notice.revision = 4294967296), false],
  ["ui is text", (f) => (f.ui = "x"), false],
  // What the validator accepts, the schema accepts too.
  ["revision 2^32-1", (f) => (f.cookie_notice.revision = 4294967295), true],
  ["no cookie notice", (f) => delete f.cookie_notice, true],
  ["cookie notice null", (f) => (f.cookie_notice = null), true],
  ["contact null", (f) => (f.contact = null), true],
  ["optional fields null", (f) => Object.assign(f.questions[0], { id: null, links: null, keywords: null, category: null }), true],
  ["an id with spaces around", (f) => (f.questions[0].id = " arrests-2 "), true],
  ["an empty id (derived)", (f) => (f.questions[0].id = ""), true],
  ["tool fields starting with $", (f) => (f.questions[0].$comment = "note"), true],
  ["ui strings", (f) => (f.ui = { search_label: "Search" }), true],
  ["relative, mailto and tel links", (f) => (f.questions[0].links = [{ text: "a", href: "../faq#x" }, { text: "b", href: "MAILTO:a@b.c" }, { text: "c", href: "tel:+331" }]), true],
];

for (const [name, edit, accepted] of variants) {
  test(`${accepted ? "accepts" : "rejects"}: ${name}`, () => {
    const faq = copy();
    edit(faq);
    assert.equal(validate(faq), accepted, explain());
  });
}

// ---- the href pattern against the widget's own check, through the command-line tool

function* hrefs() {
  yield* [
    "https://a.org", "HTTP://a.org/x?y#z", "mailto:a@b.org", "tel:+331", "/faq", "faq.json",
    "../up", "#q", "?q=1", "path/with:colon", "javascript:alert(1)", "JavaScript:alert(1)",
    "data:text/html,<b>", "vbscript:x", "java\tscript:alert(1)", " javascript:alert(1)",
    "https:", "http:", "mailto:", "tel:", "", " ", "https://a b", " https://padded.org ",
    "ftp://x", "file:///etc/passwd", "https:x", "a:b/c", "a/b:c", "?x:y", "#a:b", "\u0007x",
    "x\u0085y", "x\u00a0y", "https://é.org/ü", "😀", ":", "::", "/:", "h:", "https//x",
  ];
  // Deterministic pseudo-random addresses from pieces that matter to the rules.
  const pieces = ["https", "http", "mailto", "tel", "javascript", "data", ":", "/", "?", "#", "a", "é", " ", "\t", "\u0001", "H", "S", "x.org"];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 400; i++) {
    let href = "";
    const length = next() % 6;
    for (let j = 0; j < length; j++) href += pieces[next() % pieces.length];
    yield href;
  }
}

test("the schema's link pattern agrees with the widget's check_href", () => {
  const list = [...hrefs()];
  const faq = {
    title: "Links",
    questions: list.map((href, i) => ({ question: `q${i}`, answer: "a", links: [{ text: "t", href }] })),
  };
  // `check` exits 1 when some links are rejected; its JSON report is on stdout either way.
  let stdout;
  try {
    stdout = execFileSync("cargo", ["run", "--quiet", "-p", "faq-widget-cli", "--", "check", "--format", "json", "-"], {
      cwd: root,
      input: JSON.stringify(faq),
      encoding: "utf8",
    });
  } catch (error) {
    stdout = error.stdout;
  }
  const report = JSON.parse(stdout);
  const rejected = new Set();
  for (const problem of report.files[0].problems) {
    const match = /^Question (\d+): "(links|href)"/.exec(problem.message);
    if (match) rejected.add(Number(match[1]) - 1);
  }
  assert.ok(rejected.size > 50 && rejected.size < list.length - 50, `a useful mix (${rejected.size} rejected)`);
  const disagreements = list
    .map((href, i) => ({ href, rust: !rejected.has(i), schema: validLink({ text: "t", href }) }))
    .filter((r) => r.rust !== r.schema);
  assert.deepEqual(disagreements, []);
});
