import { html, LitElement } from 'lit';
import { StoreController } from '../components/controllers/store-controller.js';
import { defineElement } from '../components/base/define-element.js';

/** A minimal widget for tests: lists glossary terms through the StoreController. */
export class TestRecordList extends LitElement {
  static override properties = { space: { type: String } };
  declare space: string;
  readonly data = new StoreController(this, { collection: 'glossary' });
  renderCount = 0;

  override render() {
    this.renderCount++;
    return html`<p>${this.data.status}</p>
      <ul>
        ${this.data.records.map((r) => html`<li>${(r.translations as Record<string, { term: string }>).en?.term}</li>`)}
      </ul>`;
  }

  get terms(): string[] {
    return this.data.records.map((r) => (r.translations as Record<string, { term: string }>).en?.term);
  }
}
defineElement('test-record-list', TestRecordList);

/** Waits until `probe` is truthy (rendering and storage are asynchronous). */
export async function until(probe: () => unknown, what = 'condition', timeout = 4000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
