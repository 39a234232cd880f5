/**
 * A second platform that competes on commission, added from outside the
 * model through the public API: one phase and three reporters, no change to
 * src/model.
 *
 * Sellers listed on the incumbent platform hear of the rival (chance `reach`
 * a tick) and join it too — they multi-home — when a year of commission
 * saved pays for listing there: a share `buyerShare` of a multi-homer's
 * platform sales then goes through the rival, at the rival's commission
 * instead of the incumbent's. The rival reaches buyers only through sellers
 * also on the incumbent: a seller that leaves the incumbent (or is delisted)
 * leaves the rival too. The phase runs right after matching, so the money it
 * moves (commission kept by the seller) is booked before settlement and the
 * model's accounting still adds up.
 */
import { Channel, createRng, type CustomPhase, type Reporter, type Rng, type World } from 'gvc-sim';

export interface RivalSettings {
  /** The rival's commission (the incumbent's is the model's `platform.commission` in force). */
  commission: number;
  /** Chance a tick that an incumbent seller not yet on the rival weighs joining it. */
  reach: number;
  /** Share of a multi-homer's platform sales that go through the rival. */
  buyerShare: number;
  /** One-off cost of listing on the rival, k USD. */
  joinCost: number;
}

export const DEFAULT_RIVAL: RivalSettings = { commission: 0.04, reach: 0.05, buyerShare: 0.3, joinCost: 2 };

/** The rival's state in one world: who multi-homes (by firm slot) and this tick's sales. */
interface RivalState {
  rng: Rng;
  /** Id of the firm multi-homing in each slot, or −1 (slots are reused when firms exit). */
  member: Int32Array;
  members: number;
  incumbentSellers: number;
  gmv: number;
  commission: number;
}

/** The rival platform: a phase to add after matching and its reporters. One object serves any number of runs. */
export function secondPlatform(settings: Partial<RivalSettings> = {}): { phases: CustomPhase[]; reporters: Record<string, Reporter> } {
  const r = { ...DEFAULT_RIVAL, ...settings };
  const states = new WeakMap<World, RivalState>();
  const stateOf = (w: World): RivalState => {
    let st = states.get(w);
    if (!st) {
      st = { rng: createRng(w.seed, 'rival-platform'), member: new Int32Array(w.firms.capacity).fill(-1), members: 0, incumbentSellers: 0, gmv: 0, commission: 0 };
      states.set(w, st);
    }
    return st;
  };

  const run = (w: World): void => {
    const st = stateOf(w);
    const f = w.firms;
    const L = w.ledger;
    const tau = w.platform.commission;
    const saved = r.buyerShare * Math.max(0, tau - r.commission); // per unit of platform GMV
    st.members = st.incumbentSellers = 0;
    st.gmv = st.commission = 0;
    for (let i = 0; i < f.capacity; i++) {
      const listed = w.platform.active && (f.channels[i]! & Channel.platform) !== 0 && f.delistedUntil[i]! <= w.tick;
      if (!listed || (st.member[i] !== -1 && st.member[i] !== f.id[i])) st.member[i] = -1; // left the incumbent, or a new firm in the slot
      if (!listed) continue;
      st.incumbentSellers++;
      const gmv = f.platformReceipts[i]! / (1 - tau); // this tick's list-price sales on the platform
      if (st.member[i] === -1) {
        if (saved <= 0 || !st.rng.chance(r.reach) || gmv * saved * w.scenario.ticksPerYear < r.joinCost) continue;
        st.member[i] = f.id[i]!;
        f.cash[i]! -= r.joinCost;
        f.profit[i]! -= r.joinCost;
        L.entryCosts += r.joinCost;
      }
      st.members++;
      // The rival's share of the seller's sales pays the rival's commission instead of the incumbent's.
      const kept = gmv * saved;
      f.platformReceipts[i]! += kept;
      f.exportReceipts[i]! += kept;
      f.cash[i]! += kept;
      f.profit[i]! += kept;
      L.receipts += kept;
      L.platformReceipts += kept;
      L.commission -= kept;
      st.gmv += r.buyerShare * gmv;
      st.commission += r.buyerShare * gmv * r.commission;
    }
  };

  return {
    phases: [{ name: 'rival-platform', after: 'matching', run }],
    reporters: {
      /** Share of the incumbent's sellers also on the rival. */
      rivalSellerShare: (w) => {
        const st = stateOf(w);
        return st.incumbentSellers > 0 ? st.members / st.incumbentSellers : 0;
      },
      /** Share of platform GMV that went through the rival. */
      rivalGmvShare: (w) => (w.ledger.gmv > 0 ? stateOf(w).gmv / w.ledger.gmv : 0),
      /** The rival's commission income this tick, k USD. */
      rivalCommission: (w) => stateOf(w).commission,
    },
  };
}
