/** Players Twinkit knows how to embed from a video page's address: the page's host → the player's. */
const KNOWN_PLAYERS: { hosts: RegExp; player: string; id: (url: URL) => string | undefined; embed: (id: string) => string }[] = [
  {
    hosts: /^(www\.|m\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com)$/,
    // The no-cookie host: no tracking cookie until the reader plays the video.
    player: 'www.youtube-nocookie.com',
    id: (url) => (url.hostname.endsWith('youtu.be') ? url.pathname.slice(1) : (url.searchParams.get('v') ?? url.pathname.match(/^\/(?:embed|shorts)\/([\w-]+)/)?.[1])) || undefined,
    embed: (id) => `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`,
  },
  {
    hosts: /^(www\.|player\.)?vimeo\.com$/,
    player: 'player.vimeo.com',
    id: (url) => url.pathname.match(/(\d{5,})/)?.[1],
    embed: (id) => `https://player.vimeo.com/video/${id}?dnt=1`,
  },
];

/**
 * The address of an embedded player for a video page, or undefined. Only when the page's owner
 * allowed the player's host (`embed-hosts`): by default no board loads anything from another site.
 * Only https players, and only ids made of safe characters.
 */
export function embedUrlFor(pageUrl: string | undefined, allowedHosts: readonly string[]): string | undefined {
  if (!pageUrl || !allowedHosts.length) return undefined;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const allowed = new Set(allowedHosts.map((host) => host.trim().toLowerCase()).filter(Boolean));
  for (const known of KNOWN_PLAYERS) {
    if (!known.hosts.test(url.hostname) || !allowed.has(known.player)) continue;
    const id = known.id(url);
    return id && /^[\w-]{1,64}$/.test(id) ? known.embed(id) : undefined;
  }
  return undefined;
}
