import { excerptParts, type PageHit, type SearchMessages } from '../search';

export function readMessages(el: HTMLElement): SearchMessages {
  return JSON.parse(el.dataset['messages'] ?? '{}') as SearchMessages;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An excerpt as text nodes and `<mark>` elements: nothing from the index or the query becomes HTML. `lead` is the
 * heading or title shown above it, left out where the excerpt repeats it.
 */
function excerpt(text: string, lead: string): HTMLParagraphElement {
  const p = el('p', 'search-excerpt');
  for (const part of excerptParts(text, lead)) p.append(part.mark ? el('mark', '', part.text) : part.text);
  return p;
}

/**
 * One list item per page: its title linking to the best matching section, that section's name and excerpt,
 * then (on the search page) further matching sections as links. `heading` wraps the title in an <h2>.
 */
export function renderHits(list: HTMLElement, hits: PageHit[], messages: SearchMessages, heading: boolean): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const [best, ...more] = hit.sections;
      const item = el('li', 'search-hit');
      const link = el('a', 'search-hit-title', hit.title);
      link.href = best?.url ?? hit.url;
      const title = heading ? el('h2', 'search-hit-heading') : el('p', 'search-hit-heading');
      title.append(link);
      item.append(title, el('p', 'search-section', best?.title ?? messages.pageStart));
      if (best?.excerpt) item.append(excerpt(best.excerpt, best.title ?? hit.title));
      if (more.length) {
        const others = el('ul', 'search-more');
        for (const section of more) {
          const li = el('li', '');
          const a = el('a', '', section.title ?? messages.pageStart);
          a.href = section.url;
          li.append(a);
          if (section.excerpt) li.append(excerpt(section.excerpt, section.title ?? hit.title));
          others.append(li);
        }
        item.append(others);
      }
      return item;
    }),
  );
}
