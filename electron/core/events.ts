/** How the core tells the renderer that something changed, whatever the transport. */
import type { EventName, EventPayloadOf } from '../../shared/contract/ipc-contract.js';

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

/** Fans events out to every listener (one per window, or one per browser-mode connection). */
export class EventHub implements EventSink {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
