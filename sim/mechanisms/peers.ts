/**
 * What merchants observe of their peers, recomputed each month after sales: how many merchants
 * of each category are at each digital level, and how well they do for their productivity
 * (sales ÷ φ^β, so a merchant can judge what a level would bring it, not what it brought a more
 * productive peer). Imitation in adoption (Bass 1969) and entrants' expectations read these.
 * Also each category's mean hall attraction, against which hall relationships (markets.ts)
 * judge whether a buyer met in the hall stays with a booth.
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { LEVEL_COUNT } = ids;

export function updatePeerStats(w: World): void {
  const { merchants: s, peers, K } = w;
  peers.performance.fill(0);
  peers.hallAttraction.fill(0);
  const perCategory = peers.categoryCount;
  perCategory.fill(0);
  const { count, performance, hallAttraction } = peers;
  const { category, level, salesMonth, productivityPower, attractHall } = s;
  // counts in integers (exact in any order); per category, added up from them below
  const counts = countWork.length === K * LEVEL_COUNT ? countWork : (countWork = new Int32Array(K * LEVEL_COUNT));
  counts.fill(0);
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    const k = category[i];
    const cell = k * LEVEL_COUNT + level[i];
    counts[cell]++;
    performance[cell] += salesMonth[i] / productivityPower[i];
    hallAttraction[k] += attractHall[i];
  }
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < LEVEL_COUNT; l++) {
      count[k * LEVEL_COUNT + l] = counts[k * LEVEL_COUNT + l];
      perCategory[k] += counts[k * LEVEL_COUNT + l];
    }
  }
  for (let cell = 0; cell < K * LEVEL_COUNT; cell++) {
    if (peers.count[cell] > 0) peers.performance[cell] /= peers.count[cell];
  }
  for (let k = 0; k < K; k++) if (perCategory[k] > 0) peers.hallAttraction[k] /= perCategory[k];
}

let countWork = new Int32Array(0);

/** Share of a category's merchants at `level` or above. */
export function shareAtOrAbove(w: World, k: number, level: number): number {
  const c = w.peers.count;
  let above = 0;
  let all = 0;
  for (let l = 0; l < LEVEL_COUNT; l++) {
    all += c[k * LEVEL_COUNT + l];
    if (l >= level) above += c[k * LEVEL_COUNT + l];
  }
  return all > 0 ? above / all : 0;
}
