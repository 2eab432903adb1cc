import type { Db } from '../../../db/client';
import type { Ward } from '../../../schemas/sheet';
import { AnswerCache, type EncodedAnswer, encodeAnswer } from '../../answer-cache';
import { listWardYears } from './list-wards';

interface WardsAnswer extends EncodedAnswer {
  wards: Ward[];
}

const key = 'wards';
const sameYears = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((year, i) => year === b[i]);

/**
 * The wards list (`GET /api/v1/wards`, the home page's data), encoded once. It changes only when
 * a 部区 gets its first sheet of a year (or loses its last) or an organization changes — not on
 * every save. So a change announced for a 部区 does not drop it: the 部区 is marked, and the next
 * request re-reads the years of the marked 部区 only (a few index probes) and re-encodes only
 * if they differ. A change of names or organizations (`reset`) drops it.
 */
export class WardsDirectory {
  readonly #answers = new AnswerCache<WardsAnswer>(1);
  #touched = new Set<string>();
  /** The revalidation under way: requests arriving meanwhile wait for it. */
  #revalidating: Promise<EncodedAnswer> | undefined;

  /** A 部区's sheets changed: its years may have. */
  touch(wardId: string): void {
    this.#touched.add(wardId);
  }

  /** Organizations or municipalities changed: read everything again. */
  reset(): void {
    this.#touched = new Set();
    this.#answers.clear();
  }

  /** The answer if it is in memory and nothing may have changed it (for `answerFromMemory`). */
  inMemory(): EncodedAnswer | undefined {
    return this.#revalidating || this.#touched.size > 0 ? undefined : this.#answers.get(key);
  }

  async answer(db: Db): Promise<EncodedAnswer> {
    if (this.#revalidating) return this.#revalidating;
    const cached = this.#answers.get(key);
    if (cached && this.#touched.size === 0) return cached;
    if (cached) {
      this.#revalidating ??= this.#revalidate(db, cached).finally(() => {
        this.#revalidating = undefined;
      });
      return this.#revalidating;
    }
    return this.#load(db);
  }

  #load(db: Db): Promise<WardsAnswer> {
    return this.#answers.getOrLoad(key, async () => {
      this.#touched = new Set();
      const wards = await listWardYears(db);
      return { value: { wards, ...encodeAnswer(wards) }, dependencies: [] };
    });
  }

  async #revalidate(db: Db, cached: WardsAnswer): Promise<EncodedAnswer> {
    const touched = this.#touched;
    this.#touched = new Set();
    const generation = this.#answers.generation;
    const fresh = await listWardYears(db, { wardIds: [...touched] });
    const byId = new Map(fresh.map((ward) => [ward.id, ward]));
    const known = new Set(cached.wards.map((ward) => ward.id));
    if (fresh.length !== touched.size || fresh.some((ward) => !known.has(ward.id))) {
      // A 部区 appeared or vanished: its place in the order is the database's to say.
      this.#answers.clear();
      return this.#load(db);
    }
    const changed = cached.wards.some((ward) => {
      const now = byId.get(ward.id);
      return now !== undefined && !sameYears(now.fiscalYears, ward.fiscalYears);
    });
    if (!changed) return cached;
    const wards = cached.wards.map((ward) => byId.get(ward.id) ?? ward);
    return this.#answers.set(key, { wards, ...encodeAnswer(wards) }, [], generation);
  }
}
