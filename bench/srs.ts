/**
 * `npm run bench -- srs`: issue 6's cohort simulation of FSRS scheduling (50 synthetic learners,
 * 90 days) at three desired retentions, and the FSRS optimizer on a 1,000-review history.
 */
import { default_w } from "ts-fsrs";
import { optimizeParameters } from "@/lib/srs/optimizer/optimize-parameters";
import { countReviews } from "@/lib/srs/optimizer/review-history";
import { simulateCohort } from "@/lib/srs/simulation/simulate-cohort";
import { simulateLearner } from "@/lib/srs/simulation/simulate-learner";
import { createUniformRandom } from "@/lib/srs/simulation/uniform-random";

const SEED = 6;
const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

async function cohortTable() {
  const rows = [];
  for (const fuzz of [false, true]) {
    for (const desiredRetention of [0.8, 0.9, 0.95]) {
      const { value: cohort, ms } = await timed(() => simulateCohort({ seed: SEED, scheduler: { desiredRetention, fuzz } }));
      rows.push({
        "desired retention": desiredRetention,
        fuzz,
        "measured (review state)": percent(cohort.retention),
        "within ±3 pp": Math.abs(cohort.retention - desiredRetention) <= 0.03,
        "all recall tests": percent(cohort.allRecallRetention),
        "learners' range": cohort.learnerRetentionRange.map(percent).join(" – "),
        "reviews / learner / day": cohort.reviewsPerLearnerPerDay.toFixed(2),
        "time (ms)": Math.round(ms),
      });
    }
  }
  return rows;
}

/** Each learner's weights fitted on their own 90 days, then the same 90 days scheduled with them. */
async function optimisedCohortTable() {
  const rows = [];
  for (const desiredRetention of [0.8, 0.9, 0.95]) {
    const scheduler = { desiredRetention, fuzz: false };
    const first = simulateCohort({ seed: SEED, scheduler });
    const fitted = await Promise.all(first.outcomes.map((outcome) => optimizeParameters({ history: outcome.history })));
    const again = simulateCohort({ seed: SEED, scheduler, parametersFor: (index) => fitted[index]?.parameters });
    rows.push({
      "desired retention": desiredRetention,
      "default weights": percent(first.retention),
      "each learner's fitted weights": percent(again.retention),
      "within ±3 pp (fitted)": Math.abs(again.retention - desiredRetention) <= 0.03,
      "mean reviews fitted on": Math.round(first.outcomes.reduce((sum, outcome) => sum + outcome.reviews, 0) / first.outcomes.length),
      "learners whose fit left the defaults": fitted.filter((fit) => fit.parameters.some((weight, index) => Math.abs(weight - (default_w[index] ?? 0)) > 1e-3)).length,
    });
  }
  return rows;
}

/** A learner who remembers far better than the defaults say (as in tests/srs/optimizer), ~1,000 reviews. */
async function optimizerTable() {
  const hidden = [...default_w];
  [hidden[0], hidden[1], hidden[2], hidden[3], hidden[8], hidden[20]] = [0.6, 2.5, 6, 20, 2.3, 0.5];
  const { history } = simulateLearner({
    learner: { hiddenParameters: hidden, cardCount: 190, newCardsPerDay: 10 },
    scheduler: { desiredRetention: 0.9, fuzz: false },
    days: 90,
    random: createUniformRandom(1),
  });
  const rows = [];
  for (const heldOutFraction of [0, 0.3]) {
    const times: number[] = [];
    let last;
    for (let run = 0; run < 5; run++) {
      const { value, ms } = await timed(() => optimizeParameters({ history, heldOutFraction }));
      times.push(ms);
      last = value;
    }
    times.sort((a, b) => a - b);
    rows.push({
      "history (reviews)": countReviews(history),
      "held out": heldOutFraction === 0 ? "none (scored on the fit's own reviews)" : `last ${heldOutFraction * 100} % of cards`,
      "fitted on": last?.trainingReviews,
      "log loss, defaults": last?.logLossBefore.toFixed(4),
      "log loss, fitted": last?.logLossAfter.toFixed(4),
      "fit time (median of 5, ms)": Math.round(times[2] ?? 0),
    });
  }
  return rows;
}

export async function srsBench() {
  console.table(await cohortTable());
  console.table(await optimisedCohortTable());
  console.table(await optimizerTable());
}
