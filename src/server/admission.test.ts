import { describe, expect, it } from 'vitest';
import { CostBudget } from './admission.js';

/** Settles pending promise callbacks (admissions resolve in microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Starts `acquire(cost)` and records when it is admitted. */
function request(budget: CostBudget, cost: number, admitted: number[]) {
  return budget.acquire(cost).then((release) => {
    admitted.push(cost);
    return release;
  });
}

describe('CostBudget', () => {
  it('admits at once while the budget has room, and queues what does not fit', async () => {
    const budget = new CostBudget(100, 10_000);
    const admitted: number[] = [];
    const first = request(budget, 60, admitted);
    const second = request(budget, 30, admitted);
    const third = request(budget, 50, admitted);
    await settle();
    expect(admitted).toEqual([60, 30]);
    expect(budget.load).toEqual({ inFlight: 90, waiting: 1 });
    (await first)();
    await settle();
    expect(admitted).toEqual([60, 30, 50]);
    expect(budget.load).toEqual({ inFlight: 80, waiting: 0 });
    (await second)();
    (await third)();
    expect(budget.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('admits in arrival order: a cheap operation does not overtake one waiting before it', async () => {
    const budget = new CostBudget(100, 10_000);
    const admitted: number[] = [];
    const big = request(budget, 90, admitted);
    const waitingBig = request(budget, 80, admitted);
    const cheap = request(budget, 5, admitted);
    await settle();
    expect(admitted).toEqual([90]);
    (await big)();
    await settle();
    expect(admitted).toEqual([90, 80, 5]);
    (await waitingBig)();
    (await cheap)();
  });

  it('never holds back an operation that costs nothing', async () => {
    const budget = new CostBudget(100, 10_000);
    const admitted: number[] = [];
    const holder = await budget.acquire(90);
    const waiting = request(budget, 50, admitted);
    const free = request(budget, 0, admitted);
    await settle();
    expect(admitted).toEqual([0]);
    holder();
    (await waiting)();
    (await free)();
    expect(budget.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('runs an operation costing more than the whole budget, alone', async () => {
    const budget = new CostBudget(100, 10_000);
    const admitted: number[] = [];
    const small = request(budget, 10, admitted);
    const huge = request(budget, 1_000, admitted);
    await settle();
    expect(admitted).toEqual([10]);
    (await small)();
    await settle();
    expect(admitted).toEqual([10, 1_000]);
    expect(budget.load.inFlight).toBe(100);
    (await huge)();
    expect(budget.load.inFlight).toBe(0);
  });

  it('gives back a cost once, however often release is called', async () => {
    const budget = new CostBudget(100, 10_000);
    const a = await budget.acquire(40);
    const b = await budget.acquire(40);
    a();
    a();
    expect(budget.load.inFlight).toBe(40);
    b();
    expect(budget.load.inFlight).toBe(0);
  });

  it('refuses an operation that waited too long with SERVICE_UNAVAILABLE, and lets the next one in', async () => {
    const budget = new CostBudget(100, 20);
    const admitted: number[] = [];
    const holder = await budget.acquire(70);
    const stuck = budget.acquire(50);
    await expect(stuck).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'BUSY', http: { status: 503 } } });
    expect(budget.load).toEqual({ inFlight: 70, waiting: 0 });
    const next = await request(budget, 30, admitted);
    expect(admitted).toEqual([30]);
    holder();
    next();
    expect(budget.load.inFlight).toBe(0);
  });
});
