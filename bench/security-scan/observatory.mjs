// Grade a plain-HTTP page with the MDN HTTP Observatory's own rules (npm @mdn/mdn-http-observatory).
//
//   node observatory.mjs OBSERVATORY_DIR HOST PORT PATH > result.json
//
// The package's CLI (mdn-http-observatory-scan) takes only a host name and fetches
// http://host/ and https://host/ on the default ports. This script calls the same
// retriever with the port and path of the scan server and runs ALL_TESTS, then grades
// as src/scanner/index.js does. Without TLS the HSTS and redirection tests cannot pass;
// run.sh reports them as "needs TLS (production nginx)".
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir, host, port, pagePath] = process.argv.slice(2);
const load = (p) => import(pathToFileURL(path.join(dir, "src", p)).href);
const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS, ALGORITHM_VERSION, NUM_TESTS } = await load("constants.js");
const grader = await load("grader/grader.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");

// Nothing listens on httpsPort (port 1): the https session fails and the http one is graded.
const r = await retrieve(host, { httpPort: port, httpsPort: 1, path: pagePath });
if (!r.responses.auto) {
  console.log(JSON.stringify({ error: "site down" }));
  process.exit(1);
}
let extra = 100;
let uncurved = 100;
let passed = 0;
const tests = {};
for (const test of ALL_TESTS) {
  const result = test(r);
  if (result.result) {
    result.scoreModifier = grader.getScoreModifier(result.result);
    result.scoreDescription = grader.getScoreDescription(result.result);
    passed += result.pass ? 1 : 0;
    extra += result.scoreModifier;
    if (result.scoreModifier < 0) uncurved += result.scoreModifier;
  }
  tests[result.constructor.name] = {
    result: result.result,
    pass: result.pass,
    scoreModifier: result.scoreModifier,
    scoreDescription: result.scoreDescription,
  };
}
const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? extra : uncurved;
const final = grader.getGradeForScore(score);
console.log(
  JSON.stringify(
    {
      scan: {
        algorithmVersion: ALGORITHM_VERSION,
        url: `http://${host}:${port}${pagePath}`,
        grade: final.grade,
        score: final.score,
        statusCode: r.responses.auto.status,
        testsPassed: passed,
        testsQuantity: NUM_TESTS,
        responseHeaders: r.responses.auto.headers,
      },
      tests,
    },
    null,
    2,
  ),
);
