// Header search with a debounced typeahead from search.suggest. Follows the WAI-ARIA combobox
// pattern: arrows move through suggestions, Enter picks one (or searches the text), Escape closes.
// Underneath it is a plain GET form to /search, so searching works before (or without) JavaScript.
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { SEARCH_MAX_QUERY_LENGTH, SEARCH_SUGGEST_MAX_LENGTH, type SearchSuggestion } from '../../shared/schemas/search';
import { focusOnArrival, pageOnScreen } from '../lib/focus-on-arrival';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { trpc } from '../trpc';
import { SearchIcon } from './icons';

const kindLabel: Record<SearchSuggestion['kind'], string> = { query: 'Search', category: 'Category', shop: 'Shop' };

export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const urlQ = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(urlQ);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const stopArrival = useRef<(() => void) | null>(null);

  // Keep the box in sync when the URL changes (back/forward, facet links).
  useEffect(() => setText(urlQ), [urlQ]);

  const debounced = useDebouncedValue(text.trim(), 180);
  // The box takes a longer query than the typeahead does: past that, ask for no suggestions (the
  // server would refuse them) and show none; Enter still searches the whole text.
  const suggestable = debounced.length >= 2 && debounced.normalize('NFC').length <= SEARCH_SUGGEST_MAX_LENGTH;
  const suggest = trpc.search.suggest.useQuery(
    { q: debounced },
    { enabled: open && suggestable, staleTime: 60_000, placeholderData: (prev) => prev },
  );
  const suggestions = suggestable ? (suggest.data?.suggestions ?? []) : [];
  const showList = open && suggestions.length > 0;

  /**
   * The box blurs as it leaves (so a phone's keyboard closes), which would drop focus to <body>:
   * once the address is `to` and its page is on screen, the page's heading takes focus (or the page
   * itself), so the next Tab goes on in the results rather than at "Skip to content".
   */
  function arrive(to: string) {
    navigate(to);
    stopArrival.current?.();
    // Only once the page for `to` is drawn: until then <main> still holds the page left.
    stopArrival.current = focusOnArrival(() => {
      const main = pageOnScreen(to);
      return main && (main.querySelector<HTMLElement>('h1[tabindex="-1"]') ?? main);
    });
  }

  function go(s: SearchSuggestion | null) {
    setOpen(false);
    setActive(-1);
    inputRef.current?.blur();
    // The server gives each suggestion the value its link needs (a category or shop slug).
    // A category or a shop is a place, not a query: the box empties once there.
    if (s && s.kind !== 'query') setText('');
    if (s?.kind === 'category') return arrive(`/search?category=${encodeURIComponent(s.value)}`);
    if (s?.kind === 'shop') return arrive(`/shop/${encodeURIComponent(s.value)}`);
    const q = (s?.value ?? text).trim();
    arrive(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (suggestions.length ? (i + 1) % suggestions.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (suggestions.length ? (i <= 0 ? suggestions.length - 1 : i - 1) : -1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(active >= 0 ? (suggestions[active] ?? null) : null);
    }
  }

  return (
    <div className="header-search">
      {/* biome-ignore lint/a11y/useSemanticElements: <search> lacks support in some screen readers; role=search is the safe landmark */}
      <form
        role="search"
        action="/search"
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          go(null);
        }}
      >
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          Search for anything
        </label>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          name="q"
          placeholder="Search for anything"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          value={text}
          maxLength={SEARCH_MAX_QUERY_LENGTH}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 120)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="search-go" aria-label="Search">
          <SearchIcon />
        </button>
      </form>
      {showList && (
        <div className="suggest-list" id={listId} role="listbox" aria-label="Suggestions">
          {suggestions.map((s, i) => (
            <div
              key={`${s.kind}:${s.value}`}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                go(s);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{s.text}</span>
              <span className="kind">{kindLabel[s.kind]}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
