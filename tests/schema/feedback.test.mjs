// The feedback beacon's JSON Schema (feedback.schema.json) checked with ajv against the shared
// cases in tests/feedback/cases.json. The collector's own parser (faq_widget::feedback::Batch and
// Batch::check) gives the same verdict on the same cases: cli/tests/feedback_contract.rs.
// Run: node --test tests/schema/feedback.test.mjs  (scripts/test.sh does)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";

const root = new URL("../../", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("feedback.schema.json", root), "utf8"));
const cases = JSON.parse(readFileSync(new URL("tests/feedback/cases.json", root), "utf8"));

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

test("the schema is JSON Schema 2020-12 and has valid and invalid cases to judge", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.ok(cases.filter((c) => c.valid).length >= 5);
  assert.ok(cases.filter((c) => !c.valid).length >= 20);
});

for (const { name, valid, batch } of cases) {
  test(`${valid ? "accepts" : "refuses"}: ${name}`, () => {
    assert.equal(validate(batch), valid, JSON.stringify(validate.errors));
  });
}
