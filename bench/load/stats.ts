/** Latency samples of one kind of call, summarised as the report prints them. */
export class Samples {
  private readonly values: number[] = [];

  add(ms: number) {
    this.values.push(ms);
  }

  get count() {
    return this.values.length;
  }

  /** Nearest-rank percentile (p in 0–100) in ms; NaN without samples. */
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank] as number;
  }

  /** "p50 / p95 / p99" in whole milliseconds (one decimal under 10 ms). */
  describe(): string {
    const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : String(Math.round(value)));
    return `${ms(this.percentile(50))} / ${ms(this.percentile(95))} / ${ms(this.percentile(99))}`;
  }
}
