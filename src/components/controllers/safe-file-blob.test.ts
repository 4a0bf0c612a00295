import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import type { TwinStore } from '../../sdk/store/create-store.js';
import { AttachmentUrls } from './attachment-urls.js';
import { downloadBlob, inlineBlob } from './safe-file-blob.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const HTML = '<!doctype html><script>parent.hacked = true</script>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="parent.hacked = true"/>';
/** What a server or another device may hold: active content under any declared type. */
const STORED: Record<string, Blob> = {
  html: new Blob([HTML], { type: 'text/html' }),
  svg: new Blob([SVG], { type: 'image/svg+xml' }),
  script: new Blob(['parent.hacked = true'], { type: 'text/javascript' }),
  'html-as-png': new Blob([HTML], { type: 'image/png' }),
  png: new Blob([PNG], { type: 'image/png' }),
  'png-as-html': new Blob([PNG], { type: 'text/html' }),
};

describe('stored files and URLs', () => {
  const made: Blob[] = [];
  const original = URL.createObjectURL;
  beforeEach(() => {
    made.length = 0;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      made.push(blob as Blob);
      return original.call(URL, blob);
    };
  });
  afterEach(() => {
    URL.createObjectURL = original;
  });

  it('makes a URL only of pictures, sound and video, typed by their content', async () => {
    const host = { addController() {}, requestUpdate() {} } as unknown as ReactiveControllerHost;
    const urls = new AttachmentUrls(host);
    urls.store = { getAttachment: async (id: string) => STORED[id] } as unknown as TwinStore;
    for (const id of Object.keys(STORED)) expect(urls.url(id)).to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(made.map((blob) => blob.type)).to.deep.equal(['image/png', 'image/png']);
    for (const id of ['html', 'svg', 'script', 'html-as-png']) expect(urls.url(id), id).to.equal(undefined);
    expect(urls.url('png')).to.match(/^blob:/);
    expect(urls.url('png-as-html')).to.match(/^blob:/);
    urls.hostDisconnected();
  });

  it('never renders a stored HTML or SVG file, shown or downloaded', async () => {
    const win = window as unknown as { hacked?: boolean };
    for (const blob of [STORED.html, STORED.svg, STORED['html-as-png']]) {
      expect(await inlineBlob(blob)).to.equal(undefined);
      // A download is bytes: even opened in a frame, it is not a page.
      const url = URL.createObjectURL(downloadBlob(blob));
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 300));
      frame.remove();
      URL.revokeObjectURL(url);
    }
    expect(win.hacked).to.equal(undefined);
    expect(made.every((blob) => blob.type === 'application/octet-stream')).to.equal(true);
  });
});
