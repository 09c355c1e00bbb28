/**
 * Merchant store: the state of every merchant (SME) as a struct of typed arrays, one slot per
 * market booth. A slot freed by an exit is taken by the next entrant; the exited merchant's
 * record moves to the archive, so `merchants.csv` can list everyone ever alive.
 *
 * A new per-merchant field: construct it in the constructor, and clear it in resetSlot unless
 * placeMerchant or attachMerchant sets it (test/state-reset.test.ts names a field an entrant
 * would inherit); a month figure that initialisation computes is zeroed at the end of
 * world/init.ts. Checkpoints copy every typed array of the store without a list.
 */
export class MerchantStore {
  readonly capacity: number;
  readonly regionCount: number;
  /** Unique id, increasing with entry; -1 for an empty slot. */
  readonly id: Int32Array;
  readonly alive: Uint8Array;
  readonly category: Uint8Array;
  /** Value-chain stage (ids.ts STAGES). */
  readonly stage: Uint8Array;
  /** Digital level 0 offline … 3 data-driven (ids.ts DIGITAL_LEVELS). */
  readonly level: Uint8Array;
  /** Productivity φ ≥ 1 (Pareto): unit cost is the category's base cost divided by φ. */
  readonly productivity: Float64Array;
  /** φ^β, cached: a merchant's attraction scales with it. */
  readonly productivityPower: Float64Array;
  readonly cash: Float64Array;
  readonly debt: Float64Array;
  /** Cumulative credit received, US$. */
  readonly creditUsed: Float64Array;
  /** Regions (bit r) where the merchant has market-hall buyer relationships. */
  readonly offlineMask: Uint16Array;
  /** Regions (bit r) the merchant has entered online (B2B platform / cross-border e-commerce). */
  readonly onlineMask: Uint16Array;
  /** Month number of entry (may be before the run for incumbents). */
  readonly birthMonth: Int32Array;
  readonly salesTotal: Float64Array;
  readonly exportTotal: Float64Array;
  readonly salesMonth: Float64Array;
  readonly exportMonth: Float64Array;
  /** Smoothed monthly sales and profit (what a merchant expects next month). */
  readonly salesEma: Float64Array;
  readonly profitEma: Float64Array;
  /** Consecutive months short of cash / with losses. */
  readonly distressMonths: Uint8Array;
  readonly lossMonths: Uint8Array;
  /** Credit refused this month. */
  readonly refused: Uint8Array;
  /** This month's price, margin share and attraction per channel. */
  readonly price: Float64Array;
  readonly margin: Float64Array;
  readonly attractHall: Float64Array;
  readonly attractB2b: Float64Array;
  readonly attractCbec: Float64Array;
  nextId = 0;
  /**
   * Slots of the alive merchants, and of the vacant booths, in increasing order: the mechanisms
   * loop over these instead of every booth (same order as a scan of all slots, so same results).
   * Kept by `aliveSlots()` and `vacantSlots()`, rebuilt after entries and exits (setAlive marks them stale).
   */
  private readonly aliveList: Int32Array;
  private readonly vacantList: Int32Array;
  private slotListsStale = true;
  aliveCount = 0;
  vacantCount = 0;

  constructor(capacity: number, regionCount: number) {
    this.capacity = capacity;
    this.regionCount = regionCount;
    this.id = new Int32Array(capacity).fill(-1);
    this.alive = new Uint8Array(capacity);
    this.category = new Uint8Array(capacity);
    this.stage = new Uint8Array(capacity);
    this.level = new Uint8Array(capacity);
    this.productivity = new Float64Array(capacity);
    this.productivityPower = new Float64Array(capacity);
    this.cash = new Float64Array(capacity);
    this.debt = new Float64Array(capacity);
    this.creditUsed = new Float64Array(capacity);
    this.offlineMask = new Uint16Array(capacity);
    this.onlineMask = new Uint16Array(capacity);
    this.birthMonth = new Int32Array(capacity);
    this.salesTotal = new Float64Array(capacity);
    this.exportTotal = new Float64Array(capacity);
    this.salesMonth = new Float64Array(capacity);
    this.exportMonth = new Float64Array(capacity);
    this.salesEma = new Float64Array(capacity);
    this.profitEma = new Float64Array(capacity);
    this.distressMonths = new Uint8Array(capacity);
    this.lossMonths = new Uint8Array(capacity);
    this.refused = new Uint8Array(capacity);
    this.price = new Float64Array(capacity);
    this.margin = new Float64Array(capacity);
    this.attractHall = new Float64Array(capacity);
    this.attractB2b = new Float64Array(capacity);
    this.attractCbec = new Float64Array(capacity);
    this.aliveList = new Int32Array(capacity);
    this.vacantList = new Int32Array(capacity);
  }

  /** Marks slot i alive (1) or vacant (0). */
  setAlive(i: number, alive: 0 | 1): void {
    this.alive[i] = alive;
    this.slotListsStale = true;
  }

  /**
   * The slots of alive merchants, in increasing order, in the first `aliveCount` entries.
   * A loop may remove the merchant it is visiting (the list is a snapshot until the next call).
   */
  aliveSlots(): Int32Array {
    if (this.slotListsStale) this.listSlots();
    return this.aliveList;
  }

  /** The vacant slots, in increasing order, in the first `vacantCount` entries (a snapshot, as aliveSlots). */
  vacantSlots(): Int32Array {
    if (this.slotListsStale) this.listSlots();
    return this.vacantList;
  }

  private listSlots(): void {
    const alive = this.alive;
    const aliveList = this.aliveList;
    const vacantList = this.vacantList;
    let a = 0;
    let v = 0;
    const capacity = this.capacity;
    // branch-free: alive and vacant slots interleave unpredictably
    for (let i = 0; i < capacity; i++) {
      const on = alive[i];
      aliveList[a] = i;
      vacantList[v] = i;
      a += on;
      v += 1 - on;
    }
    this.aliveCount = a;
    this.vacantCount = v;
    this.slotListsStale = false;
  }

  /** Clears a slot's per-merchant history so an entrant starts fresh. */
  resetSlot(i: number): void {
    this.cash[i] = 0;
    this.debt[i] = 0;
    this.creditUsed[i] = 0;
    this.offlineMask[i] = 0;
    this.onlineMask[i] = 0;
    this.salesTotal[i] = 0;
    this.exportTotal[i] = 0;
    this.salesMonth[i] = 0;
    this.exportMonth[i] = 0;
    this.salesEma[i] = 0;
    this.profitEma[i] = 0;
    this.distressMonths[i] = 0;
    this.lossMonths[i] = 0;
    this.refused[i] = 0;
  }
}

/** Records of merchants that have exited; grows by doubling (rarely, never per step). */
export class MerchantArchive {
  size = 0;
  id = new Int32Array(256);
  category = new Uint8Array(256);
  stage = new Uint8Array(256);
  level = new Uint8Array(256);
  productivity = new Float64Array(256);
  birthMonth = new Int32Array(256);
  exitMonth = new Int32Array(256);
  exitReason = new Uint8Array(256);
  salesTotal = new Float64Array(256);
  exportTotal = new Float64Array(256);
  destinations = new Uint8Array(256);
  creditUsed = new Float64Array(256);
  debtWrittenOff = new Float64Array(256);

  private grow(): void {
    const n = this.id.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.id = g(this.id);
    this.category = g(this.category);
    this.stage = g(this.stage);
    this.level = g(this.level);
    this.productivity = g(this.productivity);
    this.birthMonth = g(this.birthMonth);
    this.exitMonth = g(this.exitMonth);
    this.exitReason = g(this.exitReason);
    this.salesTotal = g(this.salesTotal);
    this.exportTotal = g(this.exportTotal);
    this.destinations = g(this.destinations);
    this.creditUsed = g(this.creditUsed);
    this.debtWrittenOff = g(this.debtWrittenOff);
  }

  add(m: MerchantStore, i: number, month: number, reason: number, destinations: number): void {
    if (this.size === this.id.length) this.grow();
    const k = this.size++;
    this.id[k] = m.id[i];
    this.category[k] = m.category[i];
    this.stage[k] = m.stage[i];
    this.level[k] = m.level[i];
    this.productivity[k] = m.productivity[i];
    this.birthMonth[k] = m.birthMonth[i];
    this.exitMonth[k] = month;
    this.exitReason[k] = reason;
    this.salesTotal[k] = m.salesTotal[i];
    this.exportTotal[k] = m.exportTotal[i];
    this.destinations[k] = destinations;
    this.creditUsed[k] = m.creditUsed[i];
    this.debtWrittenOff[k] = m.debt[i];
  }
}
