import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { embedUrlFor } from './embed-url.js';

describe('embedUrlFor', () => {
  const youtube = ['www.youtube-nocookie.com'];

  it('embeds nothing unless the page owner allowed the player host', () => {
    assert.equal(embedUrlFor('https://www.youtube.com/watch?v=abc123', []), undefined);
    assert.equal(embedUrlFor('https://www.youtube.com/watch?v=abc123', ['player.vimeo.com']), undefined);
  });

  it('turns YouTube pages into the no-cookie player', () => {
    assert.equal(embedUrlFor('https://www.youtube.com/watch?v=abc123&t=4', youtube), 'https://www.youtube-nocookie.com/embed/abc123');
    assert.equal(embedUrlFor('https://youtu.be/xyz_9', youtube), 'https://www.youtube-nocookie.com/embed/xyz_9');
    assert.equal(embedUrlFor('https://www.youtube.com/shorts/s1', youtube), 'https://www.youtube-nocookie.com/embed/s1');
  });

  it('turns Vimeo pages into the Vimeo player without tracking', () => {
    assert.equal(embedUrlFor('https://vimeo.com/123456789', ['player.vimeo.com']), 'https://player.vimeo.com/video/123456789?dnt=1');
  });

  it('refuses hostile or unknown addresses', () => {
    assert.equal(embedUrlFor('javascript:alert(1)', youtube), undefined);
    assert.equal(embedUrlFor('https://www.youtube.com/watch?v=a"onload=alert(1)', youtube), undefined);
    assert.equal(embedUrlFor('https://evil.example/watch?v=abc', youtube), undefined);
    assert.equal(embedUrlFor('not a url', youtube), undefined);
    assert.equal(embedUrlFor(undefined, youtube), undefined);
  });
});
