/**
 * How the local dialers (VoIPStudio's and Bolna's sandboxes) deliver their webhooks, once: timers for the
 * moments of a call, POSTs with retries on 5xx and network errors, duplicates (duplicateRate) and a shuffled
 * order on request, and a way to wait until everything scheduled has been delivered.
 */
export interface WebhookSenderOptions {
  /** Where to POST (unset: nothing is sent). */
  url(): string | undefined;
  /** Headers of every POST (authentication). */
  headers(): Record<string, string>;
  duplicateRate(): number;
  shuffle(): boolean;
  /** The sandbox's seeded random numbers. */
  random(): number;
  /** Records each delivery (status of the answer and the event). */
  delivered(status: number, event: Record<string, unknown>): void;
}

export interface WebhookSender {
  /** Runs fn after ms (tracked: idle() waits for it, stop() cancels it). */
  later(ms: number, fn: () => void): void;
  /** The events as they will go out: each possibly twice, in a shuffled order when asked. */
  prepare(events: Record<string, unknown>[]): Record<string, unknown>[];
  /** Sends prepare(events). */
  emit(events: Record<string, unknown>[]): void;
  /** POSTs one event now (retried on 5xx and network errors). */
  send(event: Record<string, unknown>): void;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function webhookSender(o: WebhookSenderOptions): WebhookSender {
  const timers = new Set<NodeJS.Timeout>();
  const inflight = new Set<Promise<void>>();
  const send = (event: Record<string, unknown>) => {
    const url = o.url();
    if (!url) return;
    const p = (async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...o.headers() }, body: JSON.stringify(event) });
          await res.text();
          o.delivered(res.status, event);
          if (res.status < 500) return;
        } catch {
          /* retried */
        }
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    })();
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  return {
    send,
    later(ms, fn) {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
    prepare(events) {
      const out: Record<string, unknown>[] = [];
      for (const e of events) {
        out.push(e);
        if (o.random() < o.duplicateRate()) out.push(e);
      }
      if (o.shuffle()) {
        for (let i = out.length - 1; i > 0; i--) {
          const j = Math.floor(o.random() * (i + 1));
          [out[i], out[j]] = [out[j], out[i]];
        }
      }
      return out;
    },
    emit(events) {
      for (const e of this.prepare(events)) send(e);
    },
    async idle() {
      while (timers.size > 0 || inflight.size > 0) {
        await Promise.all([...inflight]);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...inflight]);
    },
  };
}
