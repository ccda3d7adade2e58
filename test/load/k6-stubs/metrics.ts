/** Stub of `k6/metrics`: every add() is recorded with its metric's name and kind. */
import { stubState } from './stub-state.js';

class StubMetric {
  constructor(
    readonly name: string,
    readonly kind: string,
  ) {}
  add(value: number | boolean, tags?: Record<string, string>): void {
    stubState().samples.push({ metric: this.name, kind: this.kind, value: Number(value), ...(tags ? { tags } : {}) });
  }
}

export class Counter extends StubMetric {
  constructor(name: string) {
    super(name, 'counter');
  }
}
export class Rate extends StubMetric {
  constructor(name: string) {
    super(name, 'rate');
  }
}
export class Trend extends StubMetric {
  constructor(name: string) {
    super(name, 'trend');
  }
}
export class Gauge extends StubMetric {
  constructor(name: string) {
    super(name, 'gauge');
  }
}
