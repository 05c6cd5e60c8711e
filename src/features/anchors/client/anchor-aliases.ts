import { aliasTarget } from '../anchor-history';

/**
 * A link to a renamed heading or step (`#step-pay-cash`, now `#step-pay`) moves to the new id, so the browser
 * scrolls to it and highlights it. The aliases come from content/data/anchor-aliases.yaml via AnchorAliases.astro.
 */
const holder = document.querySelector<HTMLElement>('[data-anchor-aliases]');
const aliases = JSON.parse(holder?.dataset['anchorAliases'] ?? '{}') as Record<string, string>;
const exists = (id: string) => document.getElementById(id) !== null;

function follow(): void {
  const next = aliasTarget(location.hash, aliases, exists);
  // Replacing (not pushing) keeps Back working, and sets :target on the new element.
  if (next) location.replace(`#${next}`);
}

follow();
addEventListener('hashchange', follow);
