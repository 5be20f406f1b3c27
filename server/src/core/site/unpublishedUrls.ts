/**
 * Where the documents `published: false` keeps out of the build would be: `jekyll build --unpublished` publishes
 * them there. A page kept out may link to another kept out (cfpb.github.io's job pages): in no build is that link
 * broken. A published page's link to one is, and the message can say why.
 */
import type { SiteConfig } from './config';
import type { MemoDependency } from './memo';
import type { SiteDocument } from './siteDocument';
import { UrlMap } from './urlMap';

/** What is read of the site (`SiteIndex`, which this layer does not import). */
interface Site {
  readonly config: SiteConfig;
  readonly documents: ReadonlyMap<string, SiteDocument>;
  derived<T>(name: string, compute: () => T, dependsOn: MemoDependency): T;
}

/** The URL map of the documents kept out of the build, made once per change of any front matter. */
export function unpublishedUrls(site: Site): UrlMap {
  return site.derived(
    'unpublishedUrls',
    () => {
      const config = site.config;
      // A document may be kept out by its own `published: false` or by `defaults`; the map reads the merged value.
      const byDefaults = config.defaults.some((d) => d.values['published'] === false);
      const documents = new Map<string, SiteDocument>();
      for (const [path, document] of site.documents) {
        const own = document.data['published'];
        if (own === false || (own === undefined && byDefaults)) {
          documents.set(path, document);
        }
      }
      return new UrlMap({ config, document: (path) => documents.get(path), staticFiles: new Set(), documents }, true);
    },
    'any-data',
  );
}
