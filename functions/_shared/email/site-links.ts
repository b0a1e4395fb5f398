// Every product link is built from one configured site URL; ids go into paths encoded.
export interface SiteLinks {
  /** An absolute URL on the site for `path` ("/events/…"), with optional query parameters. */
  to(path: string, query?: Record<string, string>): string;
  /** The preferences page that lets a recipient turn a kind of e-mail off. */
  preferences(templateKey: string): string;
}

export function createSiteLinks(siteUrl: string): SiteLinks {
  const base = new URL(siteUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new Error(`Cannot build e-mail links: SITE_URL "${siteUrl}" is not an http(s) URL`);
  }
  const root = base.href.replace(/\/+$/, "");
  function to(path: string, query: Record<string, string> = {}): string {
    if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`Cannot build a site link: path "${path}" must start with one "/"`);
    const url = new URL(`${root}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.href;
  }
  return {
    to,
    preferences: (templateKey) => to("/settings/notifications", { unsubscribe: templateKey }),
  };
}

/** `/events/<id>` with the id encoded, whatever it holds. */
export function eventPath(eventId: string, suffix = ""): string {
  return `/events/${encodeURIComponent(eventId)}${suffix}`;
}
